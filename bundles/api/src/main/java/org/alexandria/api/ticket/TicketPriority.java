package org.alexandria.api.ticket;

/** Urgency of a ticket; SLA targets are set per priority. */
public enum TicketPriority {
    /** Can wait. */
    LOW,
    /** The default. */
    NORMAL,
    /** Important. */
    HIGH,
    /** Business stopped. */
    URGENT
}
