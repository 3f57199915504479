package org.alexandria.workflow.resolution.internal.service;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.audit.EntityRef;
import org.alexandria.api.crash.CrashAnalyzer;
import org.alexandria.api.crash.CrashGroup;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.api.ticket.Tickets;
import org.alexandria.workflow.resolution.internal.correlation.Candidate;
import org.alexandria.workflow.resolution.internal.correlation.Signal;
import org.alexandria.workflow.resolution.internal.model.Decision;
import org.alexandria.workflow.resolution.internal.model.DecisionAction;
import org.alexandria.workflow.resolution.internal.model.Link;
import org.alexandria.workflow.resolution.internal.model.LinkStatus;
import org.alexandria.workflow.resolution.internal.model.Proposal;
import org.alexandria.workflow.resolution.internal.model.Resolution;
import org.alexandria.workflow.resolution.internal.model.ResolutionState;
import org.alexandria.workflow.resolution.internal.store.ResolutionStore;
import org.jspecify.annotations.Nullable;

/**
 * Agents' side of the workflow: reading a ticket's resolution and deciding on it. Every decision is stored as
 * labelled data, audited with who, when and why, and starts a new run of the workflow for the ticket.
 */
public final class ResolutionService {

    /** The longest reason kept. */
    public static final int MAX_REASON = 2000;

    private final Tickets tickets;
    private final Supplier<@Nullable CrashAnalyzer> crashAnalyzer;
    private final ResolutionStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final Consumer<ResolutionJob> rerun;

    /**
     * @param tickets       the tickets plugin
     * @param crashAnalyzer the crash analyzer, or null while it is not installed
     * @param store         the workflow's tables
     * @param audit         the audit trail
     * @param clock         clock
     * @param rerun         hands a run of the workflow to the route
     */
    public ResolutionService(Tickets tickets, Supplier<@Nullable CrashAnalyzer> crashAnalyzer, ResolutionStore store,
            AuditTrail audit, Clock clock, Consumer<ResolutionJob> rerun) {
        this.tickets = tickets;
        this.crashAnalyzer = crashAnalyzer;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.rerun = rerun;
    }

    /**
     * @param idOrKey a ticket id or key
     * @return its resolution (PENDING when the workflow has not processed it yet)
     * @throws DecisionException NOT_FOUND when there is no such ticket
     */
    public Resolution resolution(String idOrKey) {
        Ticket ticket = ticket(idOrKey);
        return store.resolution(ticket.id(), ticket.key());
    }

    /**
     * Applies an agent's decision.
     *
     * @param idOrKey a ticket id or key
     * @param action  what the agent decided
     * @param groupId the crash group to link to, for RELINK
     * @param reason  why, optional
     * @param agent   who
     * @return the resolution after the decision
     * @throws DecisionException when the ticket is unknown or the decision does not apply
     */
    public Resolution decide(String idOrKey, DecisionAction action, @Nullable String groupId, @Nullable String reason,
            Actor agent) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw new DecisionException(DecisionException.Kind.INVALID, "reason is longer than " + MAX_REASON + " characters");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        Ticket ticket = ticket(idOrKey);
        Proposal current = store.proposal(ticket.id()).orElse(null);
        Link link = current == null ? null : current.link();
        Decision decision;
        Proposal after;
        Link judged = null;
        if (action != DecisionAction.RELINK && groupId != null && !groupId.isBlank() && link != null
                && !groupId.equals(link.groupId())) {
            // the agent decided on what they saw; the proposal has changed since
            throw new DecisionException(DecisionException.Kind.CONFLICT, "the proposal changed: the ticket is now tied to "
                    + link.signature() + ", not to " + groupId + "; reload and decide again");
        }
        switch (action) {
            case ACCEPT -> {
                if (link == null) {
                    throw new DecisionException(DecisionException.Kind.CONFLICT, "there is no proposed crash group to accept");
                }
                if (link.status() == LinkStatus.ACCEPTED || link.status() == LinkStatus.RELINKED) {
                    throw new DecisionException(DecisionException.Kind.CONFLICT, "the link to " + link.signature()
                            + " was already decided by an agent");
                }
                judged = link;
                decision = new Decision(action, link.groupId(), agent.name(), why, clock.instant());
                after = with(current, ResolutionState.ACCEPTED, link.with(LinkStatus.ACCEPTED), current.candidates());
            }
            case REJECT -> {
                if (link == null) {
                    throw new DecisionException(DecisionException.Kind.CONFLICT, "there is no crash group link to reject");
                }
                judged = link;
                decision = new Decision(action, link.groupId(), agent.name(), why, clock.instant());
                List<Candidate> left = current.candidates().stream().filter(c -> !c.groupId().equals(link.groupId())).toList();
                after = with(current, ResolutionState.REJECTED, null, left);
            }
            case RELINK -> {
                if (groupId == null || groupId.isBlank()) {
                    throw new DecisionException(DecisionException.Kind.INVALID, "groupId is required to relink");
                }
                CrashAnalyzer crashes = crashAnalyzer.get();
                if (crashes == null) {
                    throw new DecisionException(DecisionException.Kind.UNAVAILABLE,
                            "the crash analyzer is not installed, so the crash group cannot be checked");
                }
                CrashGroup group = crashes.group(groupId).orElseThrow(() -> new DecisionException(
                        DecisionException.Kind.INVALID, "there is no crash group " + groupId));
                if (link != null && link.groupId().equals(group.id()) && link.status() != LinkStatus.SUGGESTED
                        && link.status() != LinkStatus.AUTO_LINKED) {
                    throw new DecisionException(DecisionException.Kind.CONFLICT, "the ticket is already linked to " + group.signature());
                }
                judged = link;
                decision = new Decision(action, group.id(), agent.name(), why, clock.instant());
                double score = current == null ? 1 : current.candidates().stream().filter(c -> c.groupId().equals(group.id()))
                        .mapToDouble(Candidate::score).findFirst().orElse(1);
                List<Signal> signals = List.of(new Signal("agent", 1, 1, "chosen by " + agent.name()));
                Link chosen = new Link(group.id(), group.signature(), score, LinkStatus.RELINKED, signals);
                after = current == null
                        ? new Proposal(ticket.id(), ticket.key(), ResolutionState.RELINKED, "", chosen, List.of(), List.of(),
                                null, score, "Linked by an agent.", Set.of())
                        : with(current, ResolutionState.RELINKED, chosen, current.candidates());
            }
            default -> throw new IllegalStateException("unknown action " + action);
        }
        store.decide(decision, judged, ticket.id(), after, clock.millis());
        audit.append(new AuditRecord(agent, "resolution." + action.name().toLowerCase(java.util.Locale.ROOT),
                new EntityRef("ticket", ticket.key()), why, judged == null ? null : judged.groupId() + " " + judged.status(),
                decision.groupId()));
        rerun.accept(new ResolutionJob(ticket.id(), "decision", true));
        return store.resolution(ticket.id(), ticket.key());
    }

    private static Proposal with(Proposal p, ResolutionState state, @Nullable Link link, List<Candidate> candidates) {
        return new Proposal(p.ticketId(), p.ticketKey(), state, p.factsHash(), link, candidates, p.articles(), p.reply(),
                link == null ? 0 : link.score(), p.explanation(), p.unavailable());
    }

    private Ticket ticket(String idOrKey) {
        return tickets.get(idOrKey).orElseThrow(() -> new DecisionException(DecisionException.Kind.NOT_FOUND,
                "there is no ticket " + idOrKey));
    }
}
