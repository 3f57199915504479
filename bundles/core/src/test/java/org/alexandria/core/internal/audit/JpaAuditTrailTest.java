package org.alexandria.core.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditEntry;
import org.alexandria.api.audit.AuditQuery;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.audit.AuditVerification;
import org.alexandria.api.audit.EntityRef;
import org.alexandria.api.event.AuditAppended;
import org.alexandria.api.event.EventBus;
import org.alexandria.api.event.Topics;
import org.alexandria.core.internal.TestClock;
import org.alexandria.core.internal.persistence.JdbcSchemaMigrator;
import org.alexandria.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link JpaAuditTrail} against embedded H2 and PostgreSQL. */
class JpaAuditTrailTest {

    private static final String GENESIS = "0".repeat(64);

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
        final TestClock clock = new TestClock();
        final EventBus events = mock(EventBus.class);
        TestDatabase db;
        JpaAuditTrail audit;

        Contract(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @BeforeEach
        void createTrail() {
            db = kind.create();
            audit = new JpaAuditTrail(db.entityManagerFactory(), new JdbcSchemaMigrator(db.dataSource()), events, clock);
        }

        @AfterEach
        void dropDatabase() {
            db.close();
        }

        static AuditRecord record(String actor, String action, String type, String id) {
            return new AuditRecord(Actor.user(actor), action, new EntityRef(type, id), "because", "before", "after");
        }

        /** Appends n entries about ticket T-i by alice, one second apart. */
        List<AuditEntry> appendTickets(int n) {
            List<AuditEntry> entries = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                entries.add(audit.append(record("alice", "ticket.update", "ticket", "T-" + i)));
                clock.advance(Duration.ofSeconds(1));
            }
            return entries;
        }

        static List<Long> sequences(List<AuditEntry> entries) {
            return entries.stream().map(AuditEntry::sequence).toList();
        }

        @Test
        void appendStoresTheRecordWithSequenceTimeAndHash() {
            Instant now = clock.instant();
            AuditEntry entry = audit.append(new AuditRecord(Actor.system("workflow"), "ticket.merge",
                    new EntityRef("ticket", "T-9"), "duplicate of T-1", null, "merged into T-1"));

            assertThat(entry.sequence()).isEqualTo(1);
            assertThat(entry.time()).isEqualTo(now);
            assertThat(entry.actor()).isEqualTo(Actor.system("workflow"));
            assertThat(entry.action()).isEqualTo("ticket.merge");
            assertThat(entry.target()).isEqualTo(new EntityRef("ticket", "T-9"));
            assertThat(entry.reason()).isEqualTo("duplicate of T-1");
            assertThat(entry.before()).isNull();
            assertThat(entry.after()).isEqualTo("merged into T-1");
            assertThat(entry.previousHash()).isEqualTo(GENESIS);
            assertThat(entry.hash()).matches("[0-9a-f]{64}").isNotEqualTo(GENESIS);
            // what was stored is what was returned
            assertThat(audit.query(AuditQuery.all(10))).containsExactly(entry);
        }

        @Test
        void appendsFormAGapFreeHashChain() {
            List<AuditEntry> entries = appendTickets(5);

            assertThat(sequences(entries)).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(entries.get(0).previousHash()).isEqualTo(GENESIS);
            for (int i = 1; i < entries.size(); i++) {
                assertThat(entries.get(i).previousHash()).as("link of entry %d", i + 1).isEqualTo(entries.get(i - 1).hash());
            }
            assertThat(entries.stream().map(AuditEntry::hash).distinct()).hasSize(5);
            assertThat(db.query("SELECT last_seq, last_hash FROM alx_audit_head WHERE id = 1").get(0))
                    .containsEntry("last_seq", 5L).containsEntry("last_hash", entries.get(4).hash());
        }

        @Test
        void appendPublishesAnEventPerEntry() {
            audit.append(record("alice", "ticket.create", "ticket", "T-1"));
            audit.append(record("bob", "ticket.close", "ticket", "T-1"));

            verify(events).publish(Topics.AUDIT_APPENDED, "core", new AuditAppended(1, "ticket", "T-1", "ticket.create", "alice"));
            verify(events).publish(Topics.AUDIT_APPENDED, "core", new AuditAppended(2, "ticket", "T-1", "ticket.close", "bob"));
            verify(events, times(2)).publish(anyString(), anyString(), any());
        }

        @Test
        void queryFiltersByEntity() {
            audit.append(record("alice", "ticket.create", "ticket", "T-1"));
            audit.append(record("alice", "ticket.create", "ticket", "T-2"));
            audit.append(record("alice", "group.create", "crash-group", "T-1"));
            audit.append(record("bob", "ticket.close", "ticket", "T-1"));

            assertThat(sequences(audit.query(new AuditQuery("ticket", "T-1", null, null, null, 0, 100)))).containsExactly(1L, 4L);
            assertThat(sequences(audit.query(new AuditQuery("ticket", null, null, null, null, 0, 100)))).containsExactly(1L, 2L, 4L);
            assertThat(sequences(audit.query(new AuditQuery("crash-group", "T-1", null, null, null, 0, 100)))).containsExactly(3L);
            assertThat(audit.query(new AuditQuery("ticket", "T-404", null, null, null, 0, 100))).isEmpty();
        }

        @Test
        void queryFiltersByActor() {
            audit.append(record("alice", "ticket.create", "ticket", "T-1"));
            audit.append(record("bob", "ticket.create", "ticket", "T-2"));
            audit.append(record("alice", "ticket.close", "ticket", "T-2"));

            assertThat(sequences(audit.query(new AuditQuery(null, null, "alice", null, null, 0, 100)))).containsExactly(1L, 3L);
            assertThat(sequences(audit.query(new AuditQuery(null, null, "bob", null, null, 0, 100)))).containsExactly(2L);
            assertThat(sequences(audit.query(new AuditQuery("ticket", "T-2", "alice", null, null, 0, 100)))).containsExactly(3L);
        }

        @Test
        void queryFiltersByTimeFromInclusiveToExclusive() {
            List<AuditEntry> entries = appendTickets(5); // one second apart
            Instant second = entries.get(1).time();
            Instant fourth = entries.get(3).time();

            assertThat(sequences(audit.query(new AuditQuery(null, null, null, second, fourth, 0, 100)))).containsExactly(2L, 3L);
            assertThat(sequences(audit.query(new AuditQuery(null, null, null, fourth, null, 0, 100)))).containsExactly(4L, 5L);
            assertThat(sequences(audit.query(new AuditQuery(null, null, null, null, second, 0, 100)))).containsExactly(1L);
            assertThat(audit.query(new AuditQuery(null, null, null, second, second, 0, 100))).isEmpty();
        }

        @Test
        void queryPagesWithCursorAndLimit() {
            appendTickets(5);

            List<List<Long>> pages = new ArrayList<>();
            long cursor = 0;
            List<AuditEntry> page;
            do {
                page = audit.query(new AuditQuery(null, null, null, null, null, cursor, 2));
                pages.add(sequences(page));
                cursor = page.isEmpty() ? cursor : page.get(page.size() - 1).sequence();
            } while (!page.isEmpty() && pages.size() < 10);

            assertThat(pages).containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L), List.of());
            // the cursor combines with the other filters
            assertThat(sequences(audit.query(new AuditQuery("ticket", null, "alice", null, null, 3, 1)))).containsExactly(4L);
        }

        @Test
        void verifyAcceptsAnEmptyTrail() {
            AuditVerification verification = audit.verify();

            assertThat(verification.valid()).isTrue();
            assertThat(verification.entriesChecked()).isZero();
            assertThat(verification.firstBadSequence()).isNull();
            assertThat(verification.problems()).isEmpty();
        }

        @Test
        void verifyAcceptsAnIntactChain() {
            appendTickets(3);

            AuditVerification verification = audit.verify();

            assertThat(verification.problems()).isEmpty();
            assertThat(verification.valid()).isTrue();
            assertThat(verification.entriesChecked()).isEqualTo(3);
            assertThat(verification.firstBadSequence()).isNull();
        }

        @Test
        void verifyDetectsAnEditedEntry() {
            appendTickets(3);
            assertThat(db.update("UPDATE alx_audit_entry SET reason = 'x' WHERE seq = 2")).isEqualTo(1);

            AuditVerification verification = audit.verify();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBadSequence()).isEqualTo(2L);
            assertThat(verification.entriesChecked()).isEqualTo(3);
            assertThat(verification.problems()).anySatisfy(p -> assertThat(p).contains("entry 2").contains("modified"));
        }

        @Test
        void verifyDetectsAnEditedEntryWhoseHashWasRecomputed() {
            appendTickets(3);
            AuditEntryEntity forged = loadEntity(2);
            forged.reason = "nothing to see";
            forged.hash = AuditHasher.hash(forged);
            db.update("UPDATE alx_audit_entry SET reason = ?, hash = ? WHERE seq = 2", forged.reason, forged.hash);

            AuditVerification verification = audit.verify();

            // entry 2 is consistent in itself now, but entry 3 no longer links to it
            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBadSequence()).isEqualTo(3L);
            assertThat(verification.problems()).anySatisfy(p -> assertThat(p).contains("entry 3").contains("link"));
        }

        @Test
        void verifyDetectsADeletedMiddleEntry() {
            appendTickets(4);
            assertThat(db.update("DELETE FROM alx_audit_entry WHERE seq = 2")).isEqualTo(1);

            AuditVerification verification = audit.verify();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBadSequence()).isEqualTo(2L);
            assertThat(verification.entriesChecked()).isEqualTo(3);
            assertThat(verification.problems()).anySatisfy(p -> assertThat(p).contains("2..2").contains("missing"));
        }

        @Test
        void verifyDetectsADeletedLastEntry() {
            appendTickets(3);
            assertThat(db.update("DELETE FROM alx_audit_entry WHERE seq = 3")).isEqualTo(1);

            AuditVerification verification = audit.verify();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBadSequence()).isEqualTo(3L);
            assertThat(verification.entriesChecked()).isEqualTo(2);
            assertThat(verification.problems()).anySatisfy(p -> assertThat(p).contains("ends at entry 2"));
        }

        @Test
        void verifyDetectsAMissingHeadRow() {
            appendTickets(2);
            db.update("DELETE FROM alx_audit_head");

            AuditVerification verification = audit.verify();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.problems()).anySatisfy(p -> assertThat(p).contains("head"));
        }

        @Test
        void verifyReadsChainsLongerThanOneBatch() throws SQLException {
            // 2 * 1000 + 1 entries, written directly: far faster than 2001 appends
            int count = 2001;
            insertChain(count);
            AuditVerification intact = audit.verify();
            assertThat(intact.problems()).isEmpty();
            assertThat(intact.entriesChecked()).isEqualTo(count);

            // the next append continues the directly written chain
            AuditEntry next = audit.append(record("alice", "ticket.create", "ticket", "T-next"));
            assertThat(next.sequence()).isEqualTo(count + 1);
            assertThat(audit.verify().valid()).isTrue();

            db.update("UPDATE alx_audit_entry SET action = 'forged' WHERE seq = 1500");
            AuditVerification tampered = audit.verify();
            assertThat(tampered.valid()).isFalse();
            assertThat(tampered.firstBadSequence()).isEqualTo(1500L);
            assertThat(tampered.entriesChecked()).isEqualTo(count + 1);
        }

        @Test
        void concurrentAppendsFormOneGapFreeChain() throws Exception {
            int threads = 4;
            int perThread = 25;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<AuditEntry>>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String actor = "worker-" + t;
                    Callable<List<AuditEntry>> work = () -> {
                        assertThat(start.await(30, TimeUnit.SECONDS)).isTrue();
                        List<AuditEntry> mine = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            mine.add(audit.append(record(actor, "ticket.update", "ticket", actor + "-" + i)));
                        }
                        return mine;
                    };
                    futures.add(pool.submit(work));
                }
                start.countDown();
                List<AuditEntry> all = Collections.synchronizedList(new ArrayList<>());
                for (Future<List<AuditEntry>> future : futures) {
                    all.addAll(future.get(60, TimeUnit.SECONDS));
                }

                List<Long> expected = LongStream.rangeClosed(1, threads * perThread).boxed().toList();
                assertThat(sequences(all)).containsExactlyInAnyOrderElementsOf(expected);
                List<AuditEntry> stored = audit.query(AuditQuery.all(1000));
                assertThat(sequences(stored)).containsExactlyElementsOf(expected);
                assertThat(stored).containsExactlyInAnyOrderElementsOf(all);
                AuditVerification verification = audit.verify();
                assertThat(verification.problems()).isEmpty();
                assertThat(verification.valid()).isTrue();
                assertThat(verification.entriesChecked()).isEqualTo(threads * perThread);
                verify(events, times(threads * perThread)).publish(eq(Topics.AUDIT_APPENDED), eq("core"), any(AuditAppended.class));
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void aBatchWithABadRecordWritesTheOthersAndFailsOnlyThatAppend() {
            List<JpaAuditTrail.Pending> batch = List.of(
                    new JpaAuditTrail.Pending(record("alice", "ticket.update", "ticket", "T-1")),
                    // longer than the entity_id column (200): the database refuses it
                    new JpaAuditTrail.Pending(record("bob", "ticket.update", "ticket", "T".repeat(300))),
                    new JpaAuditTrail.Pending(record("carol", "ticket.update", "ticket", "T-3")));
            audit.write(batch);

            assertThat(batch.get(0).outcome().sequence()).isEqualTo(1);
            assertThat(batch.get(2).outcome().sequence()).isEqualTo(2);
            assertThat(batch.get(1).failure).isNotNull();
            assertThat(audit.query(AuditQuery.all(10))).extracting(e -> e.actor().name()).containsExactly("alice", "carol");
            assertThat(audit.verify().valid()).isTrue();
        }

        @Test
        void aBatchIsOneLinkedRunOfTheChain() {
            audit.append(record("alice", "ticket.update", "ticket", "T-0"));
            List<JpaAuditTrail.Pending> batch = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                batch.add(new JpaAuditTrail.Pending(record("alice", "ticket.update", "ticket", "T-" + i)));
            }
            audit.write(batch);
            List<AuditEntry> stored = audit.query(AuditQuery.all(10));
            assertThat(sequences(stored)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            for (int i = 1; i < stored.size(); i++) {
                assertThat(stored.get(i).previousHash()).isEqualTo(stored.get(i - 1).hash());
            }
            assertThat(audit.verify().valid()).isTrue();
        }

        @Test
        void nodesSharingTheDatabaseFormOneGapFreeChain() throws Exception {
            JpaAuditTrail other = new JpaAuditTrail(db.entityManagerFactory(), new JdbcSchemaMigrator(db.dataSource()),
                    events, clock);
            List<JpaAuditTrail> nodes = List.of(audit, other);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Callable<AuditEntry>> jobs = new ArrayList<>();
                for (int i = 0; i < 120; i++) {
                    JpaAuditTrail node = nodes.get(i % 2);
                    String id = "T-" + i;
                    jobs.add(() -> node.append(record("worker", "ticket.update", "ticket", id)));
                }
                List<AuditEntry> written = new ArrayList<>();
                for (Future<AuditEntry> entry : pool.invokeAll(jobs)) {
                    written.add(entry.get(60, TimeUnit.SECONDS));
                }
                List<Long> expected = LongStream.rangeClosed(1, 120).boxed().toList();
                assertThat(sequences(written)).containsExactlyInAnyOrderElementsOf(expected);
                AuditVerification verification = other.verify();
                assertThat(verification.problems()).isEmpty();
                assertThat(verification.entriesChecked()).isEqualTo(120);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void verifyDuringConcurrentAppendsFindsNoProblem() throws Exception {
            appendTickets(3);
            ExecutorService writer = Executors.newSingleThreadExecutor();
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch writing = new CountDownLatch(1);
            try {
                Future<Integer> appended = writer.submit(() -> {
                    int n = 0;
                    while (!stop.get()) {
                        audit.append(record("writer", "ticket.update", "ticket", "W-" + n++));
                        writing.countDown();
                    }
                    return n;
                });
                assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
                List<AuditVerification> invalid = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    AuditVerification verification = audit.verify();
                    if (!verification.valid()) {
                        invalid.add(verification);
                    }
                }
                stop.set(true);
                assertThat(appended.get(60, TimeUnit.SECONDS)).isPositive();
                // appends commit the entry and the head together, so a verify never sees a half-done append
                assertThat(invalid).isEmpty();
                assertThat(audit.verify().valid()).isTrue();
            } finally {
                stop.set(true);
                writer.shutdownNow();
                assertThat(writer.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
        }

        @Test
        void constructorMigratesTheCoreSchemaOnce() {
            // a second trail on the same database (another node, or a restart) applies nothing again
            new JpaAuditTrail(db.entityManagerFactory(), new JdbcSchemaMigrator(db.dataSource()), events, clock);

            assertThat(db.queryLong("SELECT COUNT(*) FROM alx_schema_history WHERE module = 'core'")).isEqualTo(2);
            assertThat(db.queryLong("SELECT COUNT(*) FROM alx_audit_head")).isEqualTo(1);
            verify(events, never()).publish(anyString(), anyString(), any());
        }

        private AuditEntryEntity loadEntity(long seq) {
            AuditEntry entry = audit.query(new AuditQuery(null, null, null, null, null, seq - 1, 1)).get(0);
            AuditEntryEntity e = new AuditEntryEntity();
            e.seq = entry.sequence();
            e.recordedMs = entry.time().toEpochMilli();
            e.actorType = entry.actor().type().name();
            e.actorName = entry.actor().name();
            e.action = entry.action();
            e.entityType = entry.target().type();
            e.entityId = entry.target().id();
            e.reason = entry.reason();
            e.beforeState = entry.before();
            e.afterState = entry.after();
            e.prevHash = entry.previousHash();
            e.hash = entry.hash();
            return e;
        }

        private void insertChain(int count) throws SQLException {
            String previous = GENESIS;
            try (Connection connection = db.dataSource().getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO alx_audit_entry (seq, recorded_ms, actor_type, actor_name, action, entity_type,
                          entity_id, reason, before_state, after_state, prev_hash, hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    for (int i = 1; i <= count; i++) {
                        AuditEntryEntity e = new AuditEntryEntity();
                        e.seq = i;
                        e.recordedMs = clock.millis() + i;
                        e.actorType = "SYSTEM";
                        e.actorName = "importer";
                        e.action = "ticket.import";
                        e.entityType = "ticket";
                        e.entityId = "T-" + i;
                        e.reason = i % 2 == 0 ? null : "batch";
                        e.prevHash = previous;
                        e.hash = AuditHasher.hash(e);
                        insert.setLong(1, e.seq);
                        insert.setLong(2, e.recordedMs);
                        insert.setString(3, e.actorType);
                        insert.setString(4, e.actorName);
                        insert.setString(5, e.action);
                        insert.setString(6, e.entityType);
                        insert.setString(7, e.entityId);
                        insert.setString(8, e.reason);
                        insert.setString(9, e.beforeState);
                        insert.setString(10, e.afterState);
                        insert.setString(11, e.prevHash);
                        insert.setString(12, e.hash);
                        insert.addBatch();
                        previous = e.hash;
                    }
                    insert.executeBatch();
                }
                try (PreparedStatement head = connection.prepareStatement(
                        "UPDATE alx_audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                    head.setLong(1, count);
                    head.setString(2, previous);
                    head.executeUpdate();
                }
                connection.commit();
            }
        }
    }
}
