package org.alexandria.api.ticket;

/** How two tickets relate; a link always points from a source ticket to a target ticket. */
public enum LinkType {
    /** The source reports the same thing as the target (set by merging, or by hand). */
    DUPLICATE_OF,
    /** The two are related; no direction is implied. */
    RELATED,
    /** The source is an incident caused by the target, a {@link TicketType#PROBLEM} ticket. */
    INCIDENT_OF
}
