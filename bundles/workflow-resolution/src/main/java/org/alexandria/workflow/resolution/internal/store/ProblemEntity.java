package org.alexandria.workflow.resolution.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.jspecify.annotations.Nullable;

/** Row of {@code alx_wf_problem}: the problem ticket of a crash group, or a node's claim to create it. */
@Entity
@Table(name = "alx_wf_problem")
public class ProblemEntity {
    @Id
    @Column(name = "group_id")
    String groupId = "";
    @Column(name = "problem_ticket_id")
    @Nullable String problemTicketId;
    @Column(name = "claim_ms")
    long claimMs;
}
