package org.alexandria.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.alexandria.itests.Http.Reply;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.spi.PaxExamRuntime;

/**
 * Boots the distribution, writes audit entries, stops it hard, boots a fresh copy on the same database
 * file and checks that the entries are there and the hash chain still verifies, then appends more.
 */
public class AuditRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Http http = new Http(AlexandriaOptions.HTTP_PORT);

    @Test
    public void auditEntriesWrittenBeforeARestartStillVerifyAfterIt() throws Exception {
        Option[] options = AlexandriaOptions.distribution(AlexandriaOptions.h2File("restart-db"));

        TestContainer first = PaxExamRuntime.createContainer(PaxExamRuntime.createServerSystem(options)).start();
        String lastHash;
        try {
            awaitHealthy();
            for (int i = 0; i < 3; i++) {
                Reply created = http.postJson("/api/v1/tokens", "admin", "{\"name\":\"restart-" + i + "\",\"roles\":[\"agent\"]}");
                assertEquals(created.body(), 201, created.status());
            }
            JsonNode before = JSON.readTree(http.get("/api/v1/audit?entityType=api-token&limit=1000", "admin").body()).get("items");
            assertEquals(3, before.size());
            lastHash = before.get(2).get("hash").asText();
        } finally {
            first.stop();
        }

        TestContainer second = PaxExamRuntime.createContainer(PaxExamRuntime.createServerSystem(options)).start();
        try {
            awaitHealthy();
            JsonNode after = JSON.readTree(http.get("/api/v1/audit?entityType=api-token&limit=1000", "admin").body()).get("items");
            assertEquals(3, after.size());
            assertEquals(lastHash, after.get(2).get("hash").asText());
            JsonNode verify = JSON.readTree(http.get("/api/v1/audit/verify", "admin").body());
            assertTrue(verify.toString(), verify.get("valid").asBoolean());
            assertTrue(verify.toString(), verify.get("entriesChecked").asInt() >= 3);

            assertEquals(201, http.postJson("/api/v1/tokens", "admin", "{\"name\":\"after\",\"roles\":[\"agent\"]}").status());
            JsonNode appended = JSON.readTree(http.get("/api/v1/audit?entityType=api-token&limit=1000", "admin").body()).get("items");
            assertEquals(4, appended.size());
            assertTrue(appended.get(3).get("sequence").asLong() > appended.get(2).get("sequence").asLong());
            assertTrue(JSON.readTree(http.get("/api/v1/audit/verify", "admin").body()).get("valid").asBoolean());
        } finally {
            second.stop();
        }
    }

    private void awaitHealthy() {
        http.awaitPlatform(Duration.ofSeconds(120));
        http.await("/api/v1/audit", "admin", r -> r.status() == 200, Duration.ofSeconds(30));
    }
}
