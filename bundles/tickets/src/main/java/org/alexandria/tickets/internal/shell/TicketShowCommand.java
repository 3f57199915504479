package org.alexandria.tickets.internal.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.alexandria.api.ticket.Comment;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.api.ticket.TicketLink;
import org.alexandria.tickets.internal.model.Attachment;
import org.alexandria.tickets.internal.service.TicketService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jspecify.annotations.Nullable;

/** {@code alexandria:ticket-show <key>}: a ticket's fields, conversation, attachments and links. */
@Command(scope = "alexandria", name = "ticket-show", description = "Shows a ticket with its conversation and links")
@Service
public class TicketShowCommand implements Action {

    @Reference
    TicketService tickets;

    @Argument(index = 0, name = "key", required = true, description = "Ticket key (ALX-123) or id")
    String key;

    @Override
    public @Nullable Object execute() {
        Ticket t = tickets.get(key).orElse(null);
        if (t == null) {
            System.err.println("No ticket " + key);
            return null;
        }
        PrintStream out = System.out;
        out.println(t.key() + "  " + t.subject());
        field(out, "Id", t.id());
        field(out, "Status", t.status());
        field(out, "Priority", t.priority());
        field(out, "Type", t.type());
        field(out, "Channel", t.channel());
        field(out, "Requester", t.requesterId());
        field(out, "Organization", t.organizationId());
        field(out, "Assignee", t.assignee());
        field(out, "Group", t.group());
        field(out, "Tags", t.tags().isEmpty() ? null : String.join(", ", new TreeSet<>(t.tags())));
        field(out, "Product", t.product() == null ? null : t.product() + (t.appVersion() == null ? "" : " " + t.appVersion()));
        field(out, "Environment", t.environment().os() == null && t.environment().device() == null ? null
                : (t.environment().os() == null ? "" : t.environment().os())
                        + (t.environment().device() == null ? "" : " / " + t.environment().device()));
        for (Map.Entry<String, Object> custom : new TreeMap<>(t.customFields()).entrySet()) {
            field(out, custom.getKey(), custom.getValue());
        }
        field(out, "Created", t.createdAt());
        field(out, "Updated", t.updatedAt());
        field(out, "First response", t.firstResponseAt());
        field(out, "Solved", t.solvedAt());
        field(out, "First response due", t.firstResponseDueAt() == null ? null
                : t.firstResponseDueAt() + (t.firstResponseBreached() ? " (BREACHED)" : ""));
        field(out, "Resolution due", t.resolutionDueAt() == null ? null
                : t.resolutionDueAt() + (t.resolutionBreached() ? " (BREACHED)" : ""));
        out.println();
        out.println(t.description());

        List<Comment> comments = tickets.comments(t.key());
        out.println();
        out.println("Conversation (" + comments.size() + ")");
        for (Comment c : comments) {
            out.println("--- " + c.createdAt() + "  " + c.visibility() + "  " + c.author() + " ("
                    + c.authorType().name().toLowerCase(java.util.Locale.ROOT) + ")"
                    + (c.movedFrom() == null ? "" : "  from " + c.movedFrom()));
            out.println(c.body());
        }
        List<Attachment> attachments = tickets.attachments(t.key());
        if (!attachments.isEmpty()) {
            out.println();
            out.println("Attachments (" + attachments.size() + ")");
            for (Attachment a : attachments) {
                out.println("  " + a.fileName() + "  " + a.contentType() + "  " + a.size() + " bytes  " + a.id());
            }
        }
        List<TicketLink> links = tickets.links(t.key());
        if (!links.isEmpty()) {
            out.println();
            out.println("Links (" + links.size() + ")");
            for (TicketLink l : links) {
                out.println("  " + l.sourceKey() + " " + l.type() + " " + l.targetKey() + "  by " + l.createdBy());
            }
        }
        return null;
    }

    private static void field(PrintStream out, String name, @Nullable Object value) {
        if (value != null) {
            out.printf("  %-20s %s%n", name + ":", value);
        }
    }
}
