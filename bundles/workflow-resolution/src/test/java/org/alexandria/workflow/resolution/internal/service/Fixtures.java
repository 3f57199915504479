package org.alexandria.workflow.resolution.internal.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alexandria.api.ticket.Channel;
import org.alexandria.api.ticket.Environment;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.api.ticket.TicketPriority;
import org.alexandria.api.ticket.TicketStatus;
import org.alexandria.api.ticket.TicketType;
import org.alexandria.workflow.resolution.internal.correlation.Candidate;
import org.alexandria.workflow.resolution.internal.correlation.Signal;

/** Tickets and candidates for the workflow's tests. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private Fixtures() {
    }

    public static Ticket ticket(String id, String key, String subject, String description) {
        return ticket(id, key, subject, description, TicketType.INCIDENT, T0);
    }

    public static Ticket ticket(String id, String key, String subject, String description, TicketType type, Instant updated) {
        return new Ticket(id, key, subject, description, TicketStatus.NEW, TicketPriority.NORMAL, type, Channel.WEB,
                "customer-1", "org-1", null, null, Set.of(), Map.of(), "Acme App", "2.4.1", new Environment("Android 14", null),
                T0, updated, null, null, null, null, null, false, false);
    }

    public static Candidate candidate(String groupId, double score) {
        return new Candidate(groupId, "NullPointerException in " + groupId, score,
                List.of(new Signal("stack-trace", score, score, "frames shared with " + groupId)));
    }
}
