package org.alexandria.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import javax.inject.Inject;
import org.alexandria.itests.Http.Reply;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The three domain plugins in the real distribution: each is used over REST and the console, then uninstalled
 * and reinstalled at run time while the others keep answering, and its data survives the round trip.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DomainPluginsIT {

    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final Duration CHANGE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * As {@code feature:uninstall -r} / {@code feature:install -r}: without it, the first feature operation after a
     * start also refreshes the JPA bundles (EclipseLink's javax.persistence has an optional import of
     * org.osgi.service.jpa that the boot resolution leaves unwired), which restarts every plugin once.
     */
    private static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    /**
     * A plugin as the test drives it: its feature, plugin id, a list endpoint, how to create one entity and where
     * the new entity's id is in the reply (a JSON pointer).
     */
    record Plugin(String feature, String id, String listPath, String createPath, String createBody,
            String idPointer, String readPathPrefix, String consoleCommand) {
    }

    private static final List<Plugin> PLUGINS = List.of(
            new Plugin("alexandria-tickets", "tickets", "/api/v1/tickets", "/api/v1/tickets",
                    "{\"subject\":\"Login fails after update\",\"description\":\"The app says invalid session\","
                            + "\"requesterEmail\":\"itest@example.org\",\"requesterName\":\"Itest\"}",
                    "/ticket/key", "/api/v1/tickets/", "alexandria:ticket-list"),
            new Plugin("alexandria-crash-analyzer", "crash-analyzer", "/api/v1/crash-groups", "/api/v1/crash-reports",
                    "{\"content\":\"java.lang.IllegalStateException: boom\\n\\tat com.example.Foo.bar(Foo.java:10)\\n"
                            + "\\tat com.example.Main.main(Main.java:3)\\n\",\"app\":\"itest\",\"appVersion\":\"1.0\"}",
                    "/reportId", "/api/v1/crash-reports/", "alexandria:crash-groups"),
            new Plugin("alexandria-knowledge-base", "knowledge-base", "/api/v1/kb/articles", "/api/v1/kb/articles",
                    "{\"title\":\"Reset your password\",\"body\":\"Use **Forgot password** on the sign-in page.\","
                            + "\"tags\":[\"account\"],\"product\":\"web\"}",
                    "/id", "/api/v1/kb/articles/", "alexandria:kb-search password"));

    @Inject
    SessionFactory sessions;

    @Inject
    FeaturesService features;

    /** Injected once Karaf has installed every boot feature. */
    @Inject
    BootFinished bootFinished;

    private final Http http = new Http(AlexandriaOptions.HTTP_PORT);

    @Configuration
    public Option[] config() {
        return AlexandriaOptions.distribution();
    }

    @Test
    public void eachPluginIsUsedRemovedAndReinstalledWithoutBreakingTheOthers() throws Exception {
        http.awaitPlatform(BOOT);
        for (Plugin plugin : PLUGINS) {
            Reply created = http.postJson(plugin.createPath(), "manager", plugin.createBody());
            assertEquals(plugin + ": " + created.body(), 201, created.status());
            String id = JSON.readTree(created.body()).at(plugin.idPointer()).asText();
            String read = plugin.readPathPrefix() + id;
            assertEquals(read, 200, http.get(read, "agent").status());
            assertEquals(200, http.get(plugin.listPath(), "executive").status());
            assertEquals(403, http.postJson(plugin.createPath(), "executive", plugin.createBody()).status());
            String console = execute(plugin.consoleCommand());
            assertTrue(plugin.consoleCommand() + " printed: " + console, !console.isBlank()
                    && !console.contains("Error executing command") && !console.contains("\tat "));

            features.uninstallFeature(plugin.feature(), NO_REFRESH);
            http.await(read, "agent", r -> r.status() == 404, CHANGE);
            http.await("/api/v1/plugins/" + plugin.id(), "admin", r -> r.body().contains("\"GONE\""), CHANGE);
            assertEquals(200, http.get("/api/v1/health", null).status());
            for (Plugin other : PLUGINS) {
                if (other != plugin) {
                    // Aries rebuilds the JAX-RS application when a plugin's resources leave (here also the
                    // workflow's, which needs the tickets plugin): a request in that moment may fail, so the others
                    // must answer again within a few seconds
                    http.await(other.listPath(), "agent", r -> r.status() == 200, Duration.ofSeconds(15));
                }
            }

            features.installFeature(plugin.feature(), NO_REFRESH);
            Reply again = http.await(read, "agent", r -> r.status() == 200, CHANGE);
            assertTrue(again.body(), again.body().contains(id));
            http.await("/api/v1/plugins/" + plugin.id(), "admin", r -> r.body().contains("\"ACTIVE\""), CHANGE);
        }
        JsonNode verify = JSON.readTree(http.get("/api/v1/audit/verify", "admin").body());
        assertTrue(verify.toString(), verify.get("valid").asBoolean());
    }

    private String execute(String command) throws Exception {
        return Console.execute(sessions, command);
    }
}
