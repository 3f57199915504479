package org.alexandria.workflow.resolution.internal.model;

/** Where a ticket's resolution stands. */
public enum ResolutionState {
    /** The workflow has not processed the ticket yet. */
    PENDING,
    /** A proposal is waiting for an agent. */
    PROPOSED,
    /** An agent accepted the proposed link. */
    ACCEPTED,
    /** An agent rejected the proposed link (the next candidate may be proposed). */
    REJECTED,
    /** An agent linked the ticket to another crash group. */
    RELINKED
}
