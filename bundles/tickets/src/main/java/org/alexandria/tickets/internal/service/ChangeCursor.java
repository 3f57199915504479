package org.alexandria.tickets.internal.service;

import org.alexandria.api.ticket.Ticket;
import org.alexandria.tickets.internal.store.TicketSearch;

/** The cursor of {@link TicketService#changes}: last change time and ticket number, as {@code <ms>.<number>}. */
final class ChangeCursor {

    private ChangeCursor() {
    }

    static TicketSearch.Position of(Ticket ticket) {
        String key = ticket.key();
        return new TicketSearch.Position(ticket.updatedAt().toEpochMilli(),
                Long.parseLong(key.substring(key.lastIndexOf('-') + 1)));
    }

    static String format(TicketSearch.Position position) {
        return position.value() + "." + position.number();
    }

    static TicketSearch.Position parse(String cursor) {
        int dot = cursor.indexOf('.');
        try {
            if (dot > 0) {
                return new TicketSearch.Position(Long.parseLong(cursor.substring(0, dot)),
                        Long.parseLong(cursor.substring(dot + 1)));
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("malformed change cursor: " + cursor);
    }
}
