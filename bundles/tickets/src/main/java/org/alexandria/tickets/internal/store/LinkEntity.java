package org.alexandria.tickets.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of {@code tkt_link}: DUPLICATE_OF, RELATED or INCIDENT_OF from one ticket to another. */
@Entity
@Table(name = "tkt_link")
public class LinkEntity {
    @Id
    @Column(name = "id")
    String id = "";
    @Column(name = "link_type")
    String linkType = "";
    @Column(name = "source_id")
    String sourceId = "";
    @Column(name = "target_id")
    String targetId = "";
    @Column(name = "created_by")
    String createdBy = "";
    @Column(name = "created_ms")
    long createdMs;
}
