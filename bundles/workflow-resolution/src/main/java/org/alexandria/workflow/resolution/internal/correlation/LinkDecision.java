package org.alexandria.workflow.resolution.internal.correlation;

/** What the workflow does with a candidate's score. */
public enum LinkDecision {
    /** Link the ticket to the group without asking. */
    AUTO_LINK,
    /** Show the group to the agent as a suggestion. */
    SUGGEST,
    /** Say nothing. */
    NONE
}
