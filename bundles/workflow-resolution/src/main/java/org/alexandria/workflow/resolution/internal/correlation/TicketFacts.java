package org.alexandria.workflow.resolution.internal.correlation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the correlation engine knows about a ticket.
 *
 * @param ticketId       the ticket's id
 * @param subject        its subject
 * @param text           description, public comments and text attachments
 * @param product        product the ticket is filed under, when known
 * @param appVersion     application version the customer runs, when known
 * @param os             operating system, when known
 * @param customerId     the customer's id, when known
 * @param organizationId the customer's organization, when known
 * @param createdAt      when the ticket was created
 */
public record TicketFacts(String ticketId, String subject, String text, @Nullable String product,
        @Nullable String appVersion, @Nullable String os, @Nullable String customerId,
        @Nullable String organizationId, Instant createdAt) {
}
