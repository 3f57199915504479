package org.alexandria.tickets.internal.service;

import static org.alexandria.api.ticket.TicketStatus.CLOSED;
import static org.alexandria.api.ticket.TicketStatus.NEW;
import static org.alexandria.api.ticket.TicketStatus.ON_HOLD;
import static org.alexandria.api.ticket.TicketStatus.OPEN;
import static org.alexandria.api.ticket.TicketStatus.PENDING;
import static org.alexandria.api.ticket.TicketStatus.SOLVED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.ticket.TicketStatus;

/**
 * The ticket status workflow: work statuses (new, open, pending, on-hold) move freely among themselves (except
 * back to new) and to solved or closed; solved moves on to closed; solved and closed tickets are only reopened
 * (to open).
 */
public final class StatusRules {

    private static final Set<TicketStatus> WORKING = EnumSet.of(OPEN, PENDING, ON_HOLD, SOLVED, CLOSED);
    private static final Map<TicketStatus, Set<TicketStatus>> ALLOWED = Map.of(
            NEW, WORKING,
            OPEN, WORKING,
            PENDING, WORKING,
            ON_HOLD, WORKING,
            SOLVED, EnumSet.of(OPEN, CLOSED),
            CLOSED, EnumSet.of(OPEN));

    private StatusRules() {
    }

    /**
     * @param from current status
     * @param to   wanted status
     * @return whether the move is allowed (staying is always allowed)
     */
    public static boolean allowed(TicketStatus from, TicketStatus to) {
        return from == to || ALLOWED.get(from).contains(to);
    }

    /**
     * @param key  the ticket, for the message
     * @param from current status
     * @param to   wanted status
     * @throws ProblemException 409 {@code invalid-transition} when the move is not allowed
     */
    public static void check(String key, TicketStatus from, TicketStatus to) {
        if (!allowed(from, to)) {
            throw new ProblemException(409, "invalid-transition", "Status change not allowed",
                    key + " cannot go from " + name(from) + " to " + name(to) + "; allowed: "
                            + ALLOWED.get(from).stream().map(StatusRules::name).sorted().toList());
        }
    }

    /**
     * @param from a status
     * @param to   the next one
     * @return whether this is a reopening
     */
    public static boolean reopens(TicketStatus from, TicketStatus to) {
        return (from == SOLVED || from == CLOSED) && to == OPEN;
    }

    private static String name(TicketStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
