package org.alexandria.crash.internal.service;

import static org.alexandria.crash.internal.service.TestSupport.javaTrace;
import static org.alexandria.crash.internal.service.TestSupport.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditEntry;
import org.alexandria.api.audit.AuditQuery;
import org.alexandria.api.crash.CrashGroup;
import org.alexandria.api.crash.CrashGroupMatch;
import org.alexandria.api.crash.CrashGroupStatus;
import org.alexandria.api.crash.CrashGroupSummary;
import org.alexandria.api.crash.CrashReport;
import org.alexandria.api.crash.CrashReportReceipt;
import org.alexandria.api.crash.CrashReportSummary;
import org.alexandria.api.crash.ParsedCrash;
import org.alexandria.api.crash.ValueCount;
import org.alexandria.api.event.EntityChange;
import org.alexandria.api.event.EventBus;
import org.alexandria.api.event.Topics;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.core.internal.audit.JpaAuditTrail;
import org.alexandria.core.internal.persistence.JdbcSchemaMigrator;
import org.alexandria.crash.internal.parse.Samples;
import org.alexandria.crash.internal.store.GroupFilter;
import org.alexandria.crash.internal.store.PageKey;
import org.alexandria.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link CrashAnalyzerService} with the real store, audit trail and migrations, on H2 and PostgreSQL. */
class CrashAnalyzerServiceTest {

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
        final TestSupport.MutableClock clock = new TestSupport.MutableClock();
        final EventBus events = mock(EventBus.class);
        TestDatabase db;
        JpaAuditTrail audit;
        CrashAnalyzerService crashes;

        Contract(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @BeforeEach
        void start() {
            db = kind.create();
            audit = new JpaAuditTrail(db.entityManagerFactory(), new JdbcSchemaMigrator(db.dataSource()), mock(EventBus.class));
            crashes = newNode(TestSupport.defaults());
        }

        CrashAnalyzerService newNode(CrashConfig config) {
            return new CrashAnalyzerService(db.entityManagerFactory("alexandria-crash-analyzer"),
                    new JdbcSchemaMigrator(db.dataSource()), events, audit, config, clock);
        }

        @AfterEach
        void stop() {
            db.close();
        }

        @Test
        void sameCrashTwiceMakesOneGroupWithStatistics() {
            String npe = javaTrace("java.lang.NullPointerException", "cart is null", "Cart", "total", 10);
            CrashReportReceipt first = crashes.ingest(report(npe, "shop", "4.2.0", "Android 14", "c-1"));
            clock.advance(Duration.ofMinutes(1));
            // another line number and message: the same crash
            CrashReportReceipt second = crashes.ingest(report(
                    javaTrace("java.lang.NullPointerException", "cart 17 is null", "Cart", "total", 12), "shop", "4.2.1", "Android 14", "c-2"));
            clock.advance(Duration.ofMinutes(1));
            crashes.ingest(report(npe, "shop", "4.2.1", "iOS 17", "c-2"));

            assertThat(first.parsed()).isTrue();
            assertThat(first.newGroup()).isTrue();
            assertThat(first.signature()).isEqualTo("NullPointerException at com.acme.Cart.total");
            assertThat(second.newGroup()).isFalse();
            assertThat(second.groupId()).isEqualTo(first.groupId());

            CrashGroup group = crashes.group(first.groupId()).orElseThrow();
            assertThat(group.reportCount()).isEqualTo(3);
            assertThat(group.status()).isEqualTo(CrashGroupStatus.OPEN);
            assertThat(group.exceptionType()).isEqualTo("java.lang.NullPointerException");
            assertThat(group.exceptionMessage()).isEqualTo("cart is null");
            assertThat(group.groupingRules()).isEqualTo("alexandria:1");
            assertThat(group.platform()).isEqualTo("JAVA");
            assertThat(group.firstSeen()).isEqualTo(clock.instant().minus(Duration.ofMinutes(2)));
            assertThat(group.lastSeen()).isEqualTo(clock.instant());
            assertThat(group.versions()).extracting(ValueCount::value, ValueCount::count)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("4.2.1", 2L), org.assertj.core.groups.Tuple.tuple("4.2.0", 1L));
            assertThat(group.operatingSystems()).extracting(ValueCount::value).containsExactly("Android 14", "iOS 17");
            assertThat(group.customers()).extracting(ValueCount::value).containsExactly("c-2", "c-1");
            assertThat(group.customerCount()).isEqualTo(2);
            assertThat(group.apps()).singleElement().satisfies(a -> assertThat(a.count()).isEqualTo(3));
            assertThat(group.exceptions()).singleElement().satisfies(e -> {
                assertThat(e.frames()).hasSize(4);
                assertThat(e.frames().get(0).function()).isEqualTo("total");
                assertThat(e.frames().get(0).inApp()).isTrue();
                assertThat(e.frames().get(3).inApp()).isFalse();
            });
        }

        @Test
        void everyReportIsStoredWithItsMetadataAndContent() {
            String text = Samples.text("java-spring-caused-by.txt");
            CrashReportReceipt receipt = crashes.ingest(new org.alexandria.api.crash.CrashReportSubmission(text, "shop", "1.0",
                    "Linux", "server", "c-9", clock.instant().minus(Duration.ofHours(1)), "T-17", "ticket-attachment"));

            CrashReport stored = crashes.report(receipt.reportId()).orElseThrow();
            assertThat(stored.parsed()).isTrue();
            assertThat(stored.ticketId()).isEqualTo("T-17");
            assertThat(stored.source()).isEqualTo("ticket-attachment");
            assertThat(stored.occurredAt()).isEqualTo(clock.instant().minus(Duration.ofHours(1)));
            assertThat(stored.receivedAt()).isEqualTo(clock.instant());
            assertThat(stored.exceptionType()).isEqualTo("org.postgresql.util.PSQLException");
            assertThat(stored.exceptions()).hasSize(3);
            assertThat(stored.exceptions().get(1).relation()).isEqualTo("CAUSE");
            assertThat(stored.exceptions().get(1).parent()).isZero();
            assertThat(stored.groupId()).isEqualTo(receipt.groupId());
            assertThat(stored.fingerprint()).matches("[0-9a-f]{64}");
            assertThat(crashes.content(receipt.reportId())).contains(text);
            verify(events).publish(eq(Topics.CRASH_REPORT_RECEIVED), eq("crash-analyzer"), any(EntityChange.class));
            verify(events).publish(Topics.CRASH_GROUP_CREATED, "crash-analyzer",
                    new EntityChange("crash-group", receipt.groupId(), receipt.signature()));
            assertThat(audit.query(new AuditQuery("crash-group", receipt.groupId(), null, null, null, 0, 10)))
                    .singleElement().satisfies(e -> {
                        assertThat(e.action()).isEqualTo("crash-group.create");
                        assertThat(e.actor()).isEqualTo(Actor.system("crash-analyzer"));
                    });
        }

        @Test
        void aFailingAuditAfterTheCommitDoesNotFailTheIngest() {
            org.alexandria.api.audit.AuditTrail broken = mock(org.alexandria.api.audit.AuditTrail.class);
            org.mockito.Mockito.when(broken.append(any())).thenThrow(new IllegalStateException("audit down"));
            CrashAnalyzerService node = new CrashAnalyzerService(db.entityManagerFactory("alexandria-crash-analyzer"),
                    new JdbcSchemaMigrator(db.dataSource()), events, broken, TestSupport.defaults(), clock);

            CrashReportReceipt receipt = node.ingest(report(javaTrace("java.lang.IllegalStateException", "x", "Pool", "borrow", 5)));

            assertThat(receipt.newGroup()).isTrue();
            assertThat(node.match(javaTrace("java.lang.IllegalStateException", "x", "Pool", "borrow", 5), 1)).hasSize(1);
            assertThat(db.queryLong("SELECT COUNT(*) FROM alx_crash_report")).isEqualTo(1);
        }

        @Test
        void oversizedMessagesAreCutToTheColumns() {
            String trace = javaTrace("java.lang.IllegalStateException",
                    String.join("\n", java.util.Collections.nCopies(10, "m".repeat(600))), "Pool", "borrow", 5);

            CrashReportReceipt receipt = crashes.ingest(report(trace));

            CrashReport stored = crashes.report(receipt.reportId()).orElseThrow();
            assertThat(stored.parsed()).isTrue();
            assertThat(stored.exceptionMessage()).hasSizeBetween(3000, 4000);
            CrashGroup group = crashes.group(receipt.groupId()).orElseThrow();
            assertThat(group.exceptionMessage()).hasSize(500);
        }

        @Test
        void garbageIsStoredAsUnparsedWithTheReason() {
            StringBuilder binary = new StringBuilder();
            for (int i = 0; i < 5000; i++) {
                binary.append((char) (i * 7919 % 0xD000));
            }
            binary.append('\u0000').append('\uD800').append("end");

            CrashReportReceipt receipt = crashes.ingest(report(binary.toString()));
            CrashReportReceipt blank = crashes.ingest(report("   "));

            assertThat(receipt.parsed()).isFalse();
            assertThat(receipt.groupId()).isNull();
            assertThat(receipt.unparsedReason()).isNotBlank();
            assertThat(blank.unparsedReason()).isEqualTo("empty input");
            CrashReport stored = crashes.report(receipt.reportId()).orElseThrow();
            assertThat(stored.parsed()).isFalse();
            assertThat(stored.exceptions()).isEmpty();
            // NUL and the lone surrogate cannot be stored in every database: they become U+FFFD
            assertThat(crashes.content(receipt.reportId())).hasValueSatisfying(c -> {
                assertThat(c).hasSize(binary.length()).endsWith("\uFFFD\uFFFDend").doesNotContain("\u0000");
            });
            assertThat(db.queryLong("SELECT COUNT(*) FROM alx_crash_group")).isZero();
            verify(events).publish(Topics.CRASH_REPORT_RECEIVED, "crash-analyzer",
                    new EntityChange("crash-report", receipt.reportId(), "unparsed: " + receipt.unparsedReason()));
        }

        @Test
        void tooLargeOrMalformedSubmissionsAreRefusedAndStoreNothing() {
            CrashAnalyzerService small = newNode(TestSupport.config(100, 5, new String[0], new String[0]));
            assertThatThrownBy(() -> small.ingest(report("x".repeat(101)))).isInstanceOf(ContentTooLargeException.class);
            assertThatThrownBy(() -> small.ingest(report("é".repeat(101)))).isInstanceOf(ContentTooLargeException.class);
            assertThatThrownBy(() -> crashes.ingest(new org.alexandria.api.crash.CrashReportSubmission("x", "a".repeat(201),
                    null, null, null, null, null, null, "api"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("app");
            assertThatThrownBy(() -> crashes.ingest(new org.alexandria.api.crash.CrashReportSubmission("x", "a\nb",
                    null, null, null, null, null, null, "api"))).hasMessageContaining("control");
            assertThatThrownBy(() -> crashes.ingest(new org.alexandria.api.crash.CrashReportSubmission("x", null,
                    null, null, null, null, null, null, "Bad Source"))).hasMessageContaining("source");

            assertThat(small.ingest(report("é".repeat(100))).parsed()).isFalse();
            assertThat(db.queryLong("SELECT COUNT(*) FROM alx_crash_report")).isEqualTo(1);
        }

        @Test
        void matchRanksTheExactGroupFirstThenSimilarOnes() {
            String base = javaTrace("java.lang.IllegalStateException", "closed", "Pool", "borrow", 5);
            CrashReportReceipt pool = crashes.ingest(report(base));
            CrashReportReceipt other = crashes.ingest(report(javaTrace("java.lang.IllegalStateException", "closed", "Pool", "release", 9)));
            crashes.ingest(report(Samples.text("python-direct-cause.txt")));

            List<CrashGroupMatch> exact = crashes.match("Ticket text\n" + base + "\nthanks", 5);
            assertThat(exact.get(0)).isEqualTo(new CrashGroupMatch(pool.groupId(),
                    crashes.group(pool.groupId()).orElseThrow().fingerprint(), pool.signature(), 1.0, true));
            assertThat(exact).extracting(CrashGroupMatch::groupId).doesNotHaveDuplicates().contains(other.groupId());
            CrashGroupMatch near = exact.stream().filter(m -> m.groupId().equals(other.groupId())).findFirst().orElseThrow();
            assertThat(near.exact()).isFalse();
            assertThat(near.score()).isBetween(0.0, 1.0).isLessThan(1.0);

            List<CrashGroupMatch> unknown = crashes.match(javaTrace("java.lang.IllegalStateException", "closed", "Pool", "drain", 5), 1);
            assertThat(unknown).singleElement().satisfies(m -> assertThat(m.exact()).isFalse());
            assertThat(crashes.match("no trace here", 5)).isEmpty();
            assertThatThrownBy(() -> crashes.match(base, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> crashes.match(base, 51)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void parseShowsTheTraceAndStoresNothing() {
            ParsedCrash parsed = crashes.parse(Samples.text("python-direct-cause.txt"));
            ParsedCrash nothing = crashes.parse("hello");

            assertThat(parsed.parsed()).isTrue();
            assertThat(parsed.platform()).isEqualTo("PYTHON");
            assertThat(parsed.exceptions()).isNotEmpty();
            assertThat(parsed.fingerprint()).matches("[0-9a-f]{64}");
            assertThat(nothing.parsed()).isFalse();
            assertThat(nothing.unparsedReason()).isNotBlank();
            assertThat(db.queryLong("SELECT COUNT(*) FROM alx_crash_report")).isZero();
        }

        @Test
        void aRestartedOrSecondNodeMatchesTheStoredGroups() {
            String trace = Samples.text("js-node-cause.txt");
            CrashReportReceipt receipt = crashes.ingest(report(trace));

            CrashAnalyzerService restarted = newNode(TestSupport.defaults());

            assertThat(restarted.indexedGroups()).isEqualTo(1);
            assertThat(restarted.match(trace, 3)).singleElement().satisfies(m -> {
                assertThat(m.groupId()).isEqualTo(receipt.groupId());
                assertThat(m.exact()).isTrue();
            });
            assertThat(restarted.ingest(report(trace)).groupId()).isEqualTo(receipt.groupId());
        }

        @Test
        void aNodeLearnsTheGroupsOfAnotherNodeOnRefreshAndMergesAtOnce() {
            CrashAnalyzerService other = newNode(TestSupport.defaults());
            String a = javaTrace("java.lang.IllegalStateException", "closed", "Pool", "borrow", 5);
            String b = javaTrace("java.lang.IllegalStateException", "closed", "Pool", "release", 5);
            String query = javaTrace("java.lang.IllegalStateException", "closed", "Pool", "drain", 5);
            CrashReportReceipt ra = other.ingest(report(a));
            CrashReportReceipt rb = other.ingest(report(b));

            assertThat(crashes.match(query, 5)).isEmpty();
            assertThat(crashes.refreshIndex()).isEqualTo(2);
            assertThat(crashes.refreshIndex()).isZero();
            assertThat(crashes.match(query, 5)).extracting(CrashGroupMatch::groupId)
                    .containsExactlyInAnyOrder(ra.groupId(), rb.groupId());

            other.merge(ra.groupId(), rb.groupId(), Actor.user("manager"), null);

            // this node's index still holds the merged group: matching checks the database and drops it
            assertThat(crashes.match(query, 5)).extracting(CrashGroupMatch::groupId).containsExactly(rb.groupId());
            assertThat(crashes.indexedGroups()).isEqualTo(1);
        }

        @Test
        void groupsWithAnUnreadableTraceAreLeftOutOfMatching() {
            CrashReportReceipt r = crashes.ingest(report(javaTrace("java.lang.IllegalStateException", "x", "Pool", "borrow", 5)));
            db.update("UPDATE alx_crash_group SET trace_json = ? WHERE id = ?", "{not json", r.groupId());

            CrashAnalyzerService restarted = newNode(TestSupport.defaults());

            assertThat(restarted.unreadableGroups()).isEqualTo(1);
            assertThat(restarted.indexedGroups()).isZero();
            assertThat(restarted.group(r.groupId()).orElseThrow().exceptions()).isEmpty();
            assertThat(restarted.ingest(report(javaTrace("java.lang.IllegalStateException", "x", "Pool", "borrow", 5))).groupId())
                    .isEqualTo(r.groupId());
        }

        @Test
        void twoNodesIngestingANewCrashAtOnceMakeOneGroup() throws Exception {
            CrashAnalyzerService other = newNode(TestSupport.defaults());
            String trace = javaTrace("java.io.IOException", "broken pipe", "Uploader", "send", 33);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<CrashReportReceipt>> calls = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    CrashAnalyzerService node = i % 2 == 0 ? crashes : other;
                    String version = "1." + (i % 3);
                    String customer = "c-" + (i % 4);
                    calls.add(() -> node.ingest(report(trace, "app", version, "Linux", customer)));
                }
                Set<String> groups = new HashSet<>();
                int created = 0;
                for (Future<CrashReportReceipt> f : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
                    CrashReportReceipt r = f.get();
                    groups.add(r.groupId());
                    created += r.newGroup() ? 1 : 0;
                }
                assertThat(groups).hasSize(1);
                assertThat(created).isEqualTo(1);
                CrashGroup group = crashes.group(groups.iterator().next()).orElseThrow();
                assertThat(group.reportCount()).isEqualTo(16);
                assertThat(group.versions()).extracting(ValueCount::count).containsExactlyInAnyOrder(6L, 5L, 5L);
                assertThat(group.customers()).extracting(ValueCount::count).containsOnly(4L);
                assertThat(db.queryLong("SELECT COUNT(*) FROM alx_crash_report")).isEqualTo(16);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void mergeMovesReportsAndRedirectsTheFingerprint() {
            String a = javaTrace("java.lang.IllegalStateException", "closed", "Pool", "borrow", 5);
            String b = javaTrace("java.lang.IllegalStateException", "closed", "Pool", "release", 5);
            CrashReportReceipt ra = crashes.ingest(report(a, "app", "1.0", "Linux", "c-1"));
            clock.advance(Duration.ofMinutes(1));
            CrashReportReceipt rb = crashes.ingest(report(b, "app", "2.0", "Linux", "c-2"));
            crashes.ingest(report(b, "app", "2.0", "Linux", "c-2"));

            CrashGroup target = crashes.merge(ra.groupId(), rb.groupId(), Actor.user("manager"), "same pool bug");

            assertThat(target.id()).isEqualTo(rb.groupId());
            assertThat(target.reportCount()).isEqualTo(3);
            assertThat(target.firstSeen()).isEqualTo(clock.instant().minus(Duration.ofMinutes(1)));
            assertThat(target.versions()).extracting(ValueCount::value, ValueCount::count).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("2.0", 2L), org.assertj.core.groups.Tuple.tuple("1.0", 1L));
            CrashGroup source = crashes.group(ra.groupId()).orElseThrow();
            assertThat(source.status()).isEqualTo(CrashGroupStatus.MERGED);
            assertThat(source.mergedInto()).isEqualTo(rb.groupId());
            assertThat(source.reportCount()).isZero();
            assertThat(source.versions()).isEmpty();
            // new reports of the merged fingerprint join the target; matching finds the target
            assertThat(crashes.ingest(report(a)).groupId()).isEqualTo(rb.groupId());
            assertThat(crashes.match(a, 5).get(0)).satisfies(m -> {
                assertThat(m.groupId()).isEqualTo(rb.groupId());
                assertThat(m.exact()).isTrue();
            });
            assertThat(crashes.match(a, 5)).extracting(CrashGroupMatch::groupId).doesNotContain(ra.groupId());
            List<AuditEntry> entries = audit.query(new AuditQuery("crash-group", ra.groupId(), null, null, null, 0, 10));
            assertThat(entries).extracting(AuditEntry::action).containsExactly("crash-group.create", "crash-group.merge");
            assertThat(entries.get(1).actor()).isEqualTo(Actor.user("manager"));
            assertThat(entries.get(1).reason()).isEqualTo("same pool bug");
            verify(events).publish(Topics.CRASH_GROUP_UPDATED, "crash-analyzer",
                    new EntityChange("crash-group", ra.groupId(), "merged into " + rb.groupId()));
            // a merged group cannot be merged again, nor can a group into itself or an unknown one
            assertThatThrownBy(() -> crashes.merge(ra.groupId(), rb.groupId(), Actor.user("m"), null))
                    .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(409));
            assertThatThrownBy(() -> crashes.merge(rb.groupId(), rb.groupId(), Actor.user("m"), null))
                    .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(409));
            assertThatThrownBy(() -> crashes.merge("nope", rb.groupId(), Actor.user("m"), null))
                    .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
        }

        @Test
        void reportsArrivingDuringAMergeEndInTheTarget() throws Exception {
            CrashAnalyzerService other = newNode(TestSupport.defaults());
            String a = javaTrace("java.lang.IllegalStateException", "closed", "Pool", "borrow", 5);
            String b = javaTrace("java.lang.IllegalStateException", "closed", "Pool", "release", 5);
            String source = crashes.ingest(report(a)).groupId();
            String target = crashes.ingest(report(b)).groupId();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Callable<Object>> calls = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    CrashAnalyzerService node = i % 2 == 0 ? crashes : other;
                    calls.add(() -> node.ingest(report(a, "app", "1.0", "Linux", "c-1")));
                    if (i == 3) {
                        calls.add(() -> other.merge(source, target, Actor.user("manager"), null));
                    }
                }
                for (Future<Object> f : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(db.queryLong("SELECT COUNT(*) FROM alx_crash_report WHERE group_id = ?", source)).isZero();
            assertThat(crashes.group(source).orElseThrow().reportCount()).isZero();
            CrashGroup merged = crashes.group(target).orElseThrow();
            assertThat(merged.reportCount()).isEqualTo(14)
                    .isEqualTo(db.queryLong("SELECT COUNT(*) FROM alx_crash_report WHERE group_id = ?", target));
            assertThat(merged.customers()).singleElement().satisfies(c -> assertThat(c.count()).isEqualTo(12));
        }

        @Test
        void splitMovesReportsIntoANewGroup() {
            String trace = javaTrace("java.lang.IllegalStateException", "closed", "Pool", "borrow", 5);
            CrashReportReceipt r1 = crashes.ingest(report(trace, "app", "1.0", "Linux", "c-1"));
            clock.advance(Duration.ofMinutes(1));
            CrashReportReceipt r2 = crashes.ingest(report(trace, "app", "2.0", "Linux", "c-2"));
            CrashReportReceipt r3 = crashes.ingest(report(trace, "app", "2.0", "Linux", "c-3"));

            CrashGroup split = crashes.split(r1.groupId(), List.of(r2.reportId(), r3.reportId()), Actor.user("admin"), "two bugs");

            assertThat(split.id()).isNotEqualTo(r1.groupId());
            assertThat(split.reportCount()).isEqualTo(2);
            assertThat(split.versions()).extracting(ValueCount::value).containsExactly("2.0");
            assertThat(split.signature()).isEqualTo(r1.signature());
            assertThat(split.exceptions()).isNotEmpty();
            assertThat(crashes.group(r1.groupId()).orElseThrow().reportCount()).isEqualTo(1);
            assertThat(crashes.report(r2.reportId()).orElseThrow().groupId()).isEqualTo(split.id());
            assertThat(crashes.reports(split.id(), null, 10)).extracting(CrashReportSummary::id)
                    .containsExactlyInAnyOrder(r2.reportId(), r3.reportId());
            // the fingerprint stays with the original group
            assertThat(crashes.ingest(report(trace)).groupId()).isEqualTo(r1.groupId());
            assertThat(audit.query(new AuditQuery("crash-group", r1.groupId(), null, null, null, 0, 10)))
                    .extracting(AuditEntry::action).containsExactly("crash-group.create", "crash-group.split");
            verify(events).publish(Topics.CRASH_GROUP_CREATED, "crash-analyzer",
                    new EntityChange("crash-group", split.id(), "split from " + r1.groupId()));

            assertThatThrownBy(() -> crashes.split(r1.groupId(), List.of(r1.reportId(), "nope"), Actor.user("a"), null))
                    .isInstanceOfSatisfying(ProblemException.class, p -> {
                        assertThat(p.status()).isEqualTo(400);
                        assertThat(p.getMessage()).contains("nope");
                    });
            assertThatThrownBy(() -> crashes.split(split.id(), List.of(r2.reportId(), r3.reportId()), Actor.user("a"), null))
                    .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.getMessage()).contains("at least one"));
            assertThatThrownBy(() -> crashes.split(r1.groupId(), List.of(), Actor.user("a"), null))
                    .isInstanceOf(ProblemException.class);
        }

        @Test
        void groupsAreFilteredSortedAndPaged() {
            for (int i = 0; i < 5; i++) {
                String trace = javaTrace("java.lang.IllegalStateException", "state " + i, "Unit" + i, "run", 1);
                for (int n = 0; n <= i; n++) {
                    crashes.ingest(report(trace, i % 2 == 0 ? "web" : "mobile", "v" + i, "Linux", null));
                }
                clock.advance(Duration.ofMinutes(1));
            }
            crashes.ingest(report(javaTrace("java.io.IOException", "Disk_Full 100%", "Disk", "write", 1), "web", "v9", "Linux", null));

            GroupFilter byCount = new GroupFilter("OPEN", null, null, null, null, GroupFilter.Sort.COUNT);
            List<CrashGroupSummary> page1 = crashes.groups(byCount, null, 4);
            assertThat(page1).extracting(CrashGroupSummary::reportCount).containsExactly(5L, 4L, 3L, 2L);
            CrashGroupSummary last = page1.get(3);
            List<CrashGroupSummary> page2 = crashes.groups(byCount, new PageKey(last.reportCount(), last.id()), 4);
            assertThat(page2).hasSize(2).extracting(CrashGroupSummary::reportCount).containsOnly(1L);

            GroupFilter recent = new GroupFilter("OPEN", null, null, null, null, GroupFilter.Sort.LAST_SEEN);
            assertThat(crashes.groups(recent, null, 1).get(0).exceptionType()).isEqualTo("java.io.IOException");
            assertThat(crashes.groups(new GroupFilter("OPEN", "mobile", null, null, null, GroupFilter.Sort.COUNT), null, 10))
                    .extracting(CrashGroupSummary::reportCount).containsExactly(4L, 2L);
            assertThat(crashes.groups(new GroupFilter("OPEN", "web", "v2", null, null, GroupFilter.Sort.COUNT), null, 10))
                    .extracting(CrashGroupSummary::reportCount).containsExactly(3L);
            assertThat(crashes.groups(new GroupFilter("OPEN", null, null, "java.io.IOException", null, GroupFilter.Sort.COUNT), null, 10))
                    .hasSize(1);
            // text search ignores case and treats LIKE wildcards literally
            assertThat(crashes.groups(new GroupFilter("OPEN", null, null, null, "disk_full 100%", GroupFilter.Sort.COUNT), null, 10))
                    .hasSize(1);
            assertThat(crashes.groups(new GroupFilter("OPEN", null, null, null, "unit3", GroupFilter.Sort.COUNT), null, 10))
                    .singleElement().satisfies(g -> assertThat(g.signature()).contains("Unit3"));
            assertThat(crashes.groups(new GroupFilter("OPEN", null, null, null, "100%%", GroupFilter.Sort.COUNT), null, 10)).isEmpty();
            assertThat(crashes.groups(new GroupFilter("MERGED", null, null, null, null, GroupFilter.Sort.COUNT), null, 10)).isEmpty();
        }

        @Test
        void reportsOfAGroupArePagedNewestFirst() {
            String trace = javaTrace("java.lang.IllegalStateException", "x", "Pool", "borrow", 5);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(0, crashes.ingest(report(trace)).reportId());
                clock.advance(Duration.ofSeconds(1));
            }
            String group = crashes.report(ids.get(0)).orElseThrow().groupId();

            List<CrashReportSummary> first = crashes.reports(group, null, 3);
            List<CrashReportSummary> second = crashes.reports(group, CrashAnalyzerService.key(first.get(2)), 3);

            assertThat(first).extracting(CrashReportSummary::id).containsExactlyElementsOf(ids.subList(0, 3));
            assertThat(second).extracting(CrashReportSummary::id).containsExactlyElementsOf(ids.subList(3, 5));
            assertThatThrownBy(() -> crashes.reports("nope", null, 3)).isInstanceOf(ProblemException.class);
        }

        @Test
        void configuredGroupingRulesGetTheirOwnId() {
            CrashAnalyzerService custom = newNode(TestSupport.config(1000, 1, new String[] {"com.acme."}, new String[0]));
            String a = javaTrace("java.lang.IllegalStateException", "x", "Pool", "borrow", 5);

            CrashReportReceipt underDefault = crashes.ingest(report(a));
            CrashReportReceipt underCustom = custom.ingest(report(a));

            assertThat(underCustom.groupId()).isNotEqualTo(underDefault.groupId());
            assertThat(crashes.group(underCustom.groupId()).orElseThrow().groupingRules()).matches("custom-[0-9a-f]{12}:1");
            assertThat(Grouping.rules(TestSupport.config(1000, 1, new String[] {"com.acme."}, new String[0])).id())
                    .isEqualTo(Grouping.rules(TestSupport.config(5, 1, new String[] {" com.acme. "}, new String[0])).id());
            assertThat(Grouping.rules(TestSupport.defaults())).isSameAs(org.alexandria.crash.internal.fingerprint.GroupingRules.DEFAULT);
        }
    }
}
