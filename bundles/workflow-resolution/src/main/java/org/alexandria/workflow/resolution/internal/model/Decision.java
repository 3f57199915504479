package org.alexandria.workflow.resolution.internal.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An agent's decision on a ticket's link.
 *
 * @param action  ACCEPT, REJECT or RELINK
 * @param groupId the group accepted, rejected or chosen
 * @param actor   the agent's login
 * @param reason  why, if given
 * @param at      when
 */
public record Decision(DecisionAction action, @Nullable String groupId, String actor, @Nullable String reason,
        Instant at) {
}
