package org.alexandria.tickets.internal.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.api.ticket.Environment;
import org.alexandria.api.ticket.TicketPriority;
import org.alexandria.api.ticket.TicketStatus;
import org.alexandria.api.ticket.TicketType;
import org.alexandria.api.ticket.TicketUpdate;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JSON merge patch (RFC 7396) of a ticket into a {@link TicketUpdate}: a field that is present changes,
 * {@code null} empties an optional field, and in {@code customFields} a {@code null} value removes that field.
 */
final class TicketPatch {

    static final Set<String> FIELDS = Set.of("subject", "description", "status", "priority", "type", "requesterId",
            "assignee", "group", "tags", "customFields", "product", "appVersion", "environment");
    private static final Set<String> NULLABLE = Set.of("assignee", "group", "tags", "product", "appVersion",
            "environment");

    private TicketPatch() {
    }

    static TicketUpdate parse(@Nullable Map<String, @Nullable Object> patch) {
        if (patch == null || patch.isEmpty()) {
            throw ProblemException.badRequest("the patch is empty; send the fields to change");
        }
        Set<String> unknown = new TreeSet<>(patch.keySet());
        unknown.removeAll(FIELDS);
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("unknown field(s) " + unknown + "; a ticket patch takes "
                    + new TreeSet<>(FIELDS));
        }
        Set<String> clear = new HashSet<>();
        for (Map.Entry<String, @Nullable Object> e : patch.entrySet()) {
            if (e.getValue() == null) {
                if (!NULLABLE.contains(e.getKey())) {
                    throw ProblemException.badRequest("'" + e.getKey() + "' cannot be null; nullable: "
                            + new TreeSet<>(NULLABLE));
                }
                clear.add(e.getKey());
            }
        }
        Map<String, @Nullable Object> fields = null;
        Object customFields = patch.get("customFields");
        if (customFields != null) {
            if (!(customFields instanceof Map<?, ?> map)) {
                throw ProblemException.badRequest("'customFields' must be an object");
            }
            fields = new HashMap<>();
            for (Map.Entry<?, ?> f : map.entrySet()) {
                if (f.getValue() == null) {
                    clear.add("customFields." + f.getKey());
                } else {
                    fields.put(f.getKey().toString(), f.getValue());
                }
            }
        }
        return new TicketUpdate(text(patch, "subject"), text(patch, "description"),
                Params.enumValue("status", text(patch, "status"), TicketStatus.class),
                Params.enumValue("priority", text(patch, "priority"), TicketPriority.class),
                Params.enumValue("type", text(patch, "type"), TicketType.class), text(patch, "requesterId"),
                text(patch, "assignee"), text(patch, "group"), tags(patch.get("tags")), fields, text(patch, "product"),
                text(patch, "appVersion"), environment(patch.get("environment")), clear);
    }

    private static @Nullable String text(Map<String, @Nullable Object> patch, String field) {
        Object value = patch.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw ProblemException.badRequest("'" + field + "' must be text");
        }
        return s;
    }

    private static @Nullable Set<String> tags(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
            throw ProblemException.badRequest("'tags' must be a list of texts");
        }
        List<String> tags = new ArrayList<>();
        list.forEach(v -> tags.add((String) v));
        return new HashSet<>(tags);
    }

    private static @Nullable Environment environment(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map) || !Set.of("os", "device").containsAll(map.keySet())
                || map.values().stream().anyMatch(v -> v != null && !(v instanceof String))) {
            throw ProblemException.badRequest("'environment' must be an object with the texts 'os' and 'device'");
        }
        return new Environment((String) map.get("os"), (String) map.get("device"));
    }
}
