package org.alexandria.tickets.internal.store;

import javax.persistence.Column;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;
import org.jspecify.annotations.Nullable;

/** The columns organizations and customers share: id, name, segmentation attributes and times. */
@MappedSuperclass
public abstract class PartyEntity {
    @Id
    @Column(name = "id")
    String id = "";
    @Column(name = "name")
    String name = "";
    @Column(name = "plan")
    @Nullable String plan;
    @Column(name = "tier")
    @Nullable String tier;
    @Column(name = "region")
    @Nullable String region;
    @Column(name = "created_ms")
    long createdMs;
    @Column(name = "updated_ms")
    long updatedMs;
}
