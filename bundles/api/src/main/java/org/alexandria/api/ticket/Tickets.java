package org.alexandria.api.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.alexandria.api.audit.Actor;
import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Tickets as workflows and other plugins use them; provided by the tickets plugin.
 *
 * <p>Every change is written to the audit trail with the given actor and published as an event
 * ({@link org.alexandria.api.event.Topics#TICKET_CREATED}, {@link org.alexandria.api.event.Topics#TICKET_UPDATED},
 * {@link TicketTopics}). Tickets are named by id or by key ({@code ALX-123}) alike. Caller errors are thrown as
 * {@link org.alexandria.api.rest.ProblemException}: status 400 (type {@code validation}) for invalid input, 404 for
 * an unknown ticket or customer, 409 (type {@code invalid-transition}) for a status change the workflow does not
 * allow and 409 (type {@code conflict}) for other state conflicts.
 */
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

    /**
     * @param idOrKey a ticket id or key
     * @return the ticket with all its fields, if it exists
     */
    Optional<Ticket> get(String idOrKey);

    /**
     * @param ticket what to open
     * @param actor  who opens it
     * @return the new ticket
     */
    Ticket create(NewTicket ticket, Actor actor);

    /**
     * @param idOrKey the ticket
     * @param update  what to change
     * @param actor   who changes it
     * @return the ticket after the change
     */
    Ticket update(String idOrKey, TicketUpdate update, Actor actor);

    /**
     * @param idOrKey the ticket
     * @return its conversation, oldest first
     */
    List<Comment> comments(String idOrKey);

    /**
     * Adds a public reply or an internal note. The author is the actor's name.
     *
     * @param idOrKey the ticket
     * @param comment what to add
     * @param actor   who writes it
     * @return the stored entry
     */
    Comment addComment(String idOrKey, NewComment comment, Actor actor);

    /**
     * Links two tickets; linking them again the same way returns the existing link.
     *
     * @param sourceIdOrKey the source ticket
     * @param type          how they relate; {@link LinkType#INCIDENT_OF} needs a {@link TicketType#PROBLEM} target
     * @param targetIdOrKey the target ticket
     * @param actor         who links them
     * @return the link
     */
    TicketLink link(String sourceIdOrKey, LinkType type, String targetIdOrKey, Actor actor);

    /**
     * @param idOrKey a ticket
     * @return the links from and to it
     */
    List<TicketLink> links(String idOrKey);

    /**
     * Opens a {@link TicketType#PROBLEM} ticket and links each incident to it with {@link LinkType#INCIDENT_OF}.
     *
     * @param problem   the problem ticket to open (its type is forced to PROBLEM)
     * @param incidents ids or keys of the incidents behind it; may be empty
     * @param actor     who opens it
     * @return the problem ticket
     */
    Ticket createProblem(NewTicket problem, List<String> incidents, Actor actor);

    /**
     * Tickets in the order they last changed, oldest change first: what a consumer that must see every change,
     * also those it missed while it was stopped, reads to catch up (events are the fast path, this is the
     * durable one). Each ticket appears once, at its latest change.
     *
     * @param since  changes at or after this time; ignored when {@code cursor} is given
     * @param cursor where the previous page ended ({@link TicketChanges#cursor()}), or null to start at {@code since}
     * @param limit  page size, 1..1000
     * @return a page and the cursor to continue after it
     * @throws IllegalArgumentException when the cursor is malformed or the limit out of range
     * @since 1.2
     */
    TicketChanges changes(Instant since, @Nullable String cursor, int limit);
}
