package org.alexandria.crash.internal.rest;

import static org.alexandria.crash.internal.service.TestSupport.javaTrace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.alexandria.api.audit.AuditQuery;
import org.alexandria.api.crash.CrashGroup;
import org.alexandria.api.crash.CrashGroupMatch;
import org.alexandria.api.crash.CrashGroupSummary;
import org.alexandria.api.crash.CrashReport;
import org.alexandria.api.crash.CrashReportReceipt;
import org.alexandria.api.crash.CrashReportSummary;
import org.alexandria.api.event.EventBus;
import org.alexandria.api.rest.Page;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.core.internal.audit.JpaAuditTrail;
import org.alexandria.core.internal.persistence.JdbcSchemaMigrator;
import org.alexandria.crash.internal.service.CrashAnalyzerService;
import org.alexandria.crash.internal.service.ServiceFactory;
import org.alexandria.crash.internal.service.TestSupport;
import org.alexandria.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The resources called as the JAX-RS runtime calls them, on the real service and H2. */
class CrashResourcesTest {

    private static final long LIMIT = 4096;

    TestDatabase db;
    JpaAuditTrail audit;
    CrashReportsResource reports;
    CrashGroupsResource groups;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.Kind.H2.create();
        audit = new JpaAuditTrail(db.entityManagerFactory(), new JdbcSchemaMigrator(db.dataSource()), mock(EventBus.class));
        CrashAnalyzerService service = ServiceFactory.create(db, audit, TestSupport.config(LIMIT, 5, new String[0], new String[0]));
        reports = new CrashReportsResource(service);
        groups = new CrashGroupsResource(service);
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
    }

    static HttpHeaders contentType(String type) {
        HttpHeaders headers = mock(HttpHeaders.class);
        when(headers.getMediaType()).thenReturn(MediaType.valueOf(type));
        return headers;
    }

    static SecurityContext user(String name) {
        SecurityContext security = mock(SecurityContext.class);
        Principal principal = () -> name;
        when(security.getUserPrincipal()).thenReturn(principal);
        return security;
    }

    Response json(String body) throws IOException {
        return reports.submit(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), contentType("application/json"),
                null, null, null, null, null, null, null, null);
    }

    CrashReportReceipt submit(String text, String app, String version) throws IOException {
        Response response = reports.submit(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                contentType("text/plain"), app, version, "Linux", null, "c-1", "2026-01-31T12:00:00Z", "T-1", null);
        assertThat(response.getStatus()).isEqualTo(201);
        return (CrashReportReceipt) response.getEntity();
    }

    static void problem(ThrowingCallable call, int status, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(status);
            assertThat(p.getMessage()).contains(detail);
        });
    }

    @Test
    void aRawLogWithMetadataIsStoredAndGrouped() throws Exception {
        CrashReportReceipt receipt = submit(javaTrace("java.lang.IllegalStateException", "x", "Pool", "borrow", 5), "shop", "1.2");

        Response response = reports.submit(new ByteArrayInputStream(
                javaTrace("java.lang.IllegalStateException", "x", "Pool", "borrow", 5).getBytes(StandardCharsets.UTF_8)),
                contentType("text/plain"), null, null, null, null, null, null, null, "import");

        assertThat(response.getLocation().toString()).isEqualTo("/api/v1/crash-reports/" + ((CrashReportReceipt) response.getEntity()).reportId());
        assertThat(receipt.parsed()).isTrue();
        CrashReport report = reports.get(receipt.reportId());
        assertThat(report.app()).isEqualTo("shop");
        assertThat(report.appVersion()).isEqualTo("1.2");
        assertThat(report.ticketId()).isEqualTo("T-1");
        assertThat(report.occurredAt()).hasToString("2026-01-31T12:00:00Z");
        assertThat(report.source()).isEqualTo("api");
        assertThat(reports.get(((CrashReportReceipt) response.getEntity()).reportId()).source()).isEqualTo("import");
        assertThat(groups.get(receipt.groupId()).reportCount()).isEqualTo(2);
        assertThat(reports.content(receipt.reportId())).startsWith("java.lang.IllegalStateException: x");
    }

    @Test
    void aJsonReportCarriesItsMetadata() throws Exception {
        String trace = javaTrace("java.lang.IllegalStateException", "x", "Pool", "borrow", 5).replace("\n", "\\n").replace("\t", "\\t");
        Response response = json("{\"content\": \"" + trace + "\", \"app\": \"shop\", \"appVersion\": \"2.0\","
                + " \"os\": \"iOS 17\", \"device\": \"iPhone\", \"customerId\": \"c-7\", \"occurredAt\": \"2026-02-01T08:00:00Z\","
                + " \"ticketId\": \"T-9\", \"source\": \"ticket-attachment\"}");

        CrashReportReceipt receipt = (CrashReportReceipt) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(receipt.parsed()).isTrue();
        CrashReport report = reports.get(receipt.reportId());
        assertThat(report.device()).isEqualTo("iPhone");
        assertThat(report.customerId()).isEqualTo("c-7");
        assertThat(report.source()).isEqualTo("ticket-attachment");
        assertThat(report.occurredAt()).hasToString("2026-02-01T08:00:00Z");
    }

    @Test
    void malformedJsonIsACallerError() throws Exception {
        // the platform's problem mapper answers Jackson's parse and mapping errors with 400
        assertThatThrownBy(() -> json("{\"content\": ")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> json("{\"content\": \"x\", \"colour\": 1}")).isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> json("{\"content\": 42}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> json("{\"content\": \"x\"} trailing")).isInstanceOf(JsonProcessingException.class);
        problem(() -> reports.submit(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), contentType("application/json"),
                "web", null, null, null, null, null, null, null), 400, "query parameters");
        problem(() -> json("{\"content\": \"x\", \"occurredAt\": \"soon\"}"), 400, "occurredAt");
        assertThat(db.queryLong("SELECT COUNT(*) FROM alx_crash_report")).isZero();
    }

    @Test
    void binaryBodiesAreStoredAsUnparsed() throws Exception {
        byte[] garbage = new byte[3000];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 131);
        }
        Response response = reports.submit(new ByteArrayInputStream(garbage), contentType("application/octet-stream"),
                null, null, null, null, null, null, null, null);

        CrashReportReceipt receipt = (CrashReportReceipt) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(receipt.parsed()).isFalse();
        assertThat(receipt.unparsedReason()).isNotBlank();
        assertThat(reports.content(receipt.reportId())).contains("\uFFFD").doesNotContain("\u0000");
    }

    @Test
    void aLatin1BodyIsDecodedWithItsCharset() throws Exception {
        Response response = reports.submit(new ByteArrayInputStream("Fehler: Größe".getBytes(StandardCharsets.ISO_8859_1)),
                contentType("text/plain; charset=ISO-8859-1"), null, null, null, null, null, null, null, null);

        assertThat(reports.content(((CrashReportReceipt) response.getEntity()).reportId())).isEqualTo("Fehler: Größe");
    }

    @Test
    void badInputGets4xxAndStoresNothing() throws Exception {
        problem(() -> reports.submit(new ByteArrayInputStream(new byte[(int) LIMIT + 1]), contentType("text/plain"),
                null, null, null, null, null, null, null, null), 413, "limit");
        problem(() -> json("{\"content\": \"" + "x".repeat((int) LIMIT + 1) + "\"}"), 413, "limit");
        problem(() -> json("{\"app\": \"web\"}"),
                400, "content");
        problem(() -> json("null"), 400, "content");
        problem(() -> reports.submit(new ByteArrayInputStream(new byte[1]), contentType("text/plain; charset=klingon"),
                null, null, null, null, null, null, null, null), 415, "klingon");
        problem(() -> reports.submit(new ByteArrayInputStream(new byte[1]), contentType("text/plain"),
                null, null, null, null, null, "yesterday", null, null), 400, "occurredAt");
        assertThatThrownBy(() -> reports.submit(new ByteArrayInputStream(new byte[1]), contentType("text/plain"),
                "x".repeat(300), null, null, null, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        problem(() -> reports.get("nope"), 404, "nope");
        problem(() -> reports.content("nope"), 404, "nope");
        assertThat(db.queryLong("SELECT COUNT(*) FROM alx_crash_report")).isZero();
    }

    @Test
    void aFailingBodyStreamKeepsItsCause() throws Exception {
        IOException limit = new IOException("body limit");
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw limit;
            }
        };
        assertThatThrownBy(() -> reports.submit(failing, contentType("text/plain"), null, null, null, null, null, null,
                null, null)).isInstanceOf(ProblemException.class).hasCause(limit);
    }

    @Test
    void groupsArePagedWithOpaqueCursors() throws Exception {
        for (int i = 0; i < 7; i++) {
            submit(javaTrace("java.lang.IllegalStateException", "x", "Unit" + i, "run", 1), i < 3 ? "web" : "mobile", "1." + i);
        }
        for (String sort : new String[] {"count", "lastSeen", null}) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                Page<CrashGroupSummary> page = groups.list(null, null, null, null, null, sort, cursor, "3");
                page.items().forEach(g -> seen.add(g.id()));
                cursor = page.nextCursor();
            } while (cursor != null);
            assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        }
        assertThat(groups.list("web", null, null, "open", null, "count", null, null).items()).hasSize(3);
        assertThat(groups.list("mobile", "1.4", null, null, null, null, null, null).items()).hasSize(1);
        assertThat(groups.list(null, null, null, "merged", null, null, null, null).items()).isEmpty();
        assertThat(groups.list(null, null, null, null, "unit5", null, null, null).items()).hasSize(1);

        problem(() -> groups.list(null, null, null, null, null, null, "bm90LWEtY3Vyc29y", null), 400, "cursor");
        problem(() -> groups.list(null, null, null, null, null, null, "%%%", null), 400, "cursor");
        problem(() -> groups.list(null, null, null, null, null, null, null, "0"), 400, "limit");
        problem(() -> groups.list(null, null, null, null, null, null, null, "ten"), 400, "limit");
        problem(() -> groups.list(null, null, null, null, null, "size", null, null), 400, "sort");
        problem(() -> groups.list(null, null, null, "CLOSED", null, null, null, null), 400, "status");
        problem(() -> groups.list(null, null, null, null, "x".repeat(501), null, null, null), 400, "text");
    }

    @Test
    void reportsOfAGroupArePaged() throws Exception {
        String trace = javaTrace("java.lang.IllegalStateException", "x", "Pool", "borrow", 5);
        String group = null;
        for (int i = 0; i < 5; i++) {
            group = submit(trace, "web", "1").groupId();
        }
        String id = group;
        Page<CrashReportSummary> first = groups.reports(id, null, "2");
        Page<CrashReportSummary> second = groups.reports(id, first.nextCursor(), "2");
        Page<CrashReportSummary> third = groups.reports(id, second.nextCursor(), "2");

        assertThat(first.items()).hasSize(2);
        assertThat(third.items()).hasSize(1);
        assertThat(third.nextCursor()).isNull();
        problem(() -> groups.reports("nope", null, null), 404, "nope");
    }

    @Test
    void mergeSplitAndSimilar() throws Exception {
        String a = javaTrace("java.lang.IllegalStateException", "x", "Pool", "borrow", 5);
        String b = javaTrace("java.lang.IllegalStateException", "x", "Pool", "release", 5);
        CrashReportReceipt ra = submit(a, "web", "1");
        CrashReportReceipt rb = submit(b, "web", "1");
        CrashReportReceipt rb2 = submit(b, "web", "2");

        List<CrashGroupMatch> similar = groups.similar(new Bodies.SimilarRequest("see:\n" + a, null));
        assertThat(similar).extracting(CrashGroupMatch::groupId).startsWith(ra.groupId()).contains(rb.groupId());

        CrashGroup merged = groups.merge(ra.groupId(), new Bodies.MergeRequest(" " + rb.groupId() + " ", "same bug"), user("mia"));
        assertThat(merged.reportCount()).isEqualTo(3);
        assertThat(audit.query(new AuditQuery("crash-group", ra.groupId(), "mia", null, null, 0, 10))).hasSize(1);

        Response split = groups.split(rb.groupId(), new Bodies.SplitRequest(List.of(rb2.reportId()), null), user("ann"));
        assertThat(split.getStatus()).isEqualTo(201);
        assertThat(((CrashGroup) split.getEntity()).versions()).extracting(v -> v.value()).containsExactly("2");

        problem(() -> groups.merge(rb.groupId(), new Bodies.MergeRequest(null, null), user("mia")), 400, "target");
        problem(() -> groups.merge(rb.groupId(), new Bodies.MergeRequest("x", "r".repeat(1001)), user("mia")), 400, "reason");
        problem(() -> groups.split(rb.groupId(), new Bodies.SplitRequest(List.of(), null), user("mia")), 400, "reportIds");
        problem(() -> groups.split(rb.groupId(), new Bodies.SplitRequest(java.util.Collections.nCopies(1001, "x"), null),
                user("mia")), 400, "1000");
        problem(() -> groups.similar(new Bodies.SimilarRequest(a, 0)), 400, "limit");
        problem(() -> groups.similar(new Bodies.SimilarRequest(null, 3)), 400, "text");
        problem(() -> groups.similar(new Bodies.SimilarRequest("x".repeat((int) LIMIT + 1), 3)), 413, "limit");
        problem(() -> groups.get("nope"), 404, "nope");
    }

    @Test
    void searchFindsGroupsByWordsAndRefusesBadBodies() throws Exception {
        CrashReportReceipt pool = submit(javaTrace("java.lang.IllegalStateException", "pool exhausted", "ConnectionPool", "borrow", 5), "web", "1");
        submit(javaTrace("java.lang.NullPointerException", "cart is null", "Cart", "total", 5), "web", "1");

        List<CrashGroupMatch> found = groups.search(new Bodies.SimilarRequest("the connection pool seems exhausted", null));

        assertThat(found).extracting(CrashGroupMatch::groupId).startsWith(pool.groupId());
        problem(() -> groups.search(null), 400, "text");
        problem(() -> groups.search(new Bodies.SimilarRequest("pool", 51)), 400, "limit");
        problem(() -> groups.search(new Bodies.SimilarRequest("x".repeat((int) LIMIT + 1), 3)), 413, "limit");
    }
}
