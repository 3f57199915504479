package org.alexandria.tickets.internal.dedup;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a ticket that duplicate detection looks at.
 *
 * @param subject     subject line
 * @param description first message; may contain Java stack traces, logs, links and JIRA-style markup
 * @param product     product concerned, if known; only {@link CandidateFilter#product()} uses it
 * @param created     when the ticket was created (for a ticket being created: now)
 */
public record TicketText(String subject, String description, @Nullable String product, Instant created) {

    /** Checks that the required parts are present. */
    public TicketText {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(created, "created");
    }

    /**
     * @param subject     subject line
     * @param description first message
     * @param created     creation time
     * @return a ticket text without product
     */
    public static TicketText of(String subject, String description, Instant created) {
        return new TicketText(subject, description, null, created);
    }
}
