package org.alexandria.workflow.resolution.internal.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.alexandria.api.crash.CrashAnalyzer;
import org.alexandria.api.event.EventBus;
import org.alexandria.api.kb.KnowledgeBase;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.api.ticket.TicketChanges;
import org.alexandria.api.ticket.Tickets;
import org.alexandria.core.internal.audit.JpaAuditTrail;
import org.alexandria.core.internal.persistence.JdbcSchemaMigrator;
import org.alexandria.testing.TestDatabase;
import org.alexandria.workflow.resolution.internal.correlation.CorrelationSettings;
import org.alexandria.workflow.resolution.internal.service.Correlator;
import org.alexandria.workflow.resolution.internal.service.Fixtures;
import org.alexandria.workflow.resolution.internal.service.ResolutionJob;
import org.alexandria.workflow.resolution.internal.service.ResolutionSteps;
import org.alexandria.workflow.resolution.internal.service.Sweeper;
import org.alexandria.workflow.resolution.internal.store.ResolutionStore;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The routes in a plain Camel context with the real steps and store (H2) and mocked plugins. */
class ResolutionRoutesTest {

    TestDatabase db;
    ResolutionStore store;
    Tickets tickets = mock(Tickets.class);
    AtomicInteger failuresLeft = new AtomicInteger();
    Set<String> queued = java.util.concurrent.ConcurrentHashMap.newKeySet();
    List<String> finished = new java.util.concurrent.CopyOnWriteArrayList<>();
    CamelContext camel;
    ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.Kind.H2.create();
        JdbcSchemaMigrator migrator = new JdbcSchemaMigrator(db.dataSource());
        JpaAuditTrail audit = new JpaAuditTrail(db.entityManagerFactory(), migrator, mock(EventBus.class));
        migrator.migrate(ResolutionSteps.PLUGIN_ID, ResolutionStore.class, "db/migration/" + ResolutionSteps.PLUGIN_ID);
        store = new ResolutionStore(db.entityManagerFactory("alexandria-workflow-resolution"));
        Correlator correlator = (c, facts, excluded, settings) -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("crash analyzer database away");
            }
            return List.of(Fixtures.candidate("g1", 0.9));
        };
        KnowledgeBase kb = mock(KnowledgeBase.class);
        when(kb.suggest(anyString(), anyInt())).thenReturn(List.of());
        CrashAnalyzer crashes = mock(CrashAnalyzer.class);
        ResolutionSteps steps = new ResolutionSteps(tickets, correlator, () -> crashes, () -> kb, store, audit,
                new ResolutionSteps.Settings(new CorrelationSettings(0.75, 0.4, 5), 0, 3), Clock.systemUTC());
        Sweeper sweeper = new Sweeper(tickets, store, Clock.systemUTC(), 30_000, () -> Set.of("crash-analyzer", "knowledge-base"),
                queued::contains);
        when(tickets.changes(any(), any(), anyInt())).thenReturn(new TicketChanges(List.of(), "0.0"));
        camel = new DefaultCamelContext();
        camel.getShutdownStrategy().setTimeout(2);
        camel.start();
        camel.addRoutes(new ResolutionRoutes(steps, sweeper, 2, 2, 200, finished::add));
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        db.close();
    }

    Ticket given(String id) {
        Ticket t = Fixtures.ticket(id, "ALX-" + id.substring(1), "Crash", "java.lang.NullPointerException");
        when(tickets.get(id)).thenReturn(Optional.of(t));
        when(tickets.comments(id)).thenReturn(List.of());
        return t;
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aQueuedTicketGetsItsProposal() throws Exception {
        given("t1");
        producer.sendBody(ResolutionRoutes.QUEUE, new ResolutionJob("t1", "test", false));
        await(() -> store.proposal("t1").isPresent(), "the proposal");
        assertThat(store.proposal("t1").orElseThrow().link().groupId()).isEqualTo("g1");
        assertThat(camel.getRoute("ticket-to-resolution")).isNotNull();
        await(() -> finished.contains("t1"), "the end of the run reported");
    }

    @Test
    void aStepThatFailsIsRetriedByTheRoute() throws Exception {
        failuresLeft.set(2);
        given("t1");
        producer.sendBody(ResolutionRoutes.QUEUE, new ResolutionJob("t1", "test", false));
        await(() -> store.proposal("t1").isPresent(), "the proposal");
        assertThat(store.proposal("t1").orElseThrow().unavailable()).isEmpty();
    }

    @Test
    void aStepThatKeepsFailingLeavesTheTicketWaitingForTheSweep() throws Exception {
        failuresLeft.set(1_000_000);
        given("t1");
        producer.sendBody(ResolutionRoutes.QUEUE, new ResolutionJob("t1", "test", false));
        await(() -> store.waitingAnalyses(10).containsKey("t1"), "the ticket marked as waiting");
        assertThat(store.proposal("t1").orElseThrow().unavailable()).containsExactly(ResolutionSteps.WORKFLOW);
        // once the failure is gone, the retry of waiting tickets (run after each sweep) completes it
        failuresLeft.set(0);
        await(() -> store.proposal("t1").map(p -> p.unavailable().isEmpty()).orElse(false), "the retried proposal");
    }

    @Test
    void theSweepLeavesTicketsWhoseRunIsQueuedToThatRun() throws Exception {
        Ticket t1 = given("t1");
        queued.add("t1");
        when(tickets.changes(eq(Instant.EPOCH), eq(null), anyInt())).thenReturn(new TicketChanges(List.of(t1), "5.1"));
        await(() -> store.cursor(Sweeper.CURSOR).isPresent(), "a sweep");
        assertThat(store.proposal("t1")).isEmpty();
    }

    @Test
    void theSweepRunsTicketsWhoseEventsWereLostAndStoresItsCursor() throws Exception {
        Ticket t1 = given("t1");
        Ticket t2 = given("t2");
        when(tickets.changes(eq(Instant.EPOCH), eq(null), anyInt())).thenReturn(new TicketChanges(List.of(t1, t2), "5.2"));
        await(() -> store.proposal("t1").isPresent() && store.proposal("t2").isPresent(), "both proposals");
        await(() -> store.cursor(Sweeper.CURSOR).isPresent(), "the cursor");
        assertThat(store.cursor(Sweeper.CURSOR).orElseThrow().position()).isEqualTo("5.2");
    }
}
