package org.alexandria.workflow.resolution.internal.model;

import java.util.List;
import org.alexandria.workflow.resolution.internal.correlation.Signal;

/**
 * A ticket's link to a crash group.
 *
 * @param groupId   crash group id
 * @param signature the group's signature
 * @param score     the correlation score in [0, 1] (1 for a group an agent chose)
 * @param status    how the link came about
 * @param signals   what contributed to the score
 */
public record Link(String groupId, String signature, double score, LinkStatus status, List<Signal> signals) {

    /** Copies the signals. */
    public Link {
        signals = List.copyOf(signals);
    }

    /**
     * @param newStatus the status after a decision
     * @return this link with another status
     */
    public Link with(LinkStatus newStatus) {
        return new Link(groupId, signature, score, newStatus, signals);
    }
}
