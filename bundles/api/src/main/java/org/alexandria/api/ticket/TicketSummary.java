package org.alexandria.api.ticket;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A ticket as other plugins and workflows see it.
 *
 * @param id          stable id (UUID)
 * @param key         human key, e.g. {@code ALX-123}
 * @param subject     subject line
 * @param description first message, may contain stack traces
 * @param status      status
 * @param priority    priority
 * @param type        type
 * @param channel     how it arrived
 * @param requesterId the customer who asked
 * @param assignee    login of the assigned agent, if any
 * @param tags        tags
 * @param product     product concerned, if known
 * @param appVersion  application version concerned, if known
 * @param createdAt   creation time
 * @param updatedAt   last change
 */
public record TicketSummary(String id, String key, String subject, String description, TicketStatus status,
        TicketPriority priority, TicketType type, Channel channel, String requesterId, @Nullable String assignee,
        Set<String> tags, @Nullable String product, @Nullable String appVersion, Instant createdAt, Instant updatedAt) {
}
