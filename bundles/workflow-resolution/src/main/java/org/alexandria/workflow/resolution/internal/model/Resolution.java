package org.alexandria.workflow.resolution.internal.model;

import java.time.Instant;
import java.util.List;
import org.alexandria.workflow.resolution.internal.correlation.Candidate;
import org.jspecify.annotations.Nullable;

/**
 * A ticket's resolution as agents see it ({@code GET /api/v1/tickets/{id}/resolution}).
 *
 * @param ticketId    ticket id
 * @param ticketKey   ticket key
 * @param state       where it stands
 * @param revision    how many times the workflow produced a proposal (0 while pending)
 * @param updatedAt   last change, null while pending
 * @param link        the linked or suggested crash group
 * @param candidates  crash groups considered, best first
 * @param articles    suggested articles
 * @param reply       suggested public reply
 * @param confidence  confidence in the proposal
 * @param explanation summary of why
 * @param unavailable analyses that could not run, sorted
 * @param decisions   agents' decisions, oldest first
 */
public record Resolution(String ticketId, String ticketKey, ResolutionState state, int revision,
        @Nullable Instant updatedAt, @Nullable Link link, List<Candidate> candidates, List<Article> articles,
        @Nullable String reply, double confidence, String explanation, List<String> unavailable,
        List<Decision> decisions) {

    /** Copies the lists. */
    public Resolution {
        candidates = List.copyOf(candidates);
        articles = List.copyOf(articles);
        unavailable = List.copyOf(unavailable);
        decisions = List.copyOf(decisions);
    }
}
