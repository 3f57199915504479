package org.alexandria.workflow.resolution.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import org.alexandria.workflow.resolution.internal.correlation.Candidate;
import org.alexandria.workflow.resolution.internal.correlation.Signal;
import org.alexandria.workflow.resolution.internal.model.Article;
import org.alexandria.workflow.resolution.internal.model.Decision;
import org.alexandria.workflow.resolution.internal.model.DecisionAction;
import org.alexandria.workflow.resolution.internal.model.Judgement;
import org.alexandria.workflow.resolution.internal.model.Link;
import org.alexandria.workflow.resolution.internal.model.LinkStatus;
import org.alexandria.workflow.resolution.internal.model.Proposal;
import org.alexandria.workflow.resolution.internal.model.Resolution;
import org.alexandria.workflow.resolution.internal.model.ResolutionState;
import org.jspecify.annotations.Nullable;

/** Reads and writes proposals, decisions, problem-ticket claims and sweep cursors. */
public final class ResolutionStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<Candidate>> CANDIDATES = new TypeReference<>() { };
    private static final TypeReference<List<Article>> ARTICLES = new TypeReference<>() { };
    private static final TypeReference<List<Signal>> SIGNALS = new TypeReference<>() { };

    private final EntityManagerFactory emf;
    /** Problem tickets of crash groups, once known: a group's problem ticket never changes once it is made. */
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    /** Audited revisions not written yet, by ticket: written with the next proposal or by {@link #flushAudited}. */
    private final Map<String, Integer> auditedLater = new ConcurrentHashMap<>();

    /** @param emf the workflow's persistence unit */
    public ResolutionStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /**
     * @param ticketId a ticket id
     * @return its current proposal, if the workflow processed it
     */
    public Optional<Proposal> proposal(String ticketId) {
        return current(ticketId).map(Current::proposal);
    }

    /**
     * A stored proposal with its bookkeeping.
     *
     * @param proposal        the proposal
     * @param revision        its revision
     * @param auditedRevision the last revision whose audit entries are written
     * @param updatedMs       when it was written
     * @param incidentOf      the problem ticket the workflow made the ticket an incident of, if any
     */
    public record Current(Proposal proposal, int revision, int auditedRevision, long updatedMs,
            @Nullable String incidentOf) {
    }

    /**
     * @param ticketId a ticket id
     * @return its current proposal and revision, if the workflow processed it
     */
    public Optional<Current> current(String ticketId) {
        return Tx.read(emf, em -> Optional.ofNullable(em.find(ResolutionEntity.class, ticketId))
                .map(r -> new Current(proposal(r), r.revision, r.auditedRevision, r.updatedMs, r.incidentOf)));
    }

    /**
     * @param ticketId  a ticket id
     * @param ticketKey its key, for a ticket the workflow has not seen
     * @return the resolution as shown to agents, PENDING when the workflow has not processed it
     */
    public Resolution resolution(String ticketId, String ticketKey) {
        return Tx.read(emf, em -> {
            List<Decision> decisions = em.createQuery("SELECT d FROM DecisionEntity d WHERE d.ticketId = :t"
                    + " ORDER BY d.decidedMs, d.id", DecisionEntity.class).setParameter("t", ticketId).getResultList()
                    .stream().map(ResolutionStore::decision).toList();
            ResolutionEntity row = em.find(ResolutionEntity.class, ticketId);
            if (row == null) {
                return new Resolution(ticketId, ticketKey, ResolutionState.PENDING, 0, null, null, List.of(), List.of(),
                        null, 0, "The workflow has not processed this ticket yet.", List.of(), decisions);
            }
            Proposal p = proposal(row);
            return new Resolution(row.ticketId, row.ticketKey, p.state(), row.revision,
                    Instant.ofEpochMilli(row.updatedMs), p.link(), p.candidates(), p.articles(), p.reply(),
                    p.confidence(), p.explanation(), new TreeSet<>(p.unavailable()).stream().toList(), decisions);
        });
    }

    /**
     * Writes a proposal over the ticket's previous one, unless another run wrote one since this run read it: two
     * runs of one ticket (an event and the sweep, two nodes) never both write, so each revision is audited once.
     *
     * @param proposal what the run produced
     * @param expected the revision the run started from, 0 for none
     * @param nowMs    current time
     * @return the new revision, or -1 when another run got there first (this run's result is dropped)
     */
    public int save(Proposal proposal, int expected, long nowMs) {
        return save(proposal, expected, nowMs, null);
    }

    /**
     * {@link #save(Proposal, int, long)}, also recording the problem ticket the run made the ticket an incident of.
     *
     * @param proposal   what the run produced
     * @param expected   the revision the run started from, 0 for none
     * @param nowMs      current time
     * @param incidentOf the problem ticket the ticket is now an incident of, or null to keep what is recorded
     * @return the new revision, or -1 when another run got there first (this run's result is dropped)
     */
    public int save(Proposal proposal, int expected, long nowMs, @Nullable String incidentOf) {
        Map<String, Integer> audited = drainAudited();
        try {
            return Tx.write(emf, em -> {
                writeAudited(em, audited);
                return saveIn(em, proposal, expected, nowMs, incidentOf);
            });
        } catch (RuntimeException e) {
            audited.forEach(this::auditedLater);
            throw e;
        }
    }

    private static int saveIn(EntityManager em, Proposal proposal, int expected, long nowMs,
            @Nullable String incidentOf) {
        ResolutionEntity row = em.find(ResolutionEntity.class, proposal.ticketId());
        if (row == null ? expected != 0 : row.revision != expected) {
            return -1;
        }
        boolean fresh = row == null;
        if (fresh) {
            row = new ResolutionEntity();
            row.ticketId = proposal.ticketId();
            row.createdMs = nowMs;
        }
        write(row, proposal);
        row.revision++;
        row.updatedMs = nowMs;
        if (incidentOf != null) {
            row.incidentOf = incidentOf;
        }
        if (fresh) {
            em.persist(row);
        }
        return row.revision;
    }

    /**
     * Records a decision and the proposal it leads to, in one transaction.
     *
     * @param decision the decision
     * @param judged   the link the agent judged, if any
     * @param ticketId the ticket
     * @param after    the proposal after the decision
     * @param nowMs    current time
     */
    public void decide(Decision decision, @Nullable Link judged, String ticketId, Proposal after, long nowMs) {
        Tx.write(emf, em -> {
            DecisionEntity d = new DecisionEntity();
            d.id = UUID.randomUUID().toString();
            d.ticketId = ticketId;
            d.action = decision.action().name();
            d.groupId = decision.groupId();
            d.actor = decision.actor();
            d.reason = decision.reason();
            d.decidedMs = decision.at().toEpochMilli();
            if (judged != null) {
                d.judgedGroupId = judged.groupId();
                d.judgedStatus = judged.status().name();
                d.judgedScore = judged.score();
            }
            em.persist(d);
            ResolutionEntity row = em.find(ResolutionEntity.class, ticketId);
            if (row == null) {
                row = new ResolutionEntity();
                row.ticketId = ticketId;
                row.createdMs = nowMs;
                write(row, after);
                row.revision = 1;
                row.auditedRevision = 1;
                row.updatedMs = nowMs;
                em.persist(row);
            } else {
                write(row, after);
                // a run that read the proposal before the decision must not overwrite it; the decision's own
                // audit entry covers the new revision
                row.revision++;
                row.auditedRevision = row.revision;
                row.updatedMs = nowMs;
            }
            return null;
        });
    }

    /**
     * @param ticketId a ticket
     * @param revision the revision whose audit entries are written
     */
    public void audited(String ticketId, int revision) {
        Tx.write(emf, em -> {
            ResolutionEntity row = em.find(ResolutionEntity.class, ticketId);
            if (row != null && row.auditedRevision < revision) {
                row.auditedRevision = revision;
            }
            return null;
        });
    }

    /**
     * Records that a revision's audit entries are written, in the transaction of the next proposal saved on this
     * node or the next {@link #flushAudited}, whichever comes first: one commit less per run. Until then the row
     * looks unaudited; should the node die meanwhile, the run that repairs it finds the entries and writes none.
     *
     * @param ticketId a ticket
     * @param revision the revision whose audit entries are written
     */
    public void auditedLater(String ticketId, int revision) {
        auditedLater.merge(ticketId, revision, Math::max);
    }

    /** Writes the revisions recorded by {@link #auditedLater} that no proposal carried yet. */
    public void flushAudited() {
        if (auditedLater.isEmpty()) {
            return;
        }
        Map<String, Integer> audited = drainAudited();
        try {
            Tx.write(emf, em -> {
                writeAudited(em, audited);
                return null;
            });
        } catch (RuntimeException e) {
            audited.forEach(this::auditedLater);
            throw e;
        }
    }

    private Map<String, Integer> drainAudited() {
        if (auditedLater.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> drained = new HashMap<>();
        for (String ticketId : List.copyOf(auditedLater.keySet())) {
            Integer revision = auditedLater.remove(ticketId);
            if (revision != null) {
                drained.put(ticketId, revision);
            }
        }
        return drained;
    }

    private static void writeAudited(EntityManager em, Map<String, Integer> audited) {
        audited.forEach((ticketId, revision) -> em.createQuery("UPDATE ResolutionEntity r SET r.auditedRevision = :v"
                + " WHERE r.ticketId = :t AND r.auditedRevision < :v").setParameter("v", revision)
                .setParameter("t", ticketId).executeUpdate());
    }

    /**
     * @param writtenBeforeMs only proposals written before this time (a run in progress audits its own)
     * @param limit           most ids
     * @return tickets whose latest proposal may lack its audit entries, oldest first
     */
    public List<String> unaudited(long writtenBeforeMs, int limit) {
        return Tx.read(emf, em -> em.createQuery("SELECT r.ticketId FROM ResolutionEntity r"
                + " WHERE r.auditedRevision < r.revision AND r.updatedMs < :before ORDER BY r.updatedMs", String.class)
                .setParameter("before", writtenBeforeMs).setMaxResults(limit).getResultList());
    }

    /**
     * @param ticketId a ticket
     * @return groups an agent rejected for it
     */
    public Set<String> rejectedGroups(String ticketId) {
        return Tx.read(emf, em -> new HashSet<>(em.createQuery("SELECT d.groupId FROM DecisionEntity d"
                + " WHERE d.ticketId = :t AND d.action = :a AND d.groupId IS NOT NULL", String.class)
                .setParameter("t", ticketId).setParameter("a", DecisionAction.REJECT.name()).getResultList()));
    }

    /**
     * @param groupId a crash group
     * @return tickets linked to it (automatically or by an agent), oldest proposal first
     */
    public List<String> linkedTickets(String groupId) {
        return Tx.read(emf, em -> em.createQuery("SELECT r.ticketId FROM ResolutionEntity r WHERE r.linkGroupId = :g"
                + " AND r.linkStatus IN :s ORDER BY r.createdMs, r.ticketId", String.class).setParameter("g", groupId)
                .setParameter("s", Arrays.stream(LinkStatus.values()).filter(LinkStatus::linked).map(Enum::name).toList())
                .getResultList());
    }

    /**
     * @param ticketIds tickets
     * @return when the workflow last wrote the proposal of each of them that has one
     */
    public Map<String, Long> proposalTimes(Collection<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Map.of();
        }
        return Tx.read(emf, em -> {
            Map<String, Long> times = new HashMap<>();
            em.createQuery("SELECT r.ticketId, r.updatedMs FROM ResolutionEntity r WHERE r.ticketId IN :ids", Object[].class)
                    .setParameter("ids", List.copyOf(ticketIds)).getResultList()
                    .forEach(row -> times.put((String) row[0], (Long) row[1]));
            return times;
        });
    }

    /**
     * @param sinceMs tickets first proposed at or after this time
     * @param limit   most ids
     * @return tickets without a crash group link (none found, or the crash analysis was unavailable), newest first
     */
    public List<String> unlinkedSince(long sinceMs, int limit) {
        return Tx.read(emf, em -> em.createQuery("SELECT r.ticketId FROM ResolutionEntity r WHERE r.linkGroupId IS NULL"
                + " AND r.createdMs >= :since AND r.state <> :rejected ORDER BY r.createdMs DESC", String.class)
                .setParameter("since", sinceMs).setParameter("rejected", ResolutionState.REJECTED.name())
                .setMaxResults(limit).getResultList());
    }

    /**
     * @param limit most rows
     * @return tickets whose last run missed an analysis, with the analyses it missed, oldest first
     */
    public Map<String, Set<String>> waitingAnalyses(int limit) {
        return Tx.read(emf, em -> {
            Map<String, Set<String>> waiting = new LinkedHashMap<>();
            em.createQuery("SELECT r.ticketId, r.unavailable FROM ResolutionEntity r WHERE r.unavailable <> ''"
                    + " ORDER BY r.updatedMs", Object[].class).setMaxResults(limit).getResultList()
                    .forEach(row -> waiting.put((String) row[0], Set.of(((String) row[1]).split(","))));
            return waiting;
        });
    }

    /** @return every decision on an automatic proposal, as labels for calibration */
    public List<Judgement> judgements() {
        return Tx.read(emf, em -> em.createQuery("SELECT d FROM DecisionEntity d WHERE d.judgedScore IS NOT NULL"
                + " AND d.judgedStatus IN :s", DecisionEntity.class)
                .setParameter("s", List.of(LinkStatus.AUTO_LINKED.name(), LinkStatus.SUGGESTED.name()))
                .getResultList().stream()
                .map(d -> new Judgement(d.judgedScore, LinkStatus.valueOf(d.judgedStatus),
                        d.action.equals(DecisionAction.ACCEPT.name())))
                .toList());
    }

    // ---- problem tickets

    /**
     * @param groupId a crash group
     * @return its problem ticket, if one was made
     */
    public Optional<String> problemOf(String groupId) {
        String known = problems.get(groupId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> found = Tx.read(emf, em -> Optional.ofNullable(em.find(ProblemEntity.class, groupId))
                .map(p -> p.problemTicketId));
        found.ifPresent(id -> problems.put(groupId, id));
        return found;
    }

    /**
     * Records that the workflow made a ticket an incident of a problem ticket, without a new revision.
     *
     * @param ticketId  a ticket with a proposal
     * @param problemId the problem ticket
     */
    public void incidentOf(String ticketId, String problemId) {
        Tx.write(emf, em -> {
            ResolutionEntity row = em.find(ResolutionEntity.class, ticketId);
            if (row != null) {
                row.incidentOf = problemId;
            }
            return null;
        });
    }

    /**
     * Claims the creation of a group's problem ticket; one node wins.
     *
     * @param groupId a crash group
     * @param nowMs   current time
     * @param graceMs after how long an unfinished claim of another node may be taken over
     * @return whether this caller may create the problem ticket
     */
    public boolean claimProblem(String groupId, long nowMs, long graceMs) {
        try {
            return Tx.write(emf, em -> {
                ProblemEntity row = em.find(ProblemEntity.class, groupId);
                if (row == null) {
                    row = new ProblemEntity();
                    row.groupId = groupId;
                    row.claimMs = nowMs;
                    em.persist(row);
                    em.flush();
                    return true;
                }
                if (row.problemTicketId == null && row.claimMs < nowMs - graceMs) {
                    row.claimMs = nowMs;
                    return true;
                }
                return false;
            });
        } catch (PersistenceException e) {
            if (Tx.lostRace(e)) {
                return false;
            }
            throw e;
        }
    }


    /**
     * @param groupId   a crash group this caller claimed
     * @param ticketId  the problem ticket it created
     * @param incidents the tickets the problem ticket was created with as incidents
     */
    public void problemCreated(String groupId, String ticketId, Collection<String> incidents) {
        Tx.write(emf, em -> {
            ProblemEntity row = em.find(ProblemEntity.class, groupId);
            if (row != null) {
                row.problemTicketId = ticketId;
            }
            if (!incidents.isEmpty()) {
                em.createQuery("UPDATE ResolutionEntity r SET r.incidentOf = :p WHERE r.ticketId IN :ids")
                        .setParameter("p", ticketId).setParameter("ids", List.copyOf(incidents)).executeUpdate();
            }
            return null;
        });
        problems.put(groupId, ticketId);
    }

    // ---- sweep cursor

    /**
     * @param name a sweep
     * @return its cursor and the time of the last change it read
     */
    public Optional<SweepCursor> cursor(String name) {
        return Tx.read(emf, em -> Optional.ofNullable(em.find(CursorEntity.class, name))
                .map(c -> new SweepCursor(c.position, c.lastChangeMs)));
    }

    /**
     * @param name   a sweep
     * @param cursor where it got to
     */
    public void saveCursor(String name, SweepCursor cursor) {
        Tx.write(emf, em -> {
            CursorEntity row = em.find(CursorEntity.class, name);
            if (row == null) {
                row = new CursorEntity();
                row.name = name;
                em.persist(row);
            }
            row.position = cursor.position();
            row.lastChangeMs = cursor.lastChangeMs();
            return null;
        });
    }

    /**
     * Where a sweep got to.
     *
     * @param position     the change feed's cursor
     * @param lastChangeMs change time of the last ticket read
     */
    public record SweepCursor(String position, long lastChangeMs) {
    }

    // ---- mapping

    private static void write(ResolutionEntity row, Proposal p) {
        row.ticketKey = p.ticketKey();
        row.state = p.state().name();
        row.factsHash = p.factsHash();
        Link link = p.link();
        row.linkGroupId = link == null ? null : link.groupId();
        row.linkSignature = link == null ? null : clip(link.signature(), 500);
        row.linkScore = link == null ? null : link.score();
        row.linkStatus = link == null ? null : link.status().name();
        row.linkSignals = link == null ? null : json(link.signals());
        row.candidates = json(p.candidates());
        row.articles = json(p.articles());
        row.reply = p.reply();
        row.confidence = p.confidence();
        row.explanation = p.explanation();
        row.unavailable = String.join(",", new TreeSet<>(p.unavailable()));
    }

    private static Proposal proposal(ResolutionEntity row) {
        Link link = row.linkGroupId == null || row.linkStatus == null ? null
                : new Link(row.linkGroupId, row.linkSignature == null ? "" : row.linkSignature,
                        row.linkScore == null ? 0 : row.linkScore, LinkStatus.valueOf(row.linkStatus),
                        row.linkSignals == null ? List.of() : parse(row.linkSignals, SIGNALS));
        Set<String> unavailable = row.unavailable.isEmpty() ? Set.of() : Set.of(row.unavailable.split(","));
        return new Proposal(row.ticketId, row.ticketKey, ResolutionState.valueOf(row.state), row.factsHash, link,
                parse(row.candidates, CANDIDATES), parse(row.articles, ARTICLES), row.reply, row.confidence,
                row.explanation, unavailable);
    }

    private static Decision decision(DecisionEntity d) {
        return new Decision(DecisionAction.valueOf(d.action), d.groupId, d.actor, d.reason, Instant.ofEpochMilli(d.decidedMs));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> T parse(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column: " + e.getOriginalMessage(), e);
        }
    }
}
