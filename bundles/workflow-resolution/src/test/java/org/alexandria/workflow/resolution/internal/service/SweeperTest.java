package org.alexandria.workflow.resolution.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.api.ticket.TicketChanges;
import org.alexandria.api.ticket.TicketType;
import org.alexandria.api.ticket.Tickets;
import org.alexandria.core.internal.persistence.JdbcSchemaMigrator;
import org.alexandria.testing.TestDatabase;
import org.alexandria.workflow.resolution.internal.store.ResolutionStore;
import org.alexandria.workflow.resolution.internal.store.ResolutionStore.SweepCursor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catch-up sweep's paging over the tickets' change feed, on H2 with a mocked tickets plugin. */
class SweeperTest {

    TestDatabase db;
    ResolutionStore store;
    Tickets tickets = mock(Tickets.class);
    Sweeper sweeper;

    @BeforeEach
    void start() {
        db = TestDatabase.Kind.H2.create();
        new JdbcSchemaMigrator(db.dataSource()).migrate(ResolutionSteps.PLUGIN_ID, ResolutionStore.class,
                "db/migration/" + ResolutionSteps.PLUGIN_ID);
        store = new ResolutionStore(db.entityManagerFactory("alexandria-workflow-resolution"));
        sweeper = new Sweeper(tickets, store, Clock.fixed(Fixtures.T0, ZoneOffset.UTC), 30_000, Set::of, id -> false);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private static TicketChanges page(int from, int count, String cursor) {
        List<Ticket> changed = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            changed.add(Fixtures.ticket("t" + i, "ALX-" + i, "Crash " + i, "boom", TicketType.INCIDENT,
                    Fixtures.T0.plusMillis(i)));
        }
        return new TicketChanges(changed, cursor);
    }

    @Test
    void aSweepBehindTheFeedContinuesFromItsCursorWithoutRereadingTheOverlap() {
        store.saveCursor(Sweeper.CURSOR, new SweepCursor("c0", Fixtures.T0.toEpochMilli()));
        when(tickets.changes(any(Instant.class), isNull(), eq(500))).thenReturn(page(0, 500, "overlap"));
        when(tickets.changes(Instant.EPOCH, "c0", 500)).thenReturn(page(0, 500, "c1"));
        when(tickets.changes(Instant.EPOCH, "c1", 500)).thenReturn(page(500, 20, "c2"));

        Sweeper.Page first = sweeper.changes();
        assertThat(first.jobs()).hasSize(500);
        assertThat(first.cursor().position()).isEqualTo("c1");
        sweeper.advance(first.cursor());
        verify(tickets, times(1)).changes(any(Instant.class), isNull(), eq(500));

        // the overlap filled a page and so did the cursor's: the next sweep goes on from the cursor at once
        Sweeper.Page second = sweeper.changes();
        assertThat(second.jobs()).extracting(ResolutionJob::ticketId).startsWith("t500").hasSize(20);
        assertThat(second.cursor().position()).isEqualTo("c2");
        sweeper.advance(second.cursor());
        verify(tickets, times(1)).changes(any(Instant.class), isNull(), eq(500));

        // caught up: the sweep after reads the overlap again, for late commits
        when(tickets.changes(any(Instant.class), isNull(), eq(500))).thenReturn(page(510, 10, "c2"));
        Sweeper.Page third = sweeper.changes();
        verify(tickets, times(2)).changes(any(Instant.class), isNull(), eq(500));
        assertThat(third.jobs()).hasSize(10);
    }
}
