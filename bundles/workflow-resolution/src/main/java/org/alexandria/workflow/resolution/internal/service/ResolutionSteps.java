package org.alexandria.workflow.resolution.internal.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditEntry;
import org.alexandria.api.audit.AuditQuery;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.audit.EntityRef;
import org.alexandria.api.crash.CrashAnalyzer;
import org.alexandria.api.crash.CrashGroup;
import org.alexandria.api.kb.KnowledgeBase;
import org.alexandria.api.ticket.Comment;
import org.alexandria.api.ticket.LinkType;
import org.alexandria.api.ticket.NewTicket;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.api.ticket.TicketPriority;
import org.alexandria.api.ticket.TicketType;
import org.alexandria.api.ticket.Tickets;
import org.alexandria.api.ticket.Visibility;
import org.alexandria.workflow.resolution.internal.correlation.Candidate;
import org.alexandria.workflow.resolution.internal.correlation.CorrelationSettings;
import org.alexandria.workflow.resolution.internal.correlation.LinkDecision;
import org.alexandria.workflow.resolution.internal.correlation.Signal;
import org.alexandria.workflow.resolution.internal.correlation.TicketFacts;
import org.alexandria.workflow.resolution.internal.model.Article;
import org.alexandria.workflow.resolution.internal.model.Link;
import org.alexandria.workflow.resolution.internal.model.LinkStatus;
import org.alexandria.workflow.resolution.internal.model.Proposal;
import org.alexandria.workflow.resolution.internal.model.ResolutionState;
import org.alexandria.workflow.resolution.internal.store.ResolutionStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the ticket-to-resolution workflow. Each is one method over the {@link ResolutionJob} the route
 * carries, calling the other plugins through their API services only; the route decides the order, the
 * retries and what happens on failure. The crash analyzer and the knowledge base may be absent at any time:
 * the step then records the analysis as unavailable and the ticket is run again when the plugin returns.
 */
public final class ResolutionSteps {

    /** Plugin id, audit actor and event source. */
    public static final String PLUGIN_ID = "workflow-resolution";
    /** The actor of automated steps. */
    public static final Actor SYSTEM = Actor.system(PLUGIN_ID);
    /** Name of the crash analysis in {@link Proposal#unavailable()}. */
    public static final String CRASH_ANALYSIS = "crash-analyzer";
    /** Name of the article suggestion in {@link Proposal#unavailable()}. */
    public static final String KB_ANALYSIS = "knowledge-base";
    /** Name of a run that failed after its retries, in {@link Proposal#unavailable()}: the next sweep runs it again. */
    public static final String WORKFLOW = "workflow";
    private static final long PROBLEM_CLAIM_GRACE_MS = 5 * 60_000;
    /** A proposal not audited this long after it was written was left by a run that died (runs take milliseconds). */
    public static final long AUDIT_GRACE_MS = 60_000;
    private static final int MAX_TEXT = 20_000;
    private static final int KB_QUERY_CHARS = 2_000;
    /** A stack frame line of the common formats (JVM, .NET, Python, native), or a JVM "... n more". */
    private static final java.util.regex.Pattern FRAME_LINE = java.util.regex.Pattern.compile(
            "(?m)^\\s*(?:at\\s+\\S+.*|\\.\\.\\.\\s*\\d+\\s+more|File \".*\", line \\d+.*|#\\d+\\s+0x[0-9a-fA-F]+.*)$\\R?");
    private static final Logger LOG = LoggerFactory.getLogger(ResolutionSteps.class);

    private final Tickets tickets;
    private final Correlator correlator;
    private final Supplier<@Nullable CrashAnalyzer> crashAnalyzer;
    private final Supplier<@Nullable KnowledgeBase> knowledgeBase;
    private final ResolutionStore store;
    private final AuditTrail audit;
    private final Settings settings;
    private final Clock clock;
    private final ReplyDrafter drafter = new ReplyDrafter();

    /**
     * The workflow's settings, from {@link ResolutionConfig}.
     *
     * @param correlation        thresholds and candidate count
     * @param problemTicketAfter linked tickets that make a problem ticket, 0 for never
     * @param articles           articles per proposal
     */
    public record Settings(CorrelationSettings correlation, int problemTicketAfter, int articles) {

        /**
         * @param config the configuration
         * @return its settings
         */
        public static Settings of(ResolutionConfig config) {
            if (config.suggestThreshold() > config.autoLinkThreshold()) {
                throw new IllegalArgumentException("suggestThreshold must not exceed autoLinkThreshold");
            }
            return new Settings(new CorrelationSettings(config.autoLinkThreshold(), config.suggestThreshold(),
                    config.candidates()), config.problemTicketAfter(), config.articles());
        }
    }

    /**
     * @param tickets       the tickets plugin
     * @param correlator    ranks crash groups for a ticket
     * @param crashAnalyzer the crash analyzer, or null while it is not installed
     * @param knowledgeBase the knowledge base, or null while it is not installed
     * @param store         the workflow's tables
     * @param audit         the audit trail
     * @param settings      thresholds
     * @param clock         clock
     */
    public ResolutionSteps(Tickets tickets, Correlator correlator, Supplier<@Nullable CrashAnalyzer> crashAnalyzer,
            Supplier<@Nullable KnowledgeBase> knowledgeBase, ResolutionStore store, AuditTrail audit, Settings settings,
            Clock clock) {
        this.tickets = tickets;
        this.correlator = correlator;
        this.crashAnalyzer = crashAnalyzer;
        this.knowledgeBase = knowledgeBase;
        this.store = store;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return the settings */
    public Settings settings() {
        return settings;
    }

    /**
     * Step 1: reads the ticket and what the workflow proposed before; skips the run when the ticket is gone, is
     * a problem ticket, or did not change since the last proposal (unless forced or an analysis was missing).
     *
     * @param job the run
     */
    public void load(ResolutionJob job) {
        Optional<Ticket> found = tickets.get(job.ticketId());
        if (found.isEmpty()) {
            job.skip("the ticket no longer exists");
            return;
        }
        Ticket ticket = found.get();
        if (ticket.type() == TicketType.PROBLEM) {
            job.skip("problem tickets are not correlated");
            return;
        }
        StringBuilder text = new StringBuilder(ticket.description());
        // a ticket not changed since its creation has no comments (adding one is a change): not worth a read
        List<Comment> comments = ticket.updatedAt().equals(ticket.createdAt()) ? List.of() : tickets.comments(ticket.id());
        for (Comment comment : comments) {
            if (comment.visibility() == Visibility.PUBLIC && text.length() < MAX_TEXT) {
                text.append("\n\n").append(comment.body());
            }
        }
        String body = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text.toString();
        TicketFacts facts = new TicketFacts(ticket.id(), ticket.subject(), body, ticket.product(), ticket.appVersion(),
                ticket.environment().os(), ticket.requesterId(), ticket.organizationId(), ticket.createdAt());
        String hash = hash(facts);
        ResolutionStore.Current current = store.current(ticket.id()).orElse(null);
        Proposal previous = current == null ? null : current.proposal();
        job.loaded(ticket, facts, hash, previous, current == null ? 0 : current.revision());
        if (current != null && current.incidentOf() != null) {
            job.incidentOf(current.incidentOf(), false);
        }
        if (current != null && current.auditedRevision() < current.revision()
                && current.updatedMs() < clock.millis() - AUDIT_GRACE_MS) {
            repairAudit(ticket, current.proposal(), current.revision());
        }
        if (!job.force() && previous != null && previous.factsHash().equals(hash) && previous.unavailable().isEmpty()) {
            job.skip("nothing changed since the current proposal");
        }
    }

    /**
     * Step 2: ranks crash groups for the ticket. An agent's accepted or chosen link is kept as it is.
     *
     * @param job the run
     */
    public void correlate(ResolutionJob job) {
        Proposal previous = job.previous();
        Link kept = previous == null ? null : previous.link();
        if (kept != null && (kept.status() == LinkStatus.ACCEPTED || kept.status() == LinkStatus.RELINKED)) {
            job.link(kept);
            job.candidates(previous.candidates());
            job.notes().add("Kept the crash group " + kept.signature() + " an agent " + (kept.status() == LinkStatus.ACCEPTED
                    ? "confirmed." : "chose."));
            return;
        }
        CrashAnalyzer crashes = crashAnalyzer.get();
        if (crashes == null) {
            job.unavailable().add(CRASH_ANALYSIS);
            job.notes().add("Crash analysis unavailable: the crash analyzer is not installed; the ticket is correlated when it returns.");
            return;
        }
        // a decision is stored with the ticket's proposal row in one transaction: no row, no rejected group (a
        // decision made since this run loaded makes the row, so this run's proposal is dropped and the decision's run
        // follows)
        Set<String> rejected = previous == null ? Set.of() : store.rejectedGroups(job.ticketId());
        job.candidates(correlator.correlate(crashes, job.facts(), rejected, settings.correlation()));
    }

    /**
     * Step 3: links the ticket to the best crash group above the auto-link threshold, or suggests it above the
     * suggestion threshold.
     *
     * @param job the run
     */
    public void link(ResolutionJob job) {
        if (job.link() != null || job.unavailable().contains(CRASH_ANALYSIS)) {
            return;
        }
        if (job.candidates().isEmpty()) {
            job.notes().add("No crash group matches this ticket.");
            return;
        }
        Candidate best = job.candidates().get(0);
        LinkDecision decision = settings.correlation().decide(best.score());
        String score = String.format(Locale.ROOT, "%.2f", best.score());
        switch (decision) {
            case AUTO_LINK -> {
                job.link(new Link(best.groupId(), best.signature(), best.score(), LinkStatus.AUTO_LINKED, best.signals()));
                job.notes().add("Linked automatically to crash group " + best.signature() + " (score " + score
                        + " ≥ auto-link threshold " + settings.correlation().autoLinkThreshold() + "): " + why(best) + ".");
            }
            case SUGGEST -> {
                job.link(new Link(best.groupId(), best.signature(), best.score(), LinkStatus.SUGGESTED, best.signals()));
                job.notes().add("Suggested crash group " + best.signature() + " (score " + score + ", below the auto-link threshold "
                        + settings.correlation().autoLinkThreshold() + "): " + why(best) + ".");
            }
            case NONE -> job.notes().add("The best crash group, " + best.signature() + ", scores only " + score
                    + " (suggestion threshold " + settings.correlation().suggestThreshold() + ").");
        }
    }

    /**
     * Step 4: when the ticket's crash group has gathered enough linked tickets, makes sure the group has a
     * problem ticket (one node creates it) and that this ticket is one of its incidents.
     *
     * @param job the run
     */
    public void problem(ResolutionJob job) {
        Link link = job.link();
        if (link == null || !link.status().linked() || settings.problemTicketAfter() <= 0) {
            return;
        }
        String problemId = store.problemOf(link.groupId()).orElse(null);
        if (problemId != null) {
            String ticketId = job.ticketId();
            if (problemId.equals(job.incidentOf()) || problemId.equals(ticketId)) {
                return; // the workflow's own row says it is linked: no need to read the ticket's links
            }
            // a ticket proposed before the workflow recorded its links may have been linked already
            boolean linked = job.previous() != null && job.incidentOf() == null && tickets.links(ticketId).stream()
                    .anyMatch(l -> l.type() == LinkType.INCIDENT_OF
                            && (problemId.equals(l.targetId()) || problemId.equals(l.sourceId())));
            if (!linked) {
                // idempotent in the tickets plugin: a run killed before storing its proposal links once only
                tickets.link(ticketId, LinkType.INCIDENT_OF, problemId, SYSTEM);
                job.notes().add("Linked as an incident of the crash group's problem ticket.");
            }
            job.incidentOf(problemId, true);
            return;
        }
        LinkedHashSet<String> incidents = new LinkedHashSet<>(store.linkedTickets(link.groupId()));
        incidents.add(job.ticketId());
        if (incidents.size() < settings.problemTicketAfter()) {
            return;
        }
        if (!store.claimProblem(link.groupId(), clock.millis(), PROBLEM_CLAIM_GRACE_MS)) {
            return;
        }
        CrashAnalyzer crashes = crashAnalyzer.get();
        CrashGroup group = crashes == null ? null : crashes.group(link.groupId()).orElse(null);
        Ticket first = tickets.get(incidents.iterator().next()).orElse(job.ticket());
        String description = "Crash group " + link.signature() + " is behind " + incidents.size() + " tickets."
                + (group == null ? "" : "\n\n" + group.exceptionType() + ": " + group.exceptionMessage() + "\nReports: "
                        + group.reportCount() + ", first seen " + group.firstSeen() + ", last seen " + group.lastSeen());
        NewTicket problem = new NewTicket("Problem: " + clip(link.signature(), 180), description, TicketType.PROBLEM,
                TicketPriority.HIGH, null, first.requesterId(), null, null, null, null, Set.of("crash-group"), null,
                first.product(), first.appVersion(), null);
        Ticket created = tickets.createProblem(problem, List.copyOf(incidents), SYSTEM);
        store.problemCreated(link.groupId(), created.id(), incidents);
        job.incidentOf(created.id(), true);
        job.notes().add("Created problem ticket " + created.key() + " for the " + incidents.size()
                + " tickets linked to this crash group.");
    }

    /**
     * Step 5: asks the knowledge base for articles about the ticket and its crash group.
     *
     * @param job the run
     */
    public void articles(ResolutionJob job) {
        if (settings.articles() <= 0) {
            return;
        }
        KnowledgeBase kb = knowledgeBase.get();
        if (kb == null) {
            job.unavailable().add(KB_ANALYSIS);
            job.notes().add("Article suggestions unavailable: the knowledge base is not installed.");
            return;
        }
        // articles are found by what the customer says; the frames of a pasted trace only add noise (and cost)
        StringBuilder query = new StringBuilder(job.ticket().subject()).append('\n')
                .append(clip(FRAME_LINE.matcher(job.facts().text()).replaceAll(""), KB_QUERY_CHARS));
        Link link = job.link();
        if (link != null) {
            query.append('\n').append(link.signature());
        }
        List<Article> found = kb.suggest(query.toString(), settings.articles()).stream()
                .map(s -> new Article(s.articleId(), s.title(), s.score())).toList();
        job.articles(found);
        if (!found.isEmpty()) {
            job.notes().add(found.size() + " knowledge-base article" + (found.size() == 1 ? "" : "s") + " suggested, best \""
                    + found.get(0).title() + "\".");
        }
    }

    /**
     * Step 6: stores the proposal and audits what changed; a run that produces what is already proposed writes
     * nothing, so runs are idempotent.
     *
     * @param job the run
     * @return the stored proposal
     */
    public Proposal propose(ResolutionJob job) {
        Ticket ticket = job.ticket();
        Link link = job.link();
        Proposal previous = job.previous();
        // an agent's decision stands until the link changes (a rejected ticket without a new candidate stays rejected)
        ResolutionState state = previous != null && Objects.equals(link, previous.link()) ? previous.state()
                : ResolutionState.PROPOSED;
        String reply = drafter.draft(ticket, link, job.articles());
        double confidence = link == null ? 0 : link.score();
        String explanation = String.join(" ", job.notes());
        Proposal proposal = new Proposal(ticket.id(), ticket.key(), state, job.factsHash(), link, job.candidates(),
                job.articles(), reply, confidence, explanation.isEmpty() ? "Nothing found for this ticket." : explanation,
                job.unavailable());
        if (proposal.equals(previous)) {
            if (job.incidentChanged() && job.incidentOf() != null) {
                store.incidentOf(ticket.id(), job.incidentOf());
            }
            return proposal;
        }
        int revision = store.save(proposal, job.previousRevision(), clock.millis(),
                job.incidentChanged() ? job.incidentOf() : null);
        if (revision < 0) {
            LOG.debug("Ticket {}: another run wrote a proposal meanwhile; this run's result is dropped", ticket.key());
            return store.proposal(ticket.id()).orElse(proposal);
        }
        Link before = previous == null ? null : previous.link();
        if (link != null && !sameGroup(link, before)) {
            audit.append(linkRecord(ticket, link, before == null ? null : before.groupId()));
        }
        audit.append(proposedRecord(ticket, proposal, revision));
        // written with a later proposal (or within a second): the mark only spares a repair its audit query
        store.auditedLater(ticket.id(), revision);
        LOG.debug("Ticket {}: proposal revision {} ({})", ticket.key(), revision, job.trigger());
        return proposal;
    }

    /** Writes the audited marks that no later proposal carried (the route calls it every second). */
    public void flushAudited() {
        store.flushAudited();
    }

    private static AuditRecord linkRecord(Ticket ticket, Link link, @Nullable String before) {
        String action = link.status() == LinkStatus.AUTO_LINKED ? "resolution.auto-link" : "resolution.suggest";
        return new AuditRecord(SYSTEM, action, new EntityRef("ticket", ticket.key()), null, before,
                clip(link.groupId() + " score " + String.format(Locale.ROOT, "%.3f", link.score()) + ": " + why(link.signals()),
                        AuditRecord.MAX_TEXT));
    }

    private static AuditRecord proposedRecord(Ticket ticket, Proposal proposal, int revision) {
        return new AuditRecord(SYSTEM, "resolution.proposed", new EntityRef("ticket", ticket.key()), null,
                revision == 1 ? null : "revision " + (revision - 1),
                clip("revision " + revision + ", confidence " + String.format(Locale.ROOT, "%.2f", proposal.confidence())
                        + ", articles " + proposal.articles().stream().map(Article::articleId).collect(Collectors.joining(","))
                        + (proposal.unavailable().isEmpty() ? "" : ", unavailable " + String.join(",", new TreeSet<>(proposal.unavailable())))
                        + ": " + proposal.explanation(), AuditRecord.MAX_TEXT));
    }

    /**
     * Writes the audit entries of a stored proposal that a node did not get to write (killed between storing the
     * proposal and auditing it); entries already there are not written again.
     */
    private void repairAudit(Ticket ticket, Proposal proposal, int revision) {
        List<AuditEntry> entries = audit.query(new AuditQuery("ticket", ticket.key(), SYSTEM.name(), null, null, 0,
                AuditQuery.MAX_LIMIT));
        String revisionMark = "revision " + revision + ",";
        Link link = proposal.link();
        if (link != null && (link.status() == LinkStatus.AUTO_LINKED || link.status() == LinkStatus.SUGGESTED)
                && entries.stream().noneMatch(e -> e.action().startsWith("resolution.") && e.after() != null
                        && e.after().startsWith(link.groupId() + " "))) {
            audit.append(linkRecord(ticket, link, null));
        }
        if (entries.stream().noneMatch(e -> e.action().equals("resolution.proposed") && e.after() != null
                && e.after().startsWith(revisionMark))) {
            audit.append(proposedRecord(ticket, proposal, revision));
        }
        store.audited(ticket.id(), revision);
        LOG.info("Ticket {}: audit entries of proposal revision {} written after a restart", ticket.key(), revision);
    }

    /**
     * What happens to a run whose step still failed after the route's retries: a ticket already read keeps its
     * previous proposal and is marked as waiting, so that the sweep runs it again.
     *
     * @param job   the run
     * @param cause the last failure
     */
    public void failed(ResolutionJob job, @Nullable Throwable cause) {
        LOG.warn("Ticket {}: the resolution workflow failed ({}); it is run again by the next sweep", job.ticketId(),
                cause == null ? "unknown cause" : cause.toString());
        Proposal previous = job.previous();
        Ticket ticket;
        try {
            ticket = job.ticket();
        } catch (IllegalStateException notLoaded) {
            return;
        }
        Set<String> missing = new TreeSet<>(job.unavailable());
        missing.add(WORKFLOW);
        Proposal waiting = previous != null
                ? new Proposal(previous.ticketId(), previous.ticketKey(), previous.state(), "", previous.link(),
                        previous.candidates(), previous.articles(), previous.reply(), previous.confidence(),
                        previous.explanation(), missing)
                : new Proposal(ticket.id(), ticket.key(), ResolutionState.PENDING, "", null, List.of(), List.of(), null, 0,
                        "The workflow failed on this ticket and will try again.", missing);
        try {
            // unless another run succeeded meanwhile
            store.save(waiting, job.previousRevision(), clock.millis());
        } catch (RuntimeException e) {
            LOG.warn("Ticket {}: cannot mark it for another run either: {}", job.ticketId(), e.toString());
        }
    }

    private static boolean sameGroup(Link link, @Nullable Link before) {
        return before != null && before.groupId().equals(link.groupId()) && before.status() == link.status();
    }

    private static String why(Candidate candidate) {
        return why(candidate.signals());
    }

    private static String why(List<Signal> signals) {
        List<String> parts = new ArrayList<>();
        for (Signal s : signals) {
            if (s.contribution() > 0) {
                parts.add(s.name() + " " + String.format(Locale.ROOT, "%.2f", s.contribution()));
            }
        }
        return parts.isEmpty() ? "no contributing signal" : String.join(", ", parts);
    }

    static String hash(TicketFacts facts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : new Object[] {facts.subject(), facts.text(), facts.product(), facts.appVersion(), facts.os(),
                    facts.customerId(), facts.organizationId()}) {
                digest.update(Objects.toString(part, "\u0000").getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
