package org.alexandria.tickets.internal.sla;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * Row of {@code tkt_sla_policy}; business hours are null for around the clock, weekdays are names separated by
 * commas. Its targets are {@link SlaTargetEntity} rows.
 */
@Entity
@Table(name = "tkt_sla_policy")
public class SlaPolicyEntity {
    @Id
    @Column(name = "id")
    String id = "";
    @Column(name = "name")
    String name = "";
    @Column(name = "plan")
    @Nullable String plan;
    @Column(name = "position")
    int position;
    @Column(name = "time_zone")
    @Nullable String timeZone;
    @Column(name = "weekdays")
    @Nullable String weekdays;
    @Column(name = "day_start")
    @Nullable String dayStart;
    @Column(name = "day_end")
    @Nullable String dayEnd;
    @Column(name = "created_ms")
    long createdMs;
    @Column(name = "updated_ms")
    long updatedMs;
}
