package org.alexandria.api.ticket;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a ticket's conversation.
 *
 * @param id         stable id (UUID)
 * @param ticketId   the ticket it belongs to now
 * @param author     login of the agent, customer id or component id
 * @param authorType who wrote it
 * @param visibility public reply or internal note
 * @param body       text
 * @param createdAt  when it was written
 * @param movedFrom  key of the ticket it was written on, when a merge moved it here
 */
public record Comment(String id, String ticketId, String author, AuthorType authorType, Visibility visibility,
        String body, Instant createdAt, @Nullable String movedFrom) {
}
