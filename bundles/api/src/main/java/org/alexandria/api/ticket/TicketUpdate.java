package org.alexandria.api.ticket;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A change to a ticket: every null field stays as it is; the fields named in {@code clear} are emptied.
 *
 * @param subject      new subject
 * @param description  new description
 * @param status       new status; the transition must be allowed (see {@link TicketStatus})
 * @param priority     new priority (moves the SLA due times)
 * @param type         new type
 * @param requesterId  new requester (an existing customer)
 * @param assignee     new assignee login
 * @param group        new group
 * @param tags         the new tags, replacing the old ones
 * @param customFields custom field values to set, by name; other fields keep their values
 * @param product      new product
 * @param appVersion   new application version
 * @param environment  new environment
 * @param clear        names of optional fields to empty: {@code assignee}, {@code group}, {@code product},
 *                     {@code appVersion}, {@code environment}, {@code tags}, or {@code customFields.<name>}
 */
public record TicketUpdate(@Nullable String subject, @Nullable String description, @Nullable TicketStatus status,
        @Nullable TicketPriority priority, @Nullable TicketType type, @Nullable String requesterId,
        @Nullable String assignee, @Nullable String group, @Nullable Set<String> tags,
        @Nullable Map<String, Object> customFields, @Nullable String product, @Nullable String appVersion,
        @Nullable Environment environment, Set<String> clear) {

    /** Copies {@code clear}. */
    public TicketUpdate {
        clear = Set.copyOf(clear);
    }

    /** @return an update that changes nothing; start from it with the {@code with*} methods */
    public static TicketUpdate none() {
        return new TicketUpdate(null, null, null, null, null, null, null, null, null, null, null, null, null, Set.of());
    }

    /**
     * @param newStatus the status to move to
     * @return this update, also changing the status
     */
    public TicketUpdate withStatus(TicketStatus newStatus) {
        return new TicketUpdate(subject, description, newStatus, priority, type, requesterId, assignee, group, tags,
                customFields, product, appVersion, environment, clear);
    }

    /**
     * @param newPriority the priority to set
     * @return this update, also changing the priority
     */
    public TicketUpdate withPriority(TicketPriority newPriority) {
        return new TicketUpdate(subject, description, status, newPriority, type, requesterId, assignee, group, tags,
                customFields, product, appVersion, environment, clear);
    }

    /**
     * @param login the agent to assign
     * @return this update, also changing the assignee
     */
    public TicketUpdate withAssignee(String login) {
        return new TicketUpdate(subject, description, status, priority, type, requesterId, login, group, tags,
                customFields, product, appVersion, environment, clear);
    }

    /** @return whether nothing would change */
    public boolean isEmpty() {
        return this.equals(none());
    }
}
