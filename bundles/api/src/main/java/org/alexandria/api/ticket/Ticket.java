package org.alexandria.api.ticket;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A ticket with all its fields (its conversation, attachments and links are read separately).
 *
 * @param id                   stable id (UUID)
 * @param key                  human key, e.g. {@code ALX-123}
 * @param subject              subject line
 * @param description          first message, may contain stack traces
 * @param status               status
 * @param priority             priority
 * @param type                 type
 * @param channel              how it arrived
 * @param requesterId          the customer who asked
 * @param organizationId       the requester's organization, if any
 * @param assignee             login of the assigned agent, if any
 * @param group                the group (team) it is assigned to, if any
 * @param tags                 tags, lower case
 * @param customFields         custom field values by field name: {@code String}, {@code java.math.BigDecimal},
 *                             {@code Boolean} or {@code java.time.LocalDate} (for date fields) values
 * @param product              product concerned, if known
 * @param appVersion           application version concerned, if known
 * @param environment          where the problem happens
 * @param createdAt            creation time
 * @param updatedAt            last change
 * @param firstResponseAt      first public reply by an agent, if any
 * @param solvedAt             when it was solved (or closed without being solved), if it is
 * @param slaPolicyId          the SLA policy that set its due times, if any
 * @param firstResponseDueAt   when the first response is due, if an SLA applies
 * @param resolutionDueAt      when the resolution is due, if an SLA applies
 * @param firstResponseBreached whether the first response came (or is still missing) after its due time
 * @param resolutionBreached   whether the resolution came (or is still missing) after its due time
 */
public record Ticket(String id, String key, String subject, String description, TicketStatus status,
        TicketPriority priority, TicketType type, Channel channel, String requesterId,
        @Nullable String organizationId, @Nullable String assignee, @Nullable String group, Set<String> tags,
        Map<String, Object> customFields, @Nullable String product, @Nullable String appVersion,
        Environment environment, Instant createdAt, Instant updatedAt, @Nullable Instant firstResponseAt,
        @Nullable Instant solvedAt, @Nullable String slaPolicyId, @Nullable Instant firstResponseDueAt,
        @Nullable Instant resolutionDueAt, boolean firstResponseBreached, boolean resolutionBreached) {

    /** Copies the collections. */
    public Ticket {
        tags = Set.copyOf(tags);
        customFields = Map.copyOf(customFields);
    }

    /** @return this ticket as other plugins see it in lists */
    public TicketSummary summary() {
        return new TicketSummary(id, key, subject, description, status, priority, type, channel, requesterId,
                assignee, tags, product, appVersion, createdAt, updatedAt);
    }
}
