package org.alexandria.tickets.internal.sla;

import java.time.Instant;
import java.util.List;
import org.alexandria.api.ticket.TicketPriority;
import org.jspecify.annotations.Nullable;

/**
 * An SLA policy.
 *
 * @param id            stable id (UUID)
 * @param name          unique name
 * @param plan          applies to tickets whose requester (or the requester's organization) has this plan; null for
 *                      every ticket
 * @param position      lower positions are tried first; the first matching policy applies
 * @param businessHours when the clocks run; null for around the clock
 * @param targets       targets per priority; a priority without target gets no due times
 * @param createdAt     creation time
 * @param updatedAt     last change
 */
public record SlaPolicy(String id, String name, @Nullable String plan, int position,
        @Nullable BusinessHours businessHours, List<Target> targets, Instant createdAt, Instant updatedAt) {

    /** Copies the targets. */
    public SlaPolicy {
        targets = List.copyOf(targets);
    }

    /**
     * Targets for one priority, in business minutes.
     *
     * @param priority              the priority
     * @param firstResponseMinutes  time to the first public agent reply; null for no target
     * @param resolutionMinutes     time to solved; null for no target
     */
    public record Target(TicketPriority priority, @Nullable Integer firstResponseMinutes,
            @Nullable Integer resolutionMinutes) {
    }

    /**
     * @param priority a priority
     * @return its target, if the policy has one
     */
    public java.util.Optional<Target> target(TicketPriority priority) {
        return targets.stream().filter(t -> t.priority() == priority).findFirst();
    }

    /**
     * @param from    start
     * @param minutes business minutes
     * @return the due time
     */
    public Instant due(Instant from, long minutes) {
        return businessHours == null ? from.plusSeconds(minutes * 60) : businessHours.plus(from, minutes);
    }
}
