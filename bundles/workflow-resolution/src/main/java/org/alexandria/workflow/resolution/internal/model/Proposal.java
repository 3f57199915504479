package org.alexandria.workflow.resolution.internal.model;

import java.util.List;
import java.util.Set;
import org.alexandria.workflow.resolution.internal.correlation.Candidate;
import org.jspecify.annotations.Nullable;

/**
 * What one run of the workflow proposes for a ticket.
 *
 * @param ticketId    ticket id
 * @param ticketKey   ticket key
 * @param state       state after the run
 * @param factsHash   hash of the facts the run correlated (idempotence)
 * @param link        the link made or suggested, or kept from an agent's decision
 * @param candidates  the crash groups considered, best first
 * @param articles    suggested articles, best first
 * @param reply       suggested public reply
 * @param confidence  confidence in the proposal, [0, 1]
 * @param explanation one-paragraph summary
 * @param unavailable analyses that could not run (plugin absent or failing)
 */
public record Proposal(String ticketId, String ticketKey, ResolutionState state, String factsHash, @Nullable Link link,
        List<Candidate> candidates, List<Article> articles, @Nullable String reply, double confidence,
        String explanation, Set<String> unavailable) {

    /** Copies the collections. */
    public Proposal {
        candidates = List.copyOf(candidates);
        articles = List.copyOf(articles);
        unavailable = Set.copyOf(unavailable);
    }
}
