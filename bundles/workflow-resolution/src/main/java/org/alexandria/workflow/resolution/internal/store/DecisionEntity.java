package org.alexandria.workflow.resolution.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.jspecify.annotations.Nullable;

/** Row of {@code alx_wf_decision}: one agent decision on a ticket's link. */
@Entity
@Table(name = "alx_wf_decision")
public class DecisionEntity {
    @Id
    @Column(name = "id")
    String id = "";
    @Column(name = "ticket_id")
    String ticketId = "";
    @Column(name = "action")
    String action = "";
    @Column(name = "group_id")
    @Nullable String groupId;
    @Column(name = "judged_group_id")
    @Nullable String judgedGroupId;
    @Column(name = "judged_status")
    @Nullable String judgedStatus;
    @Column(name = "judged_score")
    @Nullable Double judgedScore;
    @Column(name = "actor")
    String actor = "";
    @Column(name = "reason")
    @Nullable String reason;
    @Column(name = "decided_ms")
    long decidedMs;
}
