package org.alexandria.api.ticket;

/**
 * Ticket topics beyond {@link org.alexandria.api.event.Topics#TICKET_CREATED} and
 * {@link org.alexandria.api.event.Topics#TICKET_UPDATED}; every payload is an
 * {@link org.alexandria.api.event.EntityChange} of entity type {@code ticket} with the ticket's id.
 */
public final class TicketTopics {

    /** Every ticket topic. */
    public static final String ALL = "alexandria/ticket/*";
    /** A conversation entry was added; the summary names the visibility. */
    public static final String COMMENTED = "alexandria/ticket/COMMENTED";
    /** A ticket was merged into another; entity id is the source, the summary names the target key. */
    public static final String MERGED = "alexandria/ticket/MERGED";
    /** A ticket was linked to or unlinked from another. */
    public static final String LINKED = "alexandria/ticket/LINKED";
    /** A first-response or resolution target of a ticket's SLA passed; the summary says which. */
    public static final String SLA_BREACHED = "alexandria/ticket/SLA_BREACHED";

    private TicketTopics() {
    }
}
