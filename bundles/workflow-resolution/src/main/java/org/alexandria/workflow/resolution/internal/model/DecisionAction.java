package org.alexandria.workflow.resolution.internal.model;

/** What an agent can do with a proposal. */
public enum DecisionAction {
    /** Confirm the proposed or suggested link. */
    ACCEPT,
    /** Refuse the proposed link; it is never proposed again for the ticket. */
    REJECT,
    /** Link the ticket to another crash group. */
    RELINK
}
