package org.alexandria.api.ticket;

import java.time.Instant;

/**
 * A link from one ticket to another.
 *
 * @param id        stable id (UUID)
 * @param type      how they relate
 * @param sourceId  the source ticket
 * @param sourceKey its key
 * @param targetId  the target ticket
 * @param targetKey its key
 * @param createdBy who linked them
 * @param createdAt when
 */
public record TicketLink(String id, LinkType type, String sourceId, String sourceKey, String targetId,
        String targetKey, String createdBy, Instant createdAt) {
}
