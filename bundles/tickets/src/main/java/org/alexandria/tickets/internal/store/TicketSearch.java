package org.alexandria.tickets.internal.store;

import java.util.Set;
import org.alexandria.api.ticket.TicketPriority;
import org.alexandria.api.ticket.TicketStatus;
import org.jspecify.annotations.Nullable;

/**
 * A ticket list query: filters (all optional, combined with AND), sort and keyset page.
 *
 * @param text           words that must appear in the subject, description or key (case-insensitive)
 * @param statuses       any of these statuses; empty for all
 * @param priority       this priority
 * @param assignee       this assignee login
 * @param group          this group
 * @param tag            this tag
 * @param requesterId    this requester
 * @param organizationId this organization
 * @param product        this product
 * @param sort           sort column
 * @param descending     sort direction
 * @param after          keyset position of the last row of the previous page, or null for the first page
 * @param limit          page size
 */
public record TicketSearch(@Nullable String text, Set<TicketStatus> statuses, @Nullable TicketPriority priority,
        @Nullable String assignee, @Nullable String group, @Nullable String tag, @Nullable String requesterId,
        @Nullable String organizationId, @Nullable String product, Sort sort, boolean descending,
        @Nullable Position after, int limit) {

    /** Sortable columns. */
    public enum Sort {
        /** Creation time. */
        CREATED("createdMs"),
        /** Last change. */
        UPDATED("updatedMs"),
        /** Priority, low to urgent. */
        PRIORITY("priorityRank"),
        /** Ticket number. */
        NUMBER("number");

        private final String attribute;

        Sort(String attribute) {
            this.attribute = attribute;
        }

        /** @return the attribute of {@link TicketEntity} sorted by */
        String attribute() {
            return attribute;
        }
    }

    /**
     * Where a page ended: the sort value and the ticket number of its last row.
     *
     * @param value  sort column value
     * @param number ticket number
     */
    public record Position(long value, long number) {
    }

    /** Copies the statuses. */
    public TicketSearch {
        statuses = Set.copyOf(statuses);
    }

    /**
     * @param limit page size
     * @return every ticket, newest first
     */
    public static TicketSearch all(int limit) {
        return new TicketSearch(null, Set.of(), null, null, null, null, null, null, null, Sort.CREATED, true, null,
                limit);
    }
}
