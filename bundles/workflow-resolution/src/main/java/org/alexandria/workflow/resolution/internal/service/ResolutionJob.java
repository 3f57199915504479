package org.alexandria.workflow.resolution.internal.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.workflow.resolution.internal.correlation.Candidate;
import org.alexandria.workflow.resolution.internal.correlation.TicketFacts;
import org.alexandria.workflow.resolution.internal.model.Article;
import org.alexandria.workflow.resolution.internal.model.Link;
import org.alexandria.workflow.resolution.internal.model.Proposal;
import org.jspecify.annotations.Nullable;

/**
 * One run of the workflow for one ticket: the message body that travels through the route, filled in by
 * each step.
 */
public final class ResolutionJob {

    private final String ticketId;
    private final String trigger;
    private final boolean force;
    private @Nullable Ticket ticket;
    private @Nullable TicketFacts facts;
    private String factsHash = "";
    private @Nullable Proposal previous;
    private int previousRevision;
    private @Nullable String incidentOf;
    private boolean incidentChanged;
    private boolean skipped;
    private @Nullable String skipReason;
    private List<Candidate> candidates = List.of();
    private @Nullable Link link;
    private List<Article> articles = List.of();
    private final Set<String> unavailable = new TreeSet<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * @param ticketId the ticket
     * @param trigger  what started the run (an event topic, "sweep", "decision", ...)
     * @param force    run even when the ticket's facts did not change (new evidence elsewhere)
     */
    public ResolutionJob(String ticketId, String trigger, boolean force) {
        this.ticketId = ticketId;
        this.trigger = trigger;
        this.force = force;
    }

    public String ticketId() {
        return ticketId;
    }

    public String trigger() {
        return trigger;
    }

    public boolean force() {
        return force;
    }

    public Ticket ticket() {
        if (ticket == null) {
            throw new IllegalStateException("ticket " + ticketId + " not loaded");
        }
        return ticket;
    }

    void loaded(Ticket loadedTicket, TicketFacts ticketFacts, String hash, @Nullable Proposal previousProposal,
            int revision) {
        this.ticket = loadedTicket;
        this.facts = ticketFacts;
        this.factsHash = hash;
        this.previous = previousProposal;
        this.previousRevision = revision;
    }

    /** @return the problem ticket the ticket is an incident of (as the workflow recorded it or this run made it) */
    public @Nullable String incidentOf() {
        return incidentOf;
    }

    /** @return whether this run made the ticket an incident of {@link #incidentOf()} */
    public boolean incidentChanged() {
        return incidentChanged;
    }

    void incidentOf(String problemId, boolean changed) {
        this.incidentOf = problemId;
        this.incidentChanged |= changed;
    }

    /** @return the revision of the proposal this run started from, 0 for none */
    public int previousRevision() {
        return previousRevision;
    }

    public TicketFacts facts() {
        if (facts == null) {
            throw new IllegalStateException("ticket " + ticketId + " not loaded");
        }
        return facts;
    }

    public String factsHash() {
        return factsHash;
    }

    public @Nullable Proposal previous() {
        return previous;
    }

    /** @return whether the remaining steps are skipped (ticket gone, nothing changed) */
    public boolean isSkipped() {
        return skipped;
    }

    public @Nullable String skipReason() {
        return skipReason;
    }

    void skip(String reason) {
        this.skipped = true;
        this.skipReason = reason;
    }

    public List<Candidate> candidates() {
        return candidates;
    }

    void candidates(List<Candidate> found) {
        this.candidates = List.copyOf(found);
    }

    public @Nullable Link link() {
        return link;
    }

    void link(@Nullable Link chosen) {
        this.link = chosen;
    }

    public List<Article> articles() {
        return articles;
    }

    void articles(List<Article> found) {
        this.articles = List.copyOf(found);
    }

    public Set<String> unavailable() {
        return unavailable;
    }

    /** @return what the steps noted for the explanation, in order */
    public List<String> notes() {
        return notes;
    }

    @Override
    public String toString() {
        return "ResolutionJob[" + ticketId + ", " + trigger + (force ? ", forced" : "") + "]";
    }
}
