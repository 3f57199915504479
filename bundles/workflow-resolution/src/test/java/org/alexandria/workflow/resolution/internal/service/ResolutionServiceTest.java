package org.alexandria.workflow.resolution.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditEntry;
import org.alexandria.api.audit.AuditQuery;
import org.alexandria.api.crash.CrashAnalyzer;
import org.alexandria.api.crash.CrashGroup;
import org.alexandria.api.crash.CrashGroupStatus;
import org.alexandria.api.event.EventBus;
import org.alexandria.api.kb.KnowledgeBase;
import org.alexandria.api.ticket.Tickets;
import org.alexandria.core.internal.audit.JpaAuditTrail;
import org.alexandria.core.internal.persistence.JdbcSchemaMigrator;
import org.alexandria.testing.TestDatabase;
import org.alexandria.workflow.resolution.internal.correlation.CorrelationSettings;
import org.alexandria.workflow.resolution.internal.model.DecisionAction;
import org.alexandria.workflow.resolution.internal.model.Judgement;
import org.alexandria.workflow.resolution.internal.model.LinkStatus;
import org.alexandria.workflow.resolution.internal.model.Resolution;
import org.alexandria.workflow.resolution.internal.model.ResolutionState;
import org.alexandria.workflow.resolution.internal.store.ResolutionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Agents' decisions on proposals made by the real steps, on H2 with the real audit trail. */
class ResolutionServiceTest {

    TestDatabase db;
    JpaAuditTrail audit;
    ResolutionStore store;
    Tickets tickets = mock(Tickets.class);
    CrashAnalyzer crashes = mock(CrashAnalyzer.class);
    List<ResolutionJob> reruns = new ArrayList<>();
    ResolutionSteps steps;
    ResolutionService service;
    final Actor agent = Actor.user("agent");

    @BeforeEach
    void start() {
        db = TestDatabase.Kind.H2.create();
        JdbcSchemaMigrator migrator = new JdbcSchemaMigrator(db.dataSource());
        audit = new JpaAuditTrail(db.entityManagerFactory(), migrator, mock(EventBus.class));
        migrator.migrate(ResolutionSteps.PLUGIN_ID, ResolutionStore.class, "db/migration/" + ResolutionSteps.PLUGIN_ID);
        store = new ResolutionStore(db.entityManagerFactory("alexandria-workflow-resolution"));
        Clock clock = Clock.fixed(Fixtures.T0, ZoneOffset.UTC);
        Correlator correlator = (c, facts, excluded, settings) -> List.of(Fixtures.candidate("g1", 0.85), Fixtures.candidate("g2", 0.6))
                .stream().filter(k -> !excluded.contains(k.groupId())).toList();
        KnowledgeBase kb = mock(KnowledgeBase.class);
        when(kb.suggest(anyString(), anyInt())).thenReturn(List.of());
        steps = new ResolutionSteps(tickets, correlator, () -> crashes, () -> kb, store, audit,
                new ResolutionSteps.Settings(new CorrelationSettings(0.75, 0.4, 5), 0, 3), clock);
        service = new ResolutionService(tickets, () -> crashes, store, audit, clock, reruns::add);
        when(tickets.get("t1")).thenReturn(Optional.of(Fixtures.ticket("t1", "ALX-1", "Crash", "NPE")));
        when(tickets.get("ALX-1")).thenReturn(Optional.of(Fixtures.ticket("t1", "ALX-1", "Crash", "NPE")));
        when(tickets.comments("t1")).thenReturn(List.of());
    }

    @AfterEach
    void stop() {
        db.close();
    }

    void runWorkflow(boolean force) {
        ResolutionJob job = new ResolutionJob("t1", "test", force);
        steps.load(job);
        if (!job.isSkipped()) {
            steps.correlate(job);
            steps.link(job);
            steps.problem(job);
            steps.articles(job);
            steps.propose(job);
        }
    }

    List<AuditEntry> auditOf(String action) {
        return audit.query(new AuditQuery("ticket", "ALX-1", null, null, null, 0, 100)).stream()
                .filter(e -> e.action().equals(action)).toList();
    }

    @Test
    void acceptingConfirmsTheLinkAndIsAuditedWithTheReason() {
        runWorkflow(false);
        Resolution r = service.decide("ALX-1", DecisionAction.ACCEPT, null, "same stack trace", agent);
        assertThat(r.state()).isEqualTo(ResolutionState.ACCEPTED);
        assertThat(r.link().status()).isEqualTo(LinkStatus.ACCEPTED);
        assertThat(r.decisions()).singleElement().satisfies(d -> {
            assertThat(d.actor()).isEqualTo("agent");
            assertThat(d.reason()).isEqualTo("same stack trace");
        });
        assertThat(auditOf("resolution.accept")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(agent);
            assertThat(e.reason()).isEqualTo("same stack trace");
        });
        assertThat(store.judgements()).containsExactly(new Judgement(0.85, LinkStatus.AUTO_LINKED, true));
        // the rerun keeps the agent's link
        assertThat(reruns).singleElement().satisfies(j -> assertThat(j.force()).isTrue());
        runWorkflow(true);
        assertThat(service.resolution("t1").link().status()).isEqualTo(LinkStatus.ACCEPTED);
        assertThatThrownBy(() -> service.decide("t1", DecisionAction.ACCEPT, null, null, agent))
                .isInstanceOf(DecisionException.class).extracting("kind").isEqualTo(DecisionException.Kind.CONFLICT);
    }

    @Test
    void aRejectedGroupIsNeverProposedAgainForTheTicket() {
        runWorkflow(false);
        Resolution r = service.decide("t1", DecisionAction.REJECT, null, "different app", agent);
        assertThat(r.state()).isEqualTo(ResolutionState.REJECTED);
        assertThat(r.link()).isNull();
        runWorkflow(true);
        Resolution after = service.resolution("t1");
        assertThat(after.link().groupId()).isEqualTo("g2");
        assertThat(after.link().status()).isEqualTo(LinkStatus.SUGGESTED);
        assertThat(after.candidates()).extracting(c -> c.groupId()).doesNotContain("g1");
        assertThat(store.judgements()).containsExactly(new Judgement(0.85, LinkStatus.AUTO_LINKED, false));
    }

    @Test
    void relinkingChecksTheGroupWithTheCrashAnalyzer() {
        runWorkflow(false);
        CrashGroup g3 = new CrashGroup("g3", "f", "rules", "IllegalStateException in Cache.get", "java.lang.IllegalStateException",
                "closed", CrashGroupStatus.OPEN, null, 4, Instant.EPOCH, Instant.EPOCH, "java", List.of(), List.of(), List.of(),
                List.of(), List.of(), 1);
        when(crashes.group("g3")).thenReturn(Optional.of(g3));
        when(crashes.group("nope")).thenReturn(Optional.empty());
        assertThatThrownBy(() -> service.decide("t1", DecisionAction.RELINK, "nope", null, agent))
                .isInstanceOf(DecisionException.class).extracting("kind").isEqualTo(DecisionException.Kind.INVALID);
        assertThatThrownBy(() -> service.decide("t1", DecisionAction.RELINK, null, null, agent))
                .isInstanceOf(DecisionException.class).extracting("kind").isEqualTo(DecisionException.Kind.INVALID);
        Resolution r = service.decide("t1", DecisionAction.RELINK, "g3", null, agent);
        assertThat(r.state()).isEqualTo(ResolutionState.RELINKED);
        assertThat(r.link().groupId()).isEqualTo("g3");
        assertThat(r.link().signature()).isEqualTo("IllegalStateException in Cache.get");
        assertThat(auditOf("resolution.relink")).singleElement().satisfies(e -> assertThat(e.after()).isEqualTo("g3"));
        assertThat(store.judgements()).containsExactly(new Judgement(0.85, LinkStatus.AUTO_LINKED, false));
    }

    @Test
    void decisionsThatDoNotApplyAreRefused() {
        assertThatThrownBy(() -> service.decide("t1", DecisionAction.ACCEPT, null, null, agent))
                .isInstanceOf(DecisionException.class).extracting("kind").isEqualTo(DecisionException.Kind.CONFLICT);
        assertThatThrownBy(() -> service.decide("ALX-404", DecisionAction.ACCEPT, null, null, agent))
                .isInstanceOf(DecisionException.class).extracting("kind").isEqualTo(DecisionException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> service.decide("t1", DecisionAction.REJECT, null, "x".repeat(2001), agent))
                .isInstanceOf(DecisionException.class).extracting("kind").isEqualTo(DecisionException.Kind.INVALID);
        assertThat(service.resolution("t1").state()).isEqualTo(ResolutionState.PENDING);
        runWorkflow(false);
        assertThatThrownBy(() -> service.decide("t1", DecisionAction.ACCEPT, "g2", null, agent))
                .as("a decision on a group that is no longer the proposal").isInstanceOf(DecisionException.class)
                .extracting("kind").isEqualTo(DecisionException.Kind.CONFLICT);
        assertThat(service.decide("t1", DecisionAction.ACCEPT, "g1", null, agent).state()).isEqualTo(ResolutionState.ACCEPTED);
    }
}
