package org.alexandria.tickets.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.alexandria.api.ticket.AuthorType;
import org.alexandria.api.ticket.Comment;
import org.alexandria.api.ticket.LinkType;
import org.alexandria.api.ticket.TicketLink;
import org.alexandria.api.ticket.Visibility;
import org.alexandria.tickets.internal.model.Attachment;

/** A ticket's conversation, attachments and links: {@code tkt_comment}, {@code tkt_attachment}, {@code tkt_link}. */
public final class ConversationStore {

    private static final String LINK_SELECT = "SELECT l.id, l.link_type, l.source_id, s.ticket_key, l.target_id,"
            + " t.ticket_key, l.created_by, l.created_ms FROM tkt_link l JOIN tkt_ticket s ON s.id = l.source_id"
            + " JOIN tkt_ticket t ON t.id = l.target_id";
    private static final String ATTACHMENT_COLUMNS =
            "id, ticket_id, file_name, content_type, size_bytes, sha256, uploaded_by, created_ms";

    /**
     * @param connection connection
     * @param comment    the entry to store; the caller holds the ticket's row lock
     * @throws SQLException on a database error
     */
    public void insertComment(Connection connection, Comment comment) throws SQLException {
        long seq = Sql.number(connection, "SELECT COALESCE(MAX(seq), 0) + 1 FROM tkt_comment WHERE ticket_id = ?",
                comment.ticketId());
        Sql.update(connection, "INSERT INTO tkt_comment (id, ticket_id, seq, author, author_type, visibility, body,"
                + " created_ms, moved_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", comment.id(), comment.ticketId(), seq,
                comment.author(), comment.authorType(), comment.visibility(), comment.body(), comment.createdAt(),
                comment.movedFrom());
    }

    /**
     * @param connection connection
     * @param ticketId   the ticket
     * @return its conversation, oldest first
     * @throws SQLException on a database error
     */
    public List<Comment> comments(Connection connection, String ticketId) throws SQLException {
        return Sql.list(connection, "SELECT id, ticket_id, author, author_type, visibility, body, created_ms, moved_from"
                + " FROM tkt_comment WHERE ticket_id = ? ORDER BY created_ms, seq, id", ConversationStore::comment, ticketId);
    }

    /**
     * Moves a ticket's conversation to another ticket, remembering where each entry was written.
     *
     * @param connection connection
     * @param fromId     source ticket
     * @param fromKey    its key
     * @param toId       target ticket
     * @return how many entries moved
     * @throws SQLException on a database error
     */
    public int moveComments(Connection connection, String fromId, String fromKey, String toId) throws SQLException {
        return Sql.update(connection, "UPDATE tkt_comment SET ticket_id = ?, moved_from = COALESCE(moved_from, ?)"
                + " WHERE ticket_id = ?", toId, fromKey, fromId);
    }

    /**
     * Moves a ticket's attachments to another ticket.
     *
     * @param connection connection
     * @param fromId     source ticket
     * @param toId       target ticket
     * @return how many moved
     * @throws SQLException on a database error
     */
    public int moveAttachments(Connection connection, String fromId, String toId) throws SQLException {
        return Sql.update(connection, "UPDATE tkt_attachment SET ticket_id = ? WHERE ticket_id = ?", toId, fromId);
    }

    /**
     * @param connection connection
     * @param attachment metadata
     * @param content    the bytes
     * @throws SQLException on a database error
     */
    public void insertAttachment(Connection connection, Attachment attachment, byte[] content) throws SQLException {
        Sql.update(connection, "INSERT INTO tkt_attachment (" + ATTACHMENT_COLUMNS + ", content)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", attachment.id(), attachment.ticketId(), attachment.fileName(),
                attachment.contentType(), attachment.size(), attachment.sha256(), attachment.uploadedBy(),
                attachment.createdAt(), content);
    }

    /**
     * @param connection connection
     * @param ticketId   the ticket
     * @return its attachments' metadata, oldest first
     * @throws SQLException on a database error
     */
    public List<Attachment> attachments(Connection connection, String ticketId) throws SQLException {
        return Sql.list(connection, "SELECT " + ATTACHMENT_COLUMNS + " FROM tkt_attachment WHERE ticket_id = ?"
                + " ORDER BY created_ms, id", ConversationStore::attachment, ticketId);
    }

    /**
     * @param connection   connection
     * @param ticketId     the ticket
     * @param attachmentId the attachment
     * @return its metadata, if it belongs to the ticket
     * @throws SQLException on a database error
     */
    public Optional<Attachment> attachment(Connection connection, String ticketId, String attachmentId)
            throws SQLException {
        return Sql.one(connection, "SELECT " + ATTACHMENT_COLUMNS + " FROM tkt_attachment WHERE ticket_id = ? AND id = ?",
                ConversationStore::attachment, ticketId, attachmentId);
    }

    /**
     * @param connection   connection
     * @param attachmentId the attachment
     * @return its content
     * @throws SQLException on a database error
     */
    public Optional<byte[]> content(Connection connection, String attachmentId) throws SQLException {
        return Sql.one(connection, "SELECT content FROM tkt_attachment WHERE id = ?", rs -> rs.getBytes(1), attachmentId);
    }

    /**
     * @param connection connection
     * @param id         link id
     * @param type       link type
     * @param sourceId   source ticket
     * @param targetId   target ticket
     * @param createdBy  who
     * @param createdAt  when
     * @throws SQLException on a database error
     */
    public void insertLink(Connection connection, String id, LinkType type, String sourceId, String targetId,
            String createdBy, Instant createdAt) throws SQLException {
        Sql.update(connection, "INSERT INTO tkt_link (id, link_type, source_id, target_id, created_by, created_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?)", id, type, sourceId, targetId, createdBy, createdAt);
    }

    /**
     * @param connection connection
     * @param sourceId   source ticket
     * @param type       link type
     * @param targetId   target ticket
     * @return the link, if it exists
     * @throws SQLException on a database error
     */
    public Optional<TicketLink> findLink(Connection connection, String sourceId, LinkType type, String targetId)
            throws SQLException {
        return Sql.one(connection, LINK_SELECT + " WHERE l.source_id = ? AND l.link_type = ? AND l.target_id = ?",
                ConversationStore::link, sourceId, type, targetId);
    }

    /**
     * @param connection connection
     * @param linkId     a link id
     * @return the link, if it exists
     * @throws SQLException on a database error
     */
    public Optional<TicketLink> link(Connection connection, String linkId) throws SQLException {
        return Sql.one(connection, LINK_SELECT + " WHERE l.id = ?", ConversationStore::link, linkId);
    }

    /**
     * @param connection connection
     * @param ticketId   a ticket
     * @return links from and to it, oldest first
     * @throws SQLException on a database error
     */
    public List<TicketLink> links(Connection connection, String ticketId) throws SQLException {
        return Sql.list(connection, LINK_SELECT + " WHERE l.source_id = ? OR l.target_id = ? ORDER BY l.created_ms, l.id",
                ConversationStore::link, ticketId, ticketId);
    }

    /**
     * @param connection connection
     * @param linkId     the link
     * @return whether it existed
     * @throws SQLException on a database error
     */
    public boolean deleteLink(Connection connection, String linkId) throws SQLException {
        return Sql.update(connection, "DELETE FROM tkt_link WHERE id = ?", linkId) == 1;
    }

    private static Comment comment(ResultSet rs) throws SQLException {
        return new Comment(rs.getString(1), rs.getString(2), rs.getString(3), AuthorType.valueOf(rs.getString(4)),
                Visibility.valueOf(rs.getString(5)), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)),
                rs.getString(8));
    }

    private static Attachment attachment(ResultSet rs) throws SQLException {
        return new Attachment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)));
    }

    private static TicketLink link(ResultSet rs) throws SQLException {
        return new TicketLink(rs.getString(1), LinkType.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)));
    }
}
