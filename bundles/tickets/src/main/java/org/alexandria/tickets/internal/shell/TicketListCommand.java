package org.alexandria.tickets.internal.shell;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.api.ticket.TicketPriority;
import org.alexandria.api.ticket.TicketStatus;
import org.alexandria.tickets.internal.service.TicketService;
import org.alexandria.tickets.internal.store.TicketSearch;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.jspecify.annotations.Nullable;

/** {@code alexandria:ticket-list}: lists tickets, newest first, with filters. */
@Command(scope = "alexandria", name = "ticket-list", description = "Lists tickets, newest first")
@Service
public class TicketListCommand implements Action {

    @Reference
    TicketService tickets;

    @Option(name = "--status", aliases = "-s", description = "Statuses, comma-separated: NEW, OPEN, PENDING, ON_HOLD, SOLVED, CLOSED")
    @Nullable String status;

    @Option(name = "--priority", aliases = "-p", description = "LOW, NORMAL, HIGH or URGENT")
    @Nullable String priority;

    @Option(name = "--assignee", aliases = "-a", description = "Assignee login")
    @Nullable String assignee;

    @Option(name = "--group", aliases = "-g", description = "Group")
    @Nullable String group;

    @Option(name = "--tag", aliases = "-t", description = "Tag")
    @Nullable String tag;

    @Option(name = "--requester", aliases = "-r", description = "Requester (customer) id")
    @Nullable String requester;

    @Option(name = "--organization", aliases = "-o", description = "Organization id")
    @Nullable String organization;

    @Option(name = "--product", description = "Product")
    @Nullable String product;

    @Option(name = "--query", aliases = "-q", description = "Words in the subject, description or key")
    @Nullable String query;

    @Option(name = "--limit", aliases = "-n", description = "Maximum number of tickets (1..1000)")
    int limit = 20;

    @Override
    public @Nullable Object execute() {
        if (limit < 1 || limit > 1000) {
            System.err.println("--limit must be 1..1000");
            return null;
        }
        Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
        TicketPriority wantedPriority;
        try {
            if (status != null) {
                for (String s : status.split(",")) {
                    statuses.add(TicketStatus.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
                }
            }
            wantedPriority = priority == null ? null : TicketPriority.valueOf(priority.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("unknown status or priority: " + e.getMessage());
            return null;
        }
        List<Ticket> found = tickets.search(new TicketSearch(query, statuses, wantedPriority, assignee, group, tag,
                requester, organization, product, TicketSearch.Sort.CREATED, true, null, limit));
        ShellTable table = new ShellTable();
        table.column("Key");
        table.column("Status");
        table.column("Priority");
        table.column("Type");
        table.column("Assignee");
        table.column("Group");
        table.column("Updated");
        table.column("Subject").maxSize(60);
        for (Ticket t : found) {
            table.addRow().addContent(t.key(), t.status(), t.priority(), t.type(), t.assignee() == null ? "" : t.assignee(),
                    t.group() == null ? "" : t.group(), t.updatedAt(), t.subject());
        }
        table.print(System.out);
        return null;
    }
}
