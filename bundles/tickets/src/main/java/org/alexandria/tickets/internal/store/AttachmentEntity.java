package org.alexandria.tickets.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * Row of {@code tkt_attachment}. Written whole; read through projections that leave out the content unless it is
 * asked for.
 */
@Entity
@Table(name = "tkt_attachment")
public class AttachmentEntity {
    @Id
    @Column(name = "id")
    String id = "";
    @Column(name = "ticket_id")
    String ticketId = "";
    @Column(name = "file_name")
    String fileName = "";
    @Column(name = "content_type")
    String contentType = "";
    @Column(name = "size_bytes")
    long sizeBytes;
    @Column(name = "sha256")
    String sha256 = "";
    @Column(name = "content")
    byte[] content = new byte[0];
    @Column(name = "uploaded_by")
    String uploadedBy = "";
    @Column(name = "created_ms")
    long createdMs;
}
