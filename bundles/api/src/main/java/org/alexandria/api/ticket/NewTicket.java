package org.alexandria.api.ticket;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What it takes to open a ticket. The requester is given by {@code requesterId}, or by {@code requesterEmail}
 * (the customer with that email, created with {@code requesterName} when there is none).
 *
 * @param subject        subject line, required, at most 500 characters
 * @param description    first message, required
 * @param type           type; {@link TicketType#QUESTION} when null
 * @param priority       priority; {@link TicketPriority#NORMAL} when null
 * @param channel        how it arrived; {@link Channel#API} when null
 * @param requesterId    id of an existing customer
 * @param requesterEmail email of the requester, when there is no requesterId
 * @param requesterName  display name of a requester created from requesterEmail
 * @param assignee       login of the agent to assign, if any
 * @param group          group to assign, if any
 * @param tags           tags; null for none
 * @param customFields   values of defined custom fields, by field name; null for none
 * @param product        product concerned, if known
 * @param appVersion     application version, if known
 * @param environment    operating system and device, if known
 */
public record NewTicket(String subject, String description, @Nullable TicketType type,
        @Nullable TicketPriority priority, @Nullable Channel channel, @Nullable String requesterId,
        @Nullable String requesterEmail, @Nullable String requesterName, @Nullable String assignee,
        @Nullable String group, @Nullable Set<String> tags, @Nullable Map<String, Object> customFields,
        @Nullable String product, @Nullable String appVersion, @Nullable Environment environment) {

    /**
     * @param subject     subject line
     * @param description first message
     * @param requesterId an existing customer's id
     * @return a question with default priority, arrived through the API
     */
    public static NewTicket of(String subject, String description, String requesterId) {
        return new NewTicket(subject, description, null, null, null, requesterId, null, null, null, null, null, null,
                null, null, null);
    }
}
