package org.alexandria.api.ticket;

/** Kind of ticket. */
public enum TicketType {
    /** The requester asks something. */
    QUESTION,
    /** Something is broken for the requester. */
    INCIDENT,
    /** The cause behind one or more incidents. */
    PROBLEM,
    /** Work to do. */
    TASK
}
