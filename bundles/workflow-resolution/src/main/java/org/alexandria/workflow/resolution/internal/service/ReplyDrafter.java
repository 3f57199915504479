package org.alexandria.workflow.resolution.internal.service;

import java.util.List;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.workflow.resolution.internal.model.Article;
import org.alexandria.workflow.resolution.internal.model.Link;
import org.jspecify.annotations.Nullable;

/**
 * Drafts the suggested public reply without a language model: a short, honest answer built from what the
 * workflow found (the known crash and the best article). The agent edits it before sending.
 */
public final class ReplyDrafter {

    /**
     * @param ticket   the ticket
     * @param link     the crash group it is tied to, if any
     * @param articles suggested articles, best first
     * @return the reply, or null when there is nothing useful to say
     */
    public @Nullable String draft(Ticket ticket, @Nullable Link link, List<Article> articles) {
        if (link == null && articles.isEmpty()) {
            return null;
        }
        StringBuilder reply = new StringBuilder("Hello,\n\nthank you for reporting this");
        if (ticket.appVersion() != null) {
            reply.append(" (version ").append(ticket.appVersion()).append(')');
        }
        reply.append('.');
        if (link != null) {
            reply.append(" It matches a crash we already know about (").append(link.signature())
                    .append("); our engineers are tracking it.");
        }
        if (!articles.isEmpty()) {
            String title = articles.get(0).title();
            reply.append(link == null ? " This article should help: \"" : " Until it is fixed, this article describes what to do: \"")
                    .append(title).append("\".");
        }
        return reply.append("\n\nWe will keep you updated.\n").toString();
    }
}
