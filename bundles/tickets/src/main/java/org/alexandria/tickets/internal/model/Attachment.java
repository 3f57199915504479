package org.alexandria.tickets.internal.model;

import java.time.Instant;

/**
 * Metadata of a file attached to a ticket; the content is read separately.
 *
 * @param id          stable id (UUID)
 * @param ticketId    the ticket
 * @param fileName    file name as uploaded
 * @param contentType media type as uploaded
 * @param size        size in bytes
 * @param sha256      hex SHA-256 of the content
 * @param uploadedBy  who uploaded it
 * @param createdAt   when
 */
public record Attachment(String id, String ticketId, String fileName, String contentType, long size, String sha256,
        String uploadedBy, Instant createdAt) {
}
