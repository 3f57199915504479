package org.alexandria.api.ticket;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Read access to tickets and their possible duplicates; provided by the tickets plugin. */
@ProviderType
public interface Tickets {

    /**
     * @param idOrKey a ticket id or its human key ({@code ALX-123})
     * @return the ticket, if it exists
     */
    Optional<TicketSummary> find(String idOrKey);

    /**
     * @param subject     subject of a new or existing ticket
     * @param description its description
     * @param limit       how many candidates at most, 1..50
     * @return existing tickets that may report the same thing, most likely first
     */
    List<DuplicateCandidate> possibleDuplicates(String subject, String description, int limit);
}
