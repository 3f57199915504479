package org.alexandria.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.alexandria.itests.Http.Reply;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Boots the distribution once and checks the platform from the outside (HTTP) and the inside (bundles,
 * console): everything ACTIVE, health, authentication and roles, bad input, hot deploy, console,
 * metrics.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT {

    private static final Duration BOOT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    BundleContext context;

    /** Injected once Karaf has installed every boot feature. */
    @Inject
    BootFinished bootFinished;

    @Inject
    SessionFactory sessions;

    private final Http http = new Http(AlexandriaOptions.HTTP_PORT);

    @Configuration
    public Option[] config() {
        return AlexandriaOptions.distribution();
    }

    @Test
    public void everyAlexandriaBundleIsActiveAndHealthIsUp() throws Exception {
        Reply health = http.awaitPlatform(BOOT);
        JsonNode report = JSON.readTree(health.body());
        assertEquals("UP", report.get("status").asText());
        List<String> notActive = new ArrayList<>();
        java.util.SortedSet<String> alexandria = new java.util.TreeSet<>();
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get("Fragment-Host") != null;
            if (bundle.getSymbolicName().startsWith("alexandria-")) {
                alexandria.add(bundle.getSymbolicName());
            }
            // every Alexandria bundle runs; no bundle at all is left unresolved
            boolean ours = bundle.getSymbolicName().startsWith("alexandria-");
            if (ours && bundle.getState() != Bundle.ACTIVE || !fragment && bundle.getState() == Bundle.INSTALLED) {
                notActive.add(bundle.getSymbolicName() + " state " + bundle.getState());
            }
        }
        assertTrue("bundles not running: " + notActive, notActive.isEmpty());
        assertEquals(new java.util.TreeSet<>(List.of("alexandria-api", "alexandria-core", "alexandria-rest", "alexandria-shell",
                "alexandria-tickets", "alexandria-crash-analyzer", "alexandria-knowledge-base", "alexandria-workflow-resolution",
                "alexandria-ui", "alexandria-demo")), alexandria);
    }

    @Test
    public void logHasNoErrorLines() throws Exception {
        http.awaitPlatform(BOOT);
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        List<String> errors = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("| ERROR |")).toList();
        assertTrue("ERROR lines in " + log + ": " + errors, errors.isEmpty());
    }

    @Test
    public void callsAreAuthenticatedAndRoleChecked() throws Exception {
        http.awaitPlatform(BOOT);
        Reply anonymous = http.get("/api/v1/me", null);
        assertEquals(401, anonymous.status());
        assertEquals("application/problem+json", anonymous.contentType());
        assertEquals("urn:alexandria:problem:unauthorized", JSON.readTree(anonymous.body()).get("type").asText());

        Reply wrongPassword = http.getWithPassword("/api/v1/me", "admin", "not-the-password");
        assertEquals(401, wrongPassword.status());

        Reply admin = http.get("/api/v1/me", "admin");
        assertEquals(200, admin.status());
        assertEquals("admin", JSON.readTree(admin.body()).get("name").asText());

        assertEquals(403, http.get("/api/v1/plugins", "executive").status());
        assertEquals(403, http.get("/api/v1/plugins", "agent").status());
        assertEquals(200, http.get("/api/v1/plugins", "manager").status());
        assertEquals(403, http.get("/metrics", "manager").status());
        assertEquals(403, http.get("/api/v1/audit/verify", "manager").status());
    }

    @Test
    public void apiTokensAuthenticateMachinesAndAreAudited() throws Exception {
        http.awaitPlatform(BOOT);
        Reply created = http.postJson("/api/v1/tokens", "admin", "{\"name\":\"itest-bot\",\"roles\":[\"agent\"]}");
        assertEquals(created.body(), 201, created.status());
        JsonNode issued = JSON.readTree(created.body());
        String secret = issued.get("secret").asText();
        String id = issued.get("token").get("id").asText();

        Reply me = http.getWithToken("/api/v1/me", secret);
        assertEquals(200, me.status());
        assertEquals("token:itest-bot", JSON.readTree(me.body()).get("name").asText());
        assertEquals(403, http.getWithToken("/api/v1/plugins", secret).status());
        assertEquals(401, http.getWithToken("/api/v1/me", secret + "x").status());
        assertEquals(403, http.postJson("/api/v1/tokens", "manager", "{\"name\":\"x\",\"roles\":[\"admin\"]}").status());

        assertEquals(204, http.send("DELETE", "/api/v1/tokens/" + id, "admin", null, null).status());
        assertEquals(401, http.getWithToken("/api/v1/me", secret).status());

        JsonNode audit = JSON.readTree(http.get("/api/v1/audit?entityType=api-token&entityId=" + id, "manager").body());
        List<String> actions = new ArrayList<>();
        audit.get("items").forEach(e -> actions.add(e.get("action").asText()));
        assertEquals(List.of("api-token.issue", "api-token.revoke"), actions);
        JsonNode verify = JSON.readTree(http.get("/api/v1/audit/verify", "admin").body());
        assertTrue(verify.toString(), verify.get("valid").asBoolean());
    }

    @Test
    public void badInputGetsProblemDetailsNeverA500() throws Exception {
        http.awaitPlatform(BOOT);
        assertProblem(http.postJson("/api/v1/tokens", "admin", "{\"name\": \"x\", "), 400, "malformed-json");
        assertProblem(http.postJson("/api/v1/tokens", "admin", "{\"name\": 42, \"roles\": [\"agent\"]}"), 400, "wrong-type");
        assertProblem(http.postJson("/api/v1/tokens", "admin", "{\"roles\": [\"agent\"]}"), 400, "missing-field");
        assertProblem(http.postJson("/api/v1/tokens", "admin", "{\"name\":\"x\",\"roles\":[\"agent\"],\"color\":1}"), 400,
                "unknown-field");
        assertProblem(http.postJson("/api/v1/tokens", "admin", "{\"name\":\"x\",\"roles\":[\"wizard\"]}"), 400, "validation");
        byte[] invalidUtf8 = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', ',', '"', 'r',
                'o', 'l', 'e', 's', '"', ':', '[', ']', '}'};
        assertProblem(http.send("POST", "/api/v1/tokens", "admin", "application/json", invalidUtf8), 400, "invalid-encoding");
        byte[] huge = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertProblem(http.send("POST", "/api/v1/tokens", "admin", "application/json", huge), 413, "payload-too-large");
        assertProblem(http.get("/api/v1/no-such-thing", "admin"), 404, "not-found");
        assertProblem(http.get("/api/v1/audit?limit=lots", "admin"), 400, "validation");
        assertProblem(http.get("/api/v1/audit?cursor=bm90LWEtY3Vyc29y", "admin"), 400, "validation");
        assertProblem(http.get("/api/v1/audit?from=yesterday", "admin"), 400, "validation");
        assertProblem(http.send("POST", "/api/v1/tokens", "admin", "text/plain", "hi".getBytes(StandardCharsets.UTF_8)), 415,
                "unsupported-media-type");
        assertProblem(http.send("PUT", "/api/v1/health", "admin", null, null), 405, "method-not-allowed");
    }

    @Test
    public void hotDeployedPluginComesAndGoesWhileCoreKeepsAnswering() throws Exception {
        http.awaitPlatform(BOOT);
        Path source = Path.of(System.getProperty("alexandria.itest.sampleJar"));
        Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", "alexandria-sample-hello.jar");
        Files.copy(source, deployed, StandardCopyOption.REPLACE_EXISTING);

        Reply hello = http.await("/api/v1/samples/hello", "agent", r -> r.status() == 200, Duration.ofSeconds(60));
        assertTrue(hello.body(), hello.body().contains("Hello, agent!"));
        Reply plugin = http.await("/api/v1/plugins/sample-hello", "admin", r -> r.body().contains("\"ACTIVE\""),
                Duration.ofSeconds(30));
        assertEquals(200, plugin.status());
        assertEquals(403, http.get("/api/v1/samples/hello", "executive").status());

        Files.delete(deployed);
        http.await("/api/v1/samples/hello", "agent", r -> r.status() == 404, Duration.ofSeconds(60));
        Reply gone = http.await("/api/v1/plugins/sample-hello", "admin", r -> r.body().contains("\"GONE\""),
                Duration.ofSeconds(30));
        assertEquals(200, gone.status());
        assertEquals(200, http.get("/api/v1/health", null).status());
        assertEquals(200, http.get("/api/v1/me", "agent").status());
        assertEquals(200, http.get("/api/v1/audit", "admin").status());
        assertEquals(200, http.get("/api/v1/plugins", "admin").status());
    }

    @Test
    public void consoleCommandsAnswer() throws Exception {
        http.awaitPlatform(BOOT);
        http.postJson("/api/v1/tokens", "admin", "{\"name\":\"console-check\",\"roles\":[\"executive\"]}");
        String plugins = execute("alexandria:plugins");
        assertTrue(plugins, plugins.contains("core") && plugins.contains("ACTIVE"));
        String health = execute("alexandria:health");
        assertTrue(health, health.contains("Platform: UP"));
        String audit = execute("alexandria:audit --type api-token");
        assertTrue(audit, audit.contains("api-token.issue"));
        String verify = execute("alexandria:audit-verify");
        assertTrue(verify, verify.contains("Audit trail intact"));
    }

    @Test
    public void metricsAreExposedInPrometheusFormat() throws Exception {
        http.awaitPlatform(BOOT);
        http.get("/api/v1/me", "agent");
        http.get("/api/v1/plugins", "executive");
        Reply scrape = http.await("/metrics", "admin", r -> r.status() == 200
                && r.body().contains("alexandria_http_request_duration_seconds_bucket"), Duration.ofSeconds(10));
        assertTrue(scrape.contentType(), scrape.contentType().startsWith("text/plain"));
        String body = scrape.body();
        assertTrue(body.contains("route=\"/api/v1/me\""));
        assertTrue(body.contains("status=\"403\""));
        assertTrue(body.contains("alexandria_plugin_health{plugin=\"core\",status=\"UP\",} 1.0"));
        assertTrue(body.contains("jvm_memory_bytes_used"));
        Path out = Path.of(System.getProperty("alexandria.itest.out"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("metrics.txt"), body);
    }

    private static void assertProblem(Reply reply, int status, String type) throws Exception {
        assertEquals(reply.body(), status, reply.status());
        assertEquals(reply.body(), "application/problem+json", reply.contentType());
        JsonNode problem = JSON.readTree(reply.body());
        assertEquals(reply.body(), "urn:alexandria:problem:" + type, problem.get("type").asText());
        assertEquals(status, problem.get("status").asInt());
        assertTrue(reply.body(), problem.hasNonNull("detail"));
        assertTrue("no stack trace: " + reply.body(), !reply.body().contains("\tat ") && !reply.body().contains("Exception:"));
    }

    private String execute(String command) throws Exception {
        return Console.execute(sessions, command);
    }
}
