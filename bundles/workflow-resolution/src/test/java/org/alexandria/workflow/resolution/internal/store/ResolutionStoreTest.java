package org.alexandria.workflow.resolution.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alexandria.core.internal.persistence.JdbcSchemaMigrator;
import org.alexandria.testing.TestDatabase;
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
import org.alexandria.workflow.resolution.internal.service.Fixtures;
import org.alexandria.workflow.resolution.internal.service.ResolutionSteps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link ResolutionStore} on the real migrations, H2 and PostgreSQL. */
class ResolutionStoreTest {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(TestDatabase.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(TestDatabase.Kind.POSTGRES);
        }
    }

    abstract static class Contract {
        private final TestDatabase.Kind kind;
        TestDatabase db;
        ResolutionStore store;

        Contract(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @BeforeEach
        void start() {
            db = kind.create();
            new JdbcSchemaMigrator(db.dataSource()).migrate(ResolutionSteps.PLUGIN_ID, ResolutionStore.class,
                    "db/migration/" + ResolutionSteps.PLUGIN_ID);
            store = new ResolutionStore(db.entityManagerFactory("alexandria-workflow-resolution"));
        }

        @AfterEach
        void stop() {
            db.close();
        }

        static Proposal proposal(String ticket, Link link) {
            return new Proposal(ticket, "ALX-" + ticket, ResolutionState.PROPOSED, "hash-" + ticket, link,
                    List.of(Fixtures.candidate("g1", 0.9), Fixtures.candidate("g2", 0.5)),
                    List.of(new Article("a1", "Fix the crash", 7.5)), "Hello", 0.9, "Linked automatically.", Set.of());
        }

        static Link link(String group, LinkStatus status, double score) {
            return new Link(group, "NPE in " + group, score, status, List.of(new Signal("stack-trace", 0.95, 0.6, "12 frames")));
        }

        @Test
        void aProposalIsStoredAndReadBackWithItsRevision() {
            Proposal p = proposal("t1", link("g1", LinkStatus.AUTO_LINKED, 0.9));
            assertThat(store.save(p, 0, 1_000)).isEqualTo(1);
            assertThat(store.proposal("t1")).contains(p);
            assertThat(store.save(p, 1, 2_000)).isEqualTo(2);
            // a run that started from revision 1 (or from nothing) lost to the one that wrote revision 2
            assertThat(store.save(p, 1, 3_000)).isEqualTo(-1);
            assertThat(store.save(p, 0, 3_000)).isEqualTo(-1);

            Resolution r = store.resolution("t1", "ALX-t1");
            assertThat(r.state()).isEqualTo(ResolutionState.PROPOSED);
            assertThat(r.revision()).isEqualTo(2);
            assertThat(r.updatedAt()).isEqualTo(Instant.ofEpochMilli(2_000));
            assertThat(store.current("t1").orElseThrow().revision()).isEqualTo(2);
            assertThat(r.link().signals()).extracting(Signal::name).containsExactly("stack-trace");
            assertThat(r.candidates()).hasSize(2);
            assertThat(store.proposalTimes(List.of("t1", "unknown"))).containsExactly(Map.entry("t1", 2_000L));
        }

        @Test
        void anUnprocessedTicketIsPending() {
            Resolution r = store.resolution("t9", "ALX-9");
            assertThat(r.state()).isEqualTo(ResolutionState.PENDING);
            assertThat(r.revision()).isZero();
            assertThat(r.link()).isNull();
        }

        @Test
        void decisionsAreKeptAsLabelsAndRejectedGroupsRemembered() {
            Link auto = link("g1", LinkStatus.AUTO_LINKED, 0.82);
            store.save(proposal("t1", auto), 0, 1_000);
            store.decide(new Decision(DecisionAction.REJECT, "g1", "agent", "wrong app", Instant.ofEpochMilli(2_000)), auto, "t1",
                    proposal("t1", null), 2_000);
            Link suggested = link("g2", LinkStatus.SUGGESTED, 0.55);
            store.save(proposal("t2", suggested), 0, 1_000);
            store.decide(new Decision(DecisionAction.ACCEPT, "g2", "agent", null, Instant.ofEpochMilli(3_000)), suggested, "t2",
                    proposal("t2", suggested.with(LinkStatus.ACCEPTED)), 3_000);

            assertThat(store.rejectedGroups("t1")).containsExactly("g1");
            assertThat(store.rejectedGroups("t2")).isEmpty();
            assertThat(store.judgements()).containsExactlyInAnyOrder(new Judgement(0.82, LinkStatus.AUTO_LINKED, false),
                    new Judgement(0.55, LinkStatus.SUGGESTED, true));
            assertThat(store.resolution("t1", "ALX-t1").decisions()).singleElement()
                    .satisfies(d -> assertThat(d.reason()).isEqualTo("wrong app"));
            assertThat(store.linkedTickets("g2")).containsExactly("t2");
            assertThat(store.linkedTickets("g1")).isEmpty();
        }

        @Test
        void suggestedLinksDoNotCountAsIncidents() {
            store.save(proposal("t1", link("g1", LinkStatus.AUTO_LINKED, 0.9)), 0, 1_000);
            store.save(proposal("t2", link("g1", LinkStatus.SUGGESTED, 0.5)), 0, 2_000);
            store.save(proposal("t3", link("g1", LinkStatus.RELINKED, 1)), 0, 3_000);
            assertThat(store.linkedTickets("g1")).containsExactly("t1", "t3");
        }

        @Test
        void waitingTicketsAndUnlinkedOnesAreFound() {
            store.save(new Proposal("t1", "ALX-1", ResolutionState.PROPOSED, "h", null, List.of(), List.of(), null, 0, "x",
                    Set.of("crash-analyzer", "knowledge-base")), 0, 5_000);
            store.save(proposal("t2", link("g1", LinkStatus.AUTO_LINKED, 0.9)), 0, 6_000);
            assertThat(store.waitingAnalyses(10)).containsOnlyKeys("t1");
            assertThat(store.waitingAnalyses(10).get("t1")).containsExactlyInAnyOrder("crash-analyzer", "knowledge-base");
            assertThat(store.unlinkedSince(4_000, 10)).containsExactly("t1");
            assertThat(store.unlinkedSince(5_001, 10)).isEmpty();
        }

        @Test
        void oneOfManyConcurrentClaimsOfAProblemTicketWins() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                Callable<Boolean> claim = () -> store.claimProblem("g1", 1_000, 60_000);
                List<Future<Boolean>> results = pool.invokeAll(List.of(claim, claim, claim, claim));
                long winners = 0;
                for (Future<Boolean> r : results) {
                    winners += r.get() ? 1 : 0;
                }
                assertThat(winners).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(store.problemOf("g1")).isEmpty();
            // a claim left unfinished by a dead node is taken over after the grace period, not before
            assertThat(store.claimProblem("g1", 30_000, 60_000)).isFalse();
            assertThat(store.claimProblem("g1", 70_000, 60_000)).isTrue();
            store.problemCreated("g1", "problem-1", List.of());
            assertThat(store.problemOf("g1")).contains("problem-1");
            assertThat(store.claimProblem("g1", 500_000, 60_000)).isFalse();
        }

        @Test
        void theProblemTicketATicketIsAnIncidentOfIsRecordedInItsRow() {
            store.save(proposal("t1", link("g1", LinkStatus.AUTO_LINKED, 0.9)), 0, 1_000);
            store.save(proposal("t2", link("g1", LinkStatus.AUTO_LINKED, 0.9)), 0, 1_000);
            store.save(proposal("t3", link("g1", LinkStatus.AUTO_LINKED, 0.9)), 0, 1_000);
            assertThat(store.current("t1").orElseThrow().incidentOf()).isNull();

            assertThat(store.claimProblem("g1", 1_000, 60_000)).isTrue();
            store.problemCreated("g1", "p1", List.of("t1", "t2"));

            assertThat(store.problemOf("g1")).contains("p1");
            assertThat(store.current("t1").orElseThrow().incidentOf()).isEqualTo("p1");
            assertThat(store.current("t2").orElseThrow().incidentOf()).isEqualTo("p1");
            assertThat(store.current("t3").orElseThrow().incidentOf()).isNull();
            // a new revision keeps it unless the run says otherwise
            assertThat(store.save(proposal("t1", link("g1", LinkStatus.SUGGESTED, 0.5)), 1, 2_000)).isEqualTo(2);
            assertThat(store.current("t1").orElseThrow().incidentOf()).isEqualTo("p1");
            assertThat(store.save(proposal("t3", link("g1", LinkStatus.SUGGESTED, 0.5)), 1, 2_000, "p1")).isEqualTo(2);
            assertThat(store.current("t3").orElseThrow().incidentOf()).isEqualTo("p1");
            store.save(proposal("t4", link("g1", LinkStatus.AUTO_LINKED, 0.9)), 0, 1_000);
            store.incidentOf("t4", "p1");
            assertThat(store.current("t4").orElseThrow().incidentOf()).isEqualTo("p1");
            // a store on another node reads the problem ticket from the table
            assertThat(new ResolutionStore(db.entityManagerFactory("alexandria-workflow-resolution")).problemOf("g1"))
                    .contains("p1");
        }

        @Test
        void auditedMarksAreWrittenWithTheNextProposalOrWhenFlushed() {
            store.save(proposal("t1", link("g1", LinkStatus.AUTO_LINKED, 0.9)), 0, 1_000);
            store.save(proposal("t2", link("g1", LinkStatus.AUTO_LINKED, 0.9)), 0, 1_000);
            store.auditedLater("t1", 1);
            assertThat(store.unaudited(Long.MAX_VALUE, 10)).containsExactlyInAnyOrder("t1", "t2");

            store.save(proposal("t3", link("g1", LinkStatus.AUTO_LINKED, 0.9)), 0, 2_000);
            assertThat(store.unaudited(Long.MAX_VALUE, 10)).containsExactlyInAnyOrder("t2", "t3");
            assertThat(store.current("t1").orElseThrow().auditedRevision()).isEqualTo(1);

            store.auditedLater("t2", 1);
            store.auditedLater("t3", 1);
            store.flushAudited();
            assertThat(store.unaudited(Long.MAX_VALUE, 10)).isEmpty();
            // a mark never lowers what is written, and a lost save still carries the marks
            store.auditedLater("t1", 0);
            assertThat(store.save(proposal("t1", link("g1", LinkStatus.AUTO_LINKED, 0.9)), 0, 3_000)).isEqualTo(-1);
            assertThat(store.current("t1").orElseThrow().auditedRevision()).isEqualTo(1);
            store.flushAudited();
        }

        @Test
        void theSweepCursorIsKept() {
            assertThat(store.cursor("tickets")).isEmpty();
            store.saveCursor("tickets", new ResolutionStore.SweepCursor("100.3", 100));
            store.saveCursor("tickets", new ResolutionStore.SweepCursor("200.7", 200));
            assertThat(store.cursor("tickets")).contains(new ResolutionStore.SweepCursor("200.7", 200));
        }
    }
}
