package org.alexandria.workflow.resolution.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.api.ticket.TicketChanges;
import org.alexandria.api.ticket.TicketType;
import org.alexandria.api.ticket.Tickets;
import org.alexandria.workflow.resolution.internal.store.ResolutionStore;
import org.alexandria.workflow.resolution.internal.store.ResolutionStore.SweepCursor;

/**
 * Finds the tickets the workflow must run for besides those its events bring: changes it missed (the durable
 * path: the tickets' change feed read from a cursor kept in the database), tickets that waited for a plugin
 * that is back, and recent unlinked tickets when crash groups changed.
 */
public final class Sweeper {

    /** Name of the change-feed cursor. */
    public static final String CURSOR = "tickets";
    private static final int PAGE = 500;
    private static final int WAITING = 200;
    private static final long RECENT_MS = 24 * 3_600_000L;

    private final Tickets tickets;
    private final ResolutionStore store;
    private final Clock clock;
    private final long overlapMs;
    private final Supplier<Set<String>> availableAnalyses;
    private final java.util.function.Predicate<String> queued;
    /**
     * Whether the last sweep found more changes within the overlap than a page holds: it then continued from the
     * cursor, and so does the next sweep at once, until it has caught up, instead of reading a full page of the
     * overlap only to drop it (under a sustained load every sweep would read two pages).
     */
    private volatile boolean behind;

    /**
     * A page of missed changes.
     *
     * @param jobs   runs to make
     * @param cursor where the next page starts once these runs are done
     */
    public record Page(List<ResolutionJob> jobs, SweepCursor cursor) {
    }

    /**
     * @param tickets           the tickets plugin
     * @param store             the workflow's tables
     * @param clock             clock
     * @param overlapMs         how far behind its cursor each sweep starts again (late commits)
     * @param availableAnalyses the analyses whose plugin is installed now
     * @param queued            whether a run of a ticket is already queued or running on this node
     */
    public Sweeper(Tickets tickets, ResolutionStore store, Clock clock, long overlapMs, Supplier<Set<String>> availableAnalyses,
            java.util.function.Predicate<String> queued) {
        this.tickets = tickets;
        this.store = store;
        this.clock = clock;
        this.overlapMs = overlapMs;
        this.availableAnalyses = availableAnalyses;
        this.queued = queued;
    }

    /**
     * Reads the next page of ticket changes after the stored cursor (less the overlap) and keeps the tickets whose
     * proposal is missing or older than their last change.
     *
     * @return the runs and the cursor to store once they are done
     */
    public Page changes() {
        SweepCursor stored = store.cursor(CURSOR).orElse(null);
        TicketChanges page;
        if (stored == null) {
            page = tickets.changes(Instant.EPOCH, null, PAGE);
        } else if (behind) {
            // still catching up after an overlap that filled a page: continue from the cursor itself
            page = tickets.changes(Instant.EPOCH, stored.position(), PAGE);
            behind = page.tickets().size() == PAGE;
        } else {
            // start again a little behind: a transaction that committed late may carry an older change time
            page = tickets.changes(Instant.ofEpochMilli(Math.max(0, stored.lastChangeMs() - overlapMs)), null, PAGE);
            if (page.tickets().size() == PAGE) {
                // the overlap alone fills a page: continue from the cursor itself
                page = tickets.changes(Instant.EPOCH, stored.position(), PAGE);
                behind = page.tickets().size() == PAGE;
            }
        }
        List<Ticket> changed = page.tickets();
        Map<String, Long> proposed = store.proposalTimes(changed.stream().map(Ticket::id).toList());
        List<ResolutionJob> jobs = new ArrayList<>();
        for (Ticket t : changed) {
            Long at = proposed.get(t.id());
            // a ticket whose event run is still queued here is left to it (the sweep is for changes with no run)
            if (t.type() != TicketType.PROBLEM && (at == null || at < t.updatedAt().toEpochMilli()) && !queued.test(t.id())) {
                jobs.add(new ResolutionJob(t.id(), "sweep", false));
            }
        }
        if (changed.isEmpty()) {
            // nothing new: the cursor never moves back
            return new Page(jobs, stored != null ? stored : new SweepCursor(page.cursor(), 0));
        }
        long last = Math.max(stored == null ? 0 : stored.lastChangeMs(),
                changed.get(changed.size() - 1).updatedAt().toEpochMilli());
        return new Page(jobs, new SweepCursor(page.cursor(), last));
    }

    /**
     * @param cursor where the sweep got to; stored only after its runs were made
     */
    public void advance(SweepCursor cursor) {
        store.saveCursor(CURSOR, cursor);
    }

    /** @return forced runs for tickets that missed an analysis whose plugin is installed now */
    public List<ResolutionJob> waiting() {
        Set<String> available = availableAnalyses.get();
        List<ResolutionJob> jobs = new ArrayList<>();
        // proposals stored by a node that died before auditing them: loading them writes the missing entries
        store.unaudited(clock.millis() - ResolutionSteps.AUDIT_GRACE_MS, WAITING)
                .forEach(id -> jobs.add(new ResolutionJob(id, "audit", false)));
        store.waitingAnalyses(WAITING).forEach((ticketId, missed) -> {
            if (missed.stream().anyMatch(a -> available.contains(a) || a.equals(ResolutionSteps.WORKFLOW))) {
                jobs.add(new ResolutionJob(ticketId, "plugin-returned", true));
            }
        });
        return jobs;
    }

    /** @return forced runs for the last day's tickets without a crash group link, after crash groups changed */
    public List<ResolutionJob> unlinkedRecent() {
        return store.unlinkedSince(clock.millis() - RECENT_MS, WAITING).stream()
                .map(id -> new ResolutionJob(id, "crash-activity", true)).toList();
    }
}
