package org.alexandria.api.ticket;

/** Who wrote a conversation entry. */
public enum AuthorType {
    /** A platform user: agent, manager or admin. */
    AGENT,
    /** The requester or another customer, e.g. an email reply received by a workflow. */
    CUSTOMER,
    /** An automated component such as a workflow step. */
    SYSTEM
}
