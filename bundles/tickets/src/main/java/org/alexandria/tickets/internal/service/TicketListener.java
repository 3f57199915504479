package org.alexandria.tickets.internal.service;

import org.alexandria.api.ticket.Comment;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.tickets.internal.model.Attachment;

/**
 * Told by the ticket service about conversation entries and attachments once they are committed; registered as a
 * service inside the plugin. Calls run on the caller's thread: hand long work to a thread of your own.
 */
public interface TicketListener {

    /**
     * @param ticket     the ticket
     * @param attachment the new attachment
     * @param content    its bytes
     */
    default void attached(Ticket ticket, Attachment attachment, byte[] content) {
    }

    /**
     * @param ticket  the ticket after the entry
     * @param comment the new entry
     */
    default void commented(Ticket ticket, Comment comment) {
    }
}
