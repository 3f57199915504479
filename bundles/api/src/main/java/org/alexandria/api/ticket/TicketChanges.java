package org.alexandria.api.ticket;

import java.util.List;

/**
 * A page of {@link Tickets#changes changed tickets}.
 *
 * @param tickets tickets, oldest change first
 * @param cursor  pass it to the next call to continue after this page; the same cursor again when nothing changed
 * @since 1.2
 */
public record TicketChanges(List<Ticket> tickets, String cursor) {

    /** Copies the list. */
    public TicketChanges {
        tickets = List.copyOf(tickets);
    }
}
