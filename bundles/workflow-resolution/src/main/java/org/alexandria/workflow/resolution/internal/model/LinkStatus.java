package org.alexandria.workflow.resolution.internal.model;

/** How a ticket came to be tied to a crash group. */
public enum LinkStatus {
    /** Linked automatically: the score reached the auto-link threshold. */
    AUTO_LINKED,
    /** Suggested to the agent: the score is between the suggestion and auto-link thresholds. */
    SUGGESTED,
    /** Confirmed by an agent. */
    ACCEPTED,
    /** Chosen by an agent instead of the proposal. */
    RELINKED;

    /** @return whether the ticket counts as an incident of the group (for problem tickets) */
    public boolean linked() {
        return this != SUGGESTED;
    }
}
