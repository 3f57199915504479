package org.alexandria.tickets.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.persistence.EntityManager;
import org.alexandria.api.ticket.AuthorType;
import org.alexandria.api.ticket.Comment;
import org.alexandria.api.ticket.LinkType;
import org.alexandria.api.ticket.TicketLink;
import org.alexandria.api.ticket.Visibility;
import org.alexandria.tickets.internal.model.Attachment;

/** A ticket's conversation, attachments and links: {@code tkt_comment}, {@code tkt_attachment}, {@code tkt_link}. */
public final class ConversationStore {

    /** A link with the keys of both its tickets. */
    private static final String LINK_SELECT = "SELECT l.id, l.linkType, l.sourceId, s.ticketKey, l.targetId,"
            + " t.ticketKey, l.createdBy, l.createdMs FROM LinkEntity l, TicketEntity s, TicketEntity t"
            + " WHERE s.id = l.sourceId AND t.id = l.targetId";
    /** An attachment's metadata, without its content. */
    private static final String ATTACHMENT_SELECT = "SELECT a.id, a.ticketId, a.fileName, a.contentType, a.sizeBytes,"
            + " a.sha256, a.uploadedBy, a.createdMs FROM AttachmentEntity a";

    /**
     * @param em      entity manager
     * @param comment the entry to store; the caller holds the ticket's row lock
     */
    public void insertComment(EntityManager em, Comment comment) {
        Long last = em.createQuery("SELECT MAX(c.seq) FROM CommentEntity c WHERE c.ticketId = :ticket", Long.class)
                .setParameter("ticket", comment.ticketId()).getSingleResult();
        CommentEntity e = new CommentEntity();
        e.id = comment.id();
        e.ticketId = comment.ticketId();
        e.seq = (last == null ? 0 : last) + 1;
        e.author = comment.author();
        e.authorType = comment.authorType().name();
        e.visibility = comment.visibility().name();
        e.body = comment.body();
        e.createdMs = comment.createdAt().toEpochMilli();
        e.movedFrom = comment.movedFrom();
        em.persist(e);
        em.flush();
    }

    /**
     * @param em       entity manager
     * @param ticketId the ticket
     * @return its conversation, oldest first
     */
    public List<Comment> comments(EntityManager em, String ticketId) {
        return em.createQuery("SELECT c FROM CommentEntity c WHERE c.ticketId = :ticket ORDER BY c.createdMs, c.seq, c.id",
                CommentEntity.class).setParameter("ticket", ticketId).getResultList().stream()
                .map(c -> new Comment(c.id, c.ticketId, c.author, AuthorType.valueOf(c.authorType),
                        Visibility.valueOf(c.visibility), c.body, Instant.ofEpochMilli(c.createdMs), c.movedFrom))
                .toList();
    }

    /**
     * Moves a ticket's conversation to another ticket, remembering where each entry was written.
     *
     * @param em      entity manager
     * @param fromId  source ticket
     * @param fromKey its key
     * @param toId    target ticket
     * @return how many entries moved
     */
    public int moveComments(EntityManager em, String fromId, String fromKey, String toId) {
        return em.createQuery("UPDATE CommentEntity c SET c.ticketId = :to, c.movedFrom = COALESCE(c.movedFrom, :fromKey)"
                + " WHERE c.ticketId = :from").setParameter("to", toId).setParameter("fromKey", fromKey)
                .setParameter("from", fromId).executeUpdate();
    }

    /**
     * Moves a ticket's attachments to another ticket.
     *
     * @param em     entity manager
     * @param fromId source ticket
     * @param toId   target ticket
     * @return how many moved
     */
    public int moveAttachments(EntityManager em, String fromId, String toId) {
        return em.createQuery("UPDATE AttachmentEntity a SET a.ticketId = :to WHERE a.ticketId = :from")
                .setParameter("to", toId).setParameter("from", fromId).executeUpdate();
    }

    /**
     * @param em         entity manager
     * @param attachment metadata
     * @param content    the bytes
     */
    public void insertAttachment(EntityManager em, Attachment attachment, byte[] content) {
        AttachmentEntity e = new AttachmentEntity();
        e.id = attachment.id();
        e.ticketId = attachment.ticketId();
        e.fileName = attachment.fileName();
        e.contentType = attachment.contentType();
        e.sizeBytes = attachment.size();
        e.sha256 = attachment.sha256();
        e.content = content;
        e.uploadedBy = attachment.uploadedBy();
        e.createdMs = attachment.createdAt().toEpochMilli();
        em.persist(e);
        em.flush();
    }

    /**
     * @param em       entity manager
     * @param ticketId the ticket
     * @return its attachments' metadata, oldest first
     */
    public List<Attachment> attachments(EntityManager em, String ticketId) {
        return em.createQuery(ATTACHMENT_SELECT + " WHERE a.ticketId = :ticket ORDER BY a.createdMs, a.id", Object[].class)
                .setParameter("ticket", ticketId).getResultList().stream().map(ConversationStore::attachment).toList();
    }

    /**
     * @param em           entity manager
     * @param ticketId     the ticket
     * @param attachmentId the attachment
     * @return its metadata, if it belongs to the ticket
     */
    public Optional<Attachment> attachment(EntityManager em, String ticketId, String attachmentId) {
        return em.createQuery(ATTACHMENT_SELECT + " WHERE a.ticketId = :ticket AND a.id = :id", Object[].class)
                .setParameter("ticket", ticketId).setParameter("id", attachmentId).getResultList().stream()
                .findFirst().map(ConversationStore::attachment);
    }

    /**
     * @param em           entity manager
     * @param attachmentId the attachment
     * @return its content
     */
    public Optional<byte[]> content(EntityManager em, String attachmentId) {
        return em.createQuery("SELECT a.content FROM AttachmentEntity a WHERE a.id = :id", byte[].class)
                .setParameter("id", attachmentId).getResultList().stream().findFirst();
    }

    /**
     * @param em        entity manager
     * @param id        link id
     * @param type      link type
     * @param sourceId  source ticket
     * @param targetId  target ticket
     * @param createdBy who
     * @param createdAt when
     */
    public void insertLink(EntityManager em, String id, LinkType type, String sourceId, String targetId,
            String createdBy, Instant createdAt) {
        LinkEntity e = new LinkEntity();
        e.id = id;
        e.linkType = type.name();
        e.sourceId = sourceId;
        e.targetId = targetId;
        e.createdBy = createdBy;
        e.createdMs = createdAt.toEpochMilli();
        em.persist(e);
        em.flush();
    }

    /**
     * @param em       entity manager
     * @param sourceId source ticket
     * @param type     link type
     * @param targetId target ticket
     * @return the link, if it exists
     */
    public Optional<TicketLink> findLink(EntityManager em, String sourceId, LinkType type, String targetId) {
        return em.createQuery(LINK_SELECT + " AND l.sourceId = :source AND l.linkType = :type AND l.targetId = :target",
                Object[].class).setParameter("source", sourceId).setParameter("type", type.name())
                .setParameter("target", targetId).getResultList().stream().findFirst().map(ConversationStore::link);
    }

    /**
     * @param em     entity manager
     * @param linkId a link id
     * @return the link, if it exists
     */
    public Optional<TicketLink> link(EntityManager em, String linkId) {
        return em.createQuery(LINK_SELECT + " AND l.id = :id", Object[].class).setParameter("id", linkId)
                .getResultList().stream().findFirst().map(ConversationStore::link);
    }

    /**
     * @param em       entity manager
     * @param ticketId a ticket
     * @return links from and to it, oldest first
     */
    public List<TicketLink> links(EntityManager em, String ticketId) {
        return em.createQuery(LINK_SELECT + " AND (l.sourceId = :ticket OR l.targetId = :ticket)"
                + " ORDER BY l.createdMs, l.id", Object[].class).setParameter("ticket", ticketId).getResultList()
                .stream().map(ConversationStore::link).toList();
    }

    /**
     * @param em     entity manager
     * @param linkId the link
     * @return whether it existed
     */
    public boolean deleteLink(EntityManager em, String linkId) {
        return Transactions.remove(em, LinkEntity.class, linkId);
    }

    private static Attachment attachment(Object[] r) {
        return new Attachment((String) r[0], (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).longValue(),
                (String) r[5], (String) r[6], Instant.ofEpochMilli(((Number) r[7]).longValue()));
    }

    private static TicketLink link(Object[] r) {
        return new TicketLink((String) r[0], LinkType.valueOf((String) r[1]), (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], Instant.ofEpochMilli(((Number) r[7]).longValue()));
    }
}
