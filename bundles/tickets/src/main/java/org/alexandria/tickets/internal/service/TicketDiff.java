package org.alexandria.tickets.internal.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.ticket.Ticket;
import org.jspecify.annotations.Nullable;

/** Describes what changed between two states of a ticket, for the audit trail and event summaries. */
final class TicketDiff {

    final List<String> fields = new ArrayList<>();
    private final StringBuilder before = new StringBuilder();
    private final StringBuilder after = new StringBuilder();

    static TicketDiff of(Ticket a, Ticket b) {
        TicketDiff diff = new TicketDiff();
        diff.add("subject", a.subject(), b.subject());
        if (!a.description().equals(b.description())) {
            diff.add("description", a.description().length() + " characters", b.description().length() + " characters");
        }
        diff.add("status", a.status(), b.status());
        diff.add("priority", a.priority(), b.priority());
        diff.add("type", a.type(), b.type());
        diff.add("requesterId", a.requesterId(), b.requesterId());
        diff.add("organizationId", a.organizationId(), b.organizationId());
        diff.add("assignee", a.assignee(), b.assignee());
        diff.add("group", a.group(), b.group());
        diff.add("tags", new TreeSet<>(a.tags()), new TreeSet<>(b.tags()));
        diff.add("customFields", new TreeMap<>(a.customFields()), new TreeMap<>(b.customFields()));
        diff.add("product", a.product(), b.product());
        diff.add("appVersion", a.appVersion(), b.appVersion());
        diff.add("environment", a.environment(), b.environment());
        diff.add("firstResponseAt", a.firstResponseAt(), b.firstResponseAt());
        diff.add("solvedAt", a.solvedAt(), b.solvedAt());
        diff.add("slaPolicyId", a.slaPolicyId(), b.slaPolicyId());
        diff.add("firstResponseDueAt", a.firstResponseDueAt(), b.firstResponseDueAt());
        diff.add("resolutionDueAt", a.resolutionDueAt(), b.resolutionDueAt());
        diff.add("firstResponseBreached", a.firstResponseBreached(), b.firstResponseBreached());
        diff.add("resolutionBreached", a.resolutionBreached(), b.resolutionBreached());
        return diff;
    }

    private void add(String field, @Nullable Object a, @Nullable Object b) {
        if (Objects.equals(a, b)) {
            return;
        }
        fields.add(field);
        append(before, field, a);
        append(after, field, b);
    }

    private static void append(StringBuilder text, String field, @Nullable Object value) {
        if (text.length() > 0) {
            text.append("; ");
        }
        text.append(field).append('=').append(value);
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    /** @return whether the text duplicate detection reads changed */
    boolean textChanged() {
        return fields.contains("subject") || fields.contains("description") || fields.contains("product");
    }

    String before() {
        return clip(before.toString());
    }

    String after() {
        return clip(after.toString());
    }

    /**
     * @param text any text
     * @return the text, cut to what an audit record takes
     */
    static String clip(String text) {
        return text.length() <= AuditRecord.MAX_TEXT ? text : text.substring(0, AuditRecord.MAX_TEXT - 1) + "…";
    }
}
