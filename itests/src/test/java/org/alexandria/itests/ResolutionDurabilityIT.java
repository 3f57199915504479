package org.alexandria.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.alexandria.itests.Http.Reply;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.spi.PaxExamRuntime;

/**
 * Tickets acknowledged (201) just before Karaf is killed with SIGKILL still get their resolution proposal, each
 * exactly once, when the platform starts again on the same database: the workflow's catch-up sweep reads the
 * tickets' change feed from its stored cursor, and processing is idempotent.
 */
public class ResolutionDurabilityIT {

    private static final int TICKETS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Http http = new Http(AlexandriaOptions.HTTP_PORT);

    @Test
    public void everyAcknowledgedTicketGetsItsProposalExactlyOnceAfterAKill() throws Exception {
        Option[] options = AlexandriaOptions.distribution(AlexandriaOptions.withoutDemoData(), AlexandriaOptions.h2File("durability-db"));

        List<String> keys = new ArrayList<>();
        TestContainer first = PaxExamRuntime.createContainer(PaxExamRuntime.createServerSystem(options)).start();
        try {
            http.awaitPlatform(Duration.ofSeconds(120));
            // resources still register for a moment after the plugins report UP (the JAX-RS application is rebuilt)
            http.await("/api/v1/plugins/workflow-resolution", "admin", r -> r.status() == 200, Duration.ofSeconds(60));
            for (int i = 0; i < TICKETS; i++) {
                String body = "{\"subject\":\"Crash " + i + "\",\"description\":"
                        + "\"java.lang.IllegalStateException: closed\\n\\tat com.acme.Cache.get(Cache.java:" + i + ")\\n\","
                        + "\"requesterEmail\":\"durable@example.org\"}";
                Reply created = http.postJson("/api/v1/tickets", "agent", body);
                for (int attempt = 0; created.status() == 404 && attempt < 50; attempt++) {
                    Thread.sleep(200); // 404: not registered yet, nothing was stored
                    created = http.postJson("/api/v1/tickets", "agent", body);
                }
                assertEquals(created.body(), 201, created.status());
                keys.add(JSON.readTree(created.body()).at("/ticket/key").asText());
            }
            // killed right after the last acknowledgement, without a chance to finish anything
            assertTrue("the Karaf process under test was found and killed", killKaraf());
        } finally {
            first.stop();
        }

        TestContainer second = PaxExamRuntime.createContainer(PaxExamRuntime.createServerSystem(options)).start();
        try {
            http.awaitPlatform(Duration.ofSeconds(120));
            for (String key : keys) {
                http.await("/api/v1/tickets/" + key + "/resolution", "agent",
                        r -> r.status() == 200 && r.body().contains("\"revision\":1"), Duration.ofSeconds(120));
            }
            for (String key : keys) {
                JsonNode entries = JSON.readTree(http.get("/api/v1/audit?entityType=ticket&entityId=" + key + "&limit=1000",
                        "admin").body()).path("items");
                int proposed = 0;
                for (JsonNode e : entries) {
                    proposed += "resolution.proposed".equals(e.path("action").asText()) ? 1 : 0;
                }
                assertEquals(key + ": " + entries, 1, proposed);
                JsonNode resolution = JSON.readTree(http.get("/api/v1/tickets/" + key + "/resolution", "agent").body());
                assertEquals(key + ": " + resolution, 1, resolution.path("revision").asInt());
            }
            assertTrue(JSON.readTree(http.get("/api/v1/audit/verify", "admin").body()).get("valid").asBoolean());
        } finally {
            second.stop();
        }
    }

    /** SIGKILL to the Karaf JVM Pax Exam started: it runs from, or names, the distribution unpacked under target/exam. */
    private static boolean killKaraf() {
        long self = ProcessHandle.current().pid();
        Path exam = Path.of("target", "exam").toAbsolutePath();
        List<ProcessHandle> karafs = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> p.info().commandLine().map(c -> c.contains("org.apache.karaf.main.Main")).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains(exam.toString())).orElse(false) || runsIn(p, exam))
                .toList();
        karafs.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : karafs) {
            p.onExit().join();
        }
        return !karafs.isEmpty();
    }

    private static boolean runsIn(ProcessHandle process, Path dir) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd")).startsWith(dir);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
