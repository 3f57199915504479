package org.alexandria.tickets.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.jspecify.annotations.Nullable;

/** Row of {@code tkt_comment}: a public reply or internal note; seq orders a ticket's entries of one millisecond. */
@Entity
@Table(name = "tkt_comment")
public class CommentEntity {
    @Id
    @Column(name = "id")
    String id = "";
    @Column(name = "ticket_id")
    String ticketId = "";
    @Column(name = "seq")
    long seq;
    @Column(name = "author")
    String author = "";
    @Column(name = "author_type")
    String authorType = "";
    @Column(name = "visibility")
    String visibility = "";
    @Column(name = "body")
    String body = "";
    @Column(name = "created_ms")
    long createdMs;
    @Column(name = "moved_from")
    @Nullable String movedFrom;
}
