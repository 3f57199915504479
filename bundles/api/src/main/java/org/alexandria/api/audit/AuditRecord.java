package org.alexandria.api.audit;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a caller asks the trail to record.
 *
 * @param actor  who did it
 * @param action what was done, e.g. {@code ticket.merge}
 * @param target what it was done to
 * @param reason why, if known (free text from a person or an explanation from a component)
 * @param before short summary of the state before, if any
 * @param after  short summary of the state after, if any
 */
public record AuditRecord(Actor actor, String action, EntityRef target, @Nullable String reason,
        @Nullable String before, @Nullable String after) {

    /** Maximum length of reason, before and after; longer text is rejected, not cut. */
    public static final int MAX_TEXT = 4000;

    /** Validates required fields and lengths. */
    public AuditRecord {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        if (action.isBlank() || action.length() > 200) {
            throw new IllegalArgumentException("action must be 1..200 characters");
        }
        check("reason", reason);
        check("before", before);
        check("after", after);
    }

    private static void check(String field, @Nullable String text) {
        if (text != null && text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_TEXT + " characters");
        }
    }
}
