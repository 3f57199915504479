package org.alexandria.api.ticket;

/** Where a ticket stands. Solved and closed tickets can be reopened. */
public enum TicketStatus {
    /** Created, nobody has looked at it yet. */
    NEW,
    /** Being worked on. */
    OPEN,
    /** Waiting for the requester. */
    PENDING,
    /** Waiting for a third party. */
    ON_HOLD,
    /** A solution was given; reopens if the requester answers. */
    SOLVED,
    /** Done for good (reopening creates an audit entry). */
    CLOSED
}
