package org.alexandria.tickets.internal.dedup;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Restricts which indexed tickets may be returned as candidates.
 *
 * @param excludedIds tickets never to return, typically the ticket asked about when it is already indexed
 * @param product     when set, only tickets of this product
 */
public record CandidateFilter(Set<String> excludedIds, @Nullable String product) {

    /** No restriction. */
    public static final CandidateFilter NONE = new CandidateFilter(Set.of(), null);

    /** Copies the excluded ids. */
    public CandidateFilter {
        excludedIds = Set.copyOf(excludedIds);
    }

    /**
     * @param ticketId a ticket not to return
     * @return a filter that excludes this ticket
     */
    public static CandidateFilter excluding(String ticketId) {
        return new CandidateFilter(Set.of(ticketId), null);
    }
}
