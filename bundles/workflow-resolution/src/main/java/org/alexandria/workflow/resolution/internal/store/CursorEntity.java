package org.alexandria.workflow.resolution.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of {@code alx_wf_cursor}: how far a sweep has read a change feed. */
@Entity
@Table(name = "alx_wf_cursor")
public class CursorEntity {
    @Id
    @Column(name = "name")
    String name = "";
    @Column(name = "position")
    String position = "";
    @Column(name = "last_change_ms")
    long lastChangeMs;
}
