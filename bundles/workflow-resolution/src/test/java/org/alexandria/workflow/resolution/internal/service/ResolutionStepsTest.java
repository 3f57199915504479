package org.alexandria.workflow.resolution.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.alexandria.api.audit.AuditEntry;
import org.alexandria.api.audit.AuditQuery;
import org.alexandria.api.crash.CrashAnalyzer;
import org.alexandria.api.event.EventBus;
import org.alexandria.api.kb.KnowledgeBase;
import org.alexandria.api.kb.Suggestion;
import org.alexandria.api.ticket.LinkType;
import org.alexandria.api.ticket.NewTicket;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.api.ticket.TicketType;
import org.alexandria.api.ticket.Tickets;
import org.alexandria.core.internal.audit.JpaAuditTrail;
import org.alexandria.core.internal.persistence.JdbcSchemaMigrator;
import org.alexandria.testing.TestDatabase;
import org.alexandria.workflow.resolution.internal.correlation.Candidate;
import org.alexandria.workflow.resolution.internal.correlation.CorrelationSettings;
import org.alexandria.workflow.resolution.internal.model.LinkStatus;
import org.alexandria.workflow.resolution.internal.model.Proposal;
import org.alexandria.workflow.resolution.internal.model.ResolutionState;
import org.alexandria.workflow.resolution.internal.store.ResolutionStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each step alone and the steps in order, on H2 with the real audit trail and mocked plugins. */
class ResolutionStepsTest {

    static final CorrelationSettings THRESHOLDS = new CorrelationSettings(0.75, 0.40, 5);

    TestDatabase db;
    JpaAuditTrail audit;
    ResolutionStore store;
    Tickets tickets = mock(Tickets.class);
    CrashAnalyzer crashes = mock(CrashAnalyzer.class);
    KnowledgeBase kb = mock(KnowledgeBase.class);
    AtomicReference<@Nullable CrashAnalyzer> crashService = new AtomicReference<>(crashes);
    AtomicReference<@Nullable KnowledgeBase> kbService = new AtomicReference<>(kb);
    Map<String, List<Candidate>> rankings = new HashMap<>();
    List<Set<String>> excludedSeen = new ArrayList<>();
    ResolutionSteps steps;

    @BeforeEach
    void start() {
        db = TestDatabase.Kind.H2.create();
        JdbcSchemaMigrator migrator = new JdbcSchemaMigrator(db.dataSource());
        audit = new JpaAuditTrail(db.entityManagerFactory(), migrator, mock(EventBus.class));
        migrator.migrate(ResolutionSteps.PLUGIN_ID, ResolutionStore.class, "db/migration/" + ResolutionSteps.PLUGIN_ID);
        store = new ResolutionStore(db.entityManagerFactory("alexandria-workflow-resolution"));
        Correlator correlator = (c, facts, excluded, settings) -> {
            excludedSeen.add(excluded);
            return rankings.getOrDefault(facts.ticketId(), List.of()).stream()
                    .filter(k -> !excluded.contains(k.groupId())).toList();
        };
        steps = new ResolutionSteps(tickets, correlator, crashService::get, kbService::get, store, audit,
                new ResolutionSteps.Settings(THRESHOLDS, 3, 2), Clock.fixed(Fixtures.T0, ZoneOffset.UTC));
        when(kb.suggest(anyString(), anyInt())).thenReturn(List.of(new Suggestion("a1", "Clear the cache", 9.1, List.of()),
                new Suggestion("a2", "Update the app", 4.2, List.of())));
    }

    @AfterEach
    void stop() {
        db.close();
    }

    Ticket given(String id) {
        Ticket t = Fixtures.ticket(id, "ALX-" + id, "App crashes on start", "java.lang.NullPointerException at com.acme.Main");
        when(tickets.get(id)).thenReturn(Optional.of(t));
        when(tickets.comments(id)).thenReturn(List.of());
        return t;
    }

    Proposal run(String id, boolean force) {
        ResolutionJob job = new ResolutionJob(id, "test", force);
        steps.load(job);
        if (job.isSkipped()) {
            return null;
        }
        steps.correlate(job);
        steps.link(job);
        steps.problem(job);
        steps.articles(job);
        return steps.propose(job);
    }

    List<String> actions(String ticketId) {
        return audit.query(new AuditQuery("ticket", "ALX-" + ticketId, null, null, null, 0, 100)).stream()
                .map(AuditEntry::action).toList();
    }

    @Test
    void aStrongCandidateIsLinkedAutomaticallyAndAudited() {
        given("t1");
        rankings.put("t1", List.of(Fixtures.candidate("g1", 0.91), Fixtures.candidate("g2", 0.3)));
        Proposal p = run("t1", false);
        assertThat(p.state()).isEqualTo(ResolutionState.PROPOSED);
        assertThat(p.link().groupId()).isEqualTo("g1");
        assertThat(p.link().status()).isEqualTo(LinkStatus.AUTO_LINKED);
        assertThat(p.confidence()).isEqualTo(0.91);
        assertThat(p.articles()).extracting(a -> a.articleId()).containsExactly("a1", "a2");
        assertThat(p.reply()).contains("NullPointerException in g1").contains("Clear the cache");
        assertThat(p.explanation()).contains("Linked automatically").contains("stack-trace 0.91");
        assertThat(actions("t1")).containsExactlyInAnyOrder("resolution.auto-link", "resolution.proposed");
    }

    @Test
    void aMiddlingCandidateIsOnlySuggestedAndAWeakOneNotAtAll() {
        given("t1");
        rankings.put("t1", List.of(Fixtures.candidate("g1", 0.55)));
        assertThat(run("t1", false).link().status()).isEqualTo(LinkStatus.SUGGESTED);
        given("t2");
        rankings.put("t2", List.of(Fixtures.candidate("g1", 0.2)));
        Proposal weak = run("t2", false);
        assertThat(weak.link()).isNull();
        assertThat(weak.explanation()).contains("scores only 0.20");
        assertThat(actions("t2")).containsExactly("resolution.proposed");
    }

    @Test
    void runningTheSameTicketAgainChangesNothing() {
        given("t1");
        rankings.put("t1", List.of(Fixtures.candidate("g1", 0.91)));
        run("t1", false);
        assertThat(run("t1", false)).as("unchanged facts skip the run").isNull();
        run("t1", true);
        assertThat(store.resolution("t1", "ALX-t1").revision()).isEqualTo(1);
        assertThat(actions("t1")).hasSize(2);
    }

    @Test
    void ofTwoRunsOfOneTicketAtOnceOnlyTheFirstToFinishWrites() {
        given("t1");
        rankings.put("t1", List.of(Fixtures.candidate("g1", 0.91)));
        ResolutionJob event = new ResolutionJob("t1", "event", false);
        ResolutionJob sweep = new ResolutionJob("t1", "sweep", false);
        for (ResolutionJob job : List.of(event, sweep)) {
            steps.load(job);
            steps.correlate(job);
            steps.link(job);
            steps.articles(job);
        }
        steps.propose(sweep);
        steps.propose(event);
        assertThat(store.current("t1").orElseThrow().revision()).isEqualTo(1);
        assertThat(actions("t1")).containsExactlyInAnyOrder("resolution.auto-link", "resolution.proposed");
    }

    @Test
    void aChangedTicketIsRunAgain() {
        given("t1");
        run("t1", false);
        when(tickets.get("t1")).thenReturn(Optional.of(Fixtures.ticket("t1", "ALX-t1", "App crashes on start",
                "Here is the full trace: java.lang.IllegalStateException")));
        rankings.put("t1", List.of(Fixtures.candidate("g7", 0.8)));
        Proposal p = run("t1", false);
        assertThat(p.link().groupId()).isEqualTo("g7");
        assertThat(store.resolution("t1", "ALX-t1").revision()).isEqualTo(2);
    }

    @Test
    void withoutTheCrashAnalyzerTheTicketStillGetsArticlesAndSaysWhatIsMissing() {
        crashService.set(null);
        given("t1");
        Proposal p = run("t1", false);
        assertThat(p.link()).isNull();
        assertThat(p.unavailable()).containsExactly(ResolutionSteps.CRASH_ANALYSIS);
        assertThat(p.articles()).hasSize(2);
        assertThat(p.explanation()).contains("crash analyzer is not installed");
        // it returns: the waiting ticket is correlated even though its text did not change
        crashService.set(crashes);
        rankings.put("t1", List.of(Fixtures.candidate("g1", 0.9)));
        Proposal after = run("t1", false);
        assertThat(after.unavailable()).isEmpty();
        assertThat(after.link().groupId()).isEqualTo("g1");
    }

    @Test
    void withoutTheKnowledgeBaseTheTicketIsStillLinked() {
        kbService.set(null);
        given("t1");
        rankings.put("t1", List.of(Fixtures.candidate("g1", 0.9)));
        Proposal p = run("t1", false);
        assertThat(p.link().groupId()).isEqualTo("g1");
        assertThat(p.unavailable()).containsExactly(ResolutionSteps.KB_ANALYSIS);
        assertThat(p.articles()).isEmpty();
    }

    @Test
    void theKnowledgeBaseIsAskedWithWhatTheCustomerWroteWithoutTheFrames() {
        Ticket t = Fixtures.ticket("t9", "ALX-t9", "Crash on pay", "It crashed:\njava.lang.NullPointerException: cart\n"
                + "\tat com.acme.Main.run(Main.java:3)\n\tat com.acme.Main.main(Main.java:1)\n\t... 4 more\nPlease help");
        when(tickets.get("t9")).thenReturn(Optional.of(t));
        when(tickets.comments("t9")).thenReturn(List.of());
        run("t9", false);
        org.mockito.ArgumentCaptor<String> query = org.mockito.ArgumentCaptor.forClass(String.class);
        verify(kb).suggest(query.capture(), eq(2));
        assertThat(query.getValue()).contains("Crash on pay", "java.lang.NullPointerException: cart", "Please help")
                .doesNotContain("Main.java", "4 more");
    }

    @Test
    void publicCommentsOfAChangedTicketAreReadAndAnUnchangedTicketHasNone() {
        given("t1");
        run("t1", false);
        verify(tickets, never()).comments("t1");
        Ticket commented = Fixtures.ticket("t2", "ALX-t2", "App crashes on start", "It crashes", TicketType.INCIDENT,
                Fixtures.T0.plusSeconds(60));
        when(tickets.get("t2")).thenReturn(Optional.of(commented));
        when(tickets.comments("t2")).thenReturn(List.of(
                new org.alexandria.api.ticket.Comment("c1", "t2", "customer-1", org.alexandria.api.ticket.AuthorType.CUSTOMER,
                        org.alexandria.api.ticket.Visibility.PUBLIC, "Still broken after the update", Fixtures.T0, null),
                new org.alexandria.api.ticket.Comment("c2", "t2", "agent", org.alexandria.api.ticket.AuthorType.AGENT,
                        org.alexandria.api.ticket.Visibility.INTERNAL, "secret note", Fixtures.T0, null)));
        run("t2", false);
        org.mockito.ArgumentCaptor<String> query = org.mockito.ArgumentCaptor.forClass(String.class);
        verify(kb, times(2)).suggest(query.capture(), eq(2));
        assertThat(query.getValue()).contains("Still broken after the update").doesNotContain("secret note");
    }

    @Test
    void problemTicketsAreLeftAlone() {
        Ticket problem = Fixtures.ticket("p1", "ALX-p1", "Problem: NPE", "x", TicketType.PROBLEM, Fixtures.T0);
        when(tickets.get("p1")).thenReturn(Optional.of(problem));
        assertThat(run("p1", true)).isNull();
        assertThat(store.proposal("p1")).isEmpty();
    }

    @Test
    void theThirdLinkedTicketMakesAProblemTicketAndLaterOnesBecomeItsIncidents() {
        Ticket problem = Fixtures.ticket("p1", "ALX-100", "Problem", "x", TicketType.PROBLEM, Fixtures.T0);
        when(tickets.createProblem(any(NewTicket.class), any(), any())).thenReturn(problem);
        for (String id : List.of("t1", "t2", "t3")) {
            given(id);
            rankings.put(id, List.of(Fixtures.candidate("g1", 0.9)));
            run(id, false);
        }
        verify(tickets, times(1)).createProblem(any(NewTicket.class), eq(List.of("t1", "t2", "t3")), eq(ResolutionSteps.SYSTEM));
        assertThat(store.problemOf("g1")).contains("p1");
        given("t4");
        rankings.put("t4", List.of(Fixtures.candidate("g1", 0.9)));
        run("t4", false);
        verify(tickets).link("t4", LinkType.INCIDENT_OF, "p1", ResolutionSteps.SYSTEM);
        verify(tickets, times(1)).createProblem(any(NewTicket.class), any(), any());
        // the workflow's own rows say which tickets are incidents: neither a new ticket nor a re-run reads links
        for (String id : List.of("t1", "t2", "t3", "t4")) {
            run(id, true);
        }
        verify(tickets, never()).links(anyString());
        verify(tickets, times(1)).link(anyString(), any(), anyString(), any());
        // a ticket proposed before the workflow recorded incidents: its links are read once, then it is linked
        given("t5");
        store.save(new Proposal("t5", "ALX-t5", ResolutionState.PROPOSED, "old", null, List.of(), List.of(), null, 0,
                "Nothing found for this ticket.", Set.of()), 0, 1_000);
        rankings.put("t5", List.of(Fixtures.candidate("g1", 0.9)));
        run("t5", false);
        run("t5", true);
        verify(tickets, times(1)).links("t5");
        verify(tickets).link("t5", LinkType.INCIDENT_OF, "p1", ResolutionSteps.SYSTEM);
        assertThat(store.current("t5").orElseThrow().incidentOf()).isEqualTo("p1");
    }

    @Test
    void suggestedLinksDoNotMakeProblemTickets() {
        for (String id : List.of("t1", "t2", "t3")) {
            given(id);
            rankings.put(id, List.of(Fixtures.candidate("g1", 0.5)));
            run(id, false);
        }
        verify(tickets, never()).createProblem(any(NewTicket.class), any(), any());
    }

    @Test
    void auditEntriesMissedByANodeThatDiedAreWrittenOnceByTheNextRun() {
        given("t1");
        rankings.put("t1", List.of(Fixtures.candidate("g1", 0.91)));
        // as a node killed right after storing the proposal: stored, not audited
        Proposal stored = new Proposal("t1", "ALX-t1", ResolutionState.PROPOSED, "stale-hash",
                new org.alexandria.workflow.resolution.internal.model.Link("g1", "NPE", 0.91, LinkStatus.AUTO_LINKED, List.of()),
                List.of(), List.of(), null, 0.91, "Linked automatically.", Set.of());
        store.save(stored, 0, 1_000);
        assertThat(store.unaudited(Long.MAX_VALUE, 10)).containsExactly("t1");
        ResolutionJob job = new ResolutionJob("t1", "audit", false);
        steps.load(job);
        assertThat(actions("t1")).containsExactlyInAnyOrder("resolution.auto-link", "resolution.proposed");
        assertThat(store.unaudited(Long.MAX_VALUE, 10)).isEmpty();
        // a second look finds nothing missing
        steps.load(new ResolutionJob("t1", "audit", false));
        assertThat(actions("t1")).hasSize(2);
    }

    @Test
    void aFailedRunMarksTheTicketForTheSweepAndKeepsThePreviousProposal() {
        given("t1");
        rankings.put("t1", List.of(Fixtures.candidate("g1", 0.9)));
        run("t1", false);
        ResolutionJob job = new ResolutionJob("t1", "test", true);
        steps.load(job);
        steps.failed(job, new IllegalStateException("database away"));
        Proposal kept = store.proposal("t1").orElseThrow();
        assertThat(kept.link().groupId()).isEqualTo("g1");
        assertThat(kept.unavailable()).containsExactly(ResolutionSteps.WORKFLOW);
        assertThat(store.waitingAnalyses(10)).containsKey("t1");
    }
}
