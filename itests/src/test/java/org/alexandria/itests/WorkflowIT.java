package org.alexandria.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumSet;
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
 * The ticket-to-resolution workflow in the real distribution with the demo data: a ticket carrying a stack trace
 * is linked to its crash group with articles, an agent accepts it (audited); with the crash analyzer removed
 * tickets still flow and the proposal says what is missing, and when it returns the waiting ticket is
 * correlated; the workflow itself can be removed and reinstalled and catches up with the tickets it missed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WorkflowIT {

    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final Duration CHANGE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
    /** The trace of the demo ticket ALX-1, whose crash group the demo data creates. */
    private static final String TRACE = "java.lang.NullPointerException: Attempt to invoke virtual method 'java.lang.String "
            + "com.shopfront.cart.CartItem.getSku()' on a null object reference\n"
            + "\tat com.shopfront.checkout.CheckoutPresenter.buildOrder(CheckoutPresenter.java:214)\n"
            + "\tat com.shopfront.checkout.CheckoutPresenter.onPayClicked(CheckoutPresenter.java:97)\n";

    @Inject
    SessionFactory sessions;

    @Inject
    FeaturesService features;

    @Inject
    BootFinished bootFinished;

    private final Http http = new Http(AlexandriaOptions.HTTP_PORT);

    @Configuration
    public Option[] config() {
        return AlexandriaOptions.distribution();
    }

    @Test
    public void ticketsAreLinkedAcceptedAndKeepFlowingWhilePluginsComeAndGo() throws Exception {
        http.awaitPlatform(BOOT);
        String routes = Console.execute(sessions, "camel:route-list");
        assertTrue(routes, routes.contains("ticket-to-resolution") && routes.contains("Started"));

        // a ticket with a pasted trace is linked automatically, with articles and a reply
        String key = createTicket("Checkout crash again", "Paying crashes the app:\n\n" + TRACE);
        JsonNode proposal = awaitResolution(key, r -> r.path("revision").asInt() >= 1);
        assertEquals(proposal.toString(), "AUTO_LINKED", proposal.at("/link/status").asText());
        assertTrue(proposal.toString(), proposal.at("/link/signature").asText().contains("CheckoutPresenter"));
        assertTrue(proposal.toString(), proposal.path("articles").size() > 0);
        assertTrue(proposal.toString(), proposal.path("reply").asText().contains("CheckoutPresenter"));
        assertEquals(403, http.get("/api/v1/tickets/" + key + "/resolution", "executive").status());

        Reply accepted = http.postJson("/api/v1/tickets/" + key + "/resolution/decisions", "agent",
                "{\"action\":\"ACCEPT\",\"reason\":\"same trace as the known crash\"}");
        assertEquals(accepted.body(), 200, accepted.status());
        assertEquals("ACCEPTED", JSON.readTree(accepted.body()).path("state").asText());
        // the ticket's timeline: the tickets plugin and the workflow both audit a ticket under its key
        String audit = http.get("/api/v1/audit?entityType=ticket&entityId=" + key + "&limit=100", "admin").body();
        assertTrue(audit, audit.contains("resolution.auto-link") && audit.contains("resolution.accept")
                && audit.contains("same trace as the known crash") && audit.contains("ticket.create"));
        // agents read one ticket's timeline, not the whole trail
        assertEquals(200, http.get("/api/v1/audit?entityType=ticket&entityId=" + key, "agent").status());
        assertEquals(403, http.get("/api/v1/audit?entityType=api-token", "agent").status());
        assertEquals(409, http.postJson("/api/v1/tickets/" + key + "/resolution/decisions", "agent",
                "{\"action\":\"ACCEPT\"}").status());

        // without the crash analyzer tickets still flow; the proposal says what is missing
        features.uninstallFeature("alexandria-crash-analyzer", NO_REFRESH);
        http.await("/api/v1/plugins/crash-analyzer", "admin", r -> r.body().contains("\"GONE\""), CHANGE);
        String waiting = createTicket("Pay button crash", "Crashed again when paying:\n\n" + TRACE);
        JsonNode degraded = awaitResolution(waiting, r -> r.path("revision").asInt() >= 1);
        assertTrue(degraded.toString(), degraded.path("unavailable").toString().contains("crash-analyzer"));
        assertTrue(degraded.toString(), degraded.path("link").isNull());
        assertTrue(degraded.toString(), degraded.path("articles").size() > 0);

        // when it returns, the waiting ticket is correlated
        features.installFeature("alexandria-crash-analyzer", NO_REFRESH);
        JsonNode recovered = awaitResolution(waiting, r -> r.path("unavailable").size() == 0 && !r.path("link").isNull());
        assertTrue(recovered.toString(), recovered.at("/link/signature").asText().contains("CheckoutPresenter"));

        // the workflow itself can go; tickets keep working and those it missed are run when it is back
        features.uninstallFeature("alexandria-workflow-resolution", NO_REFRESH);
        http.await("/api/v1/tickets/" + key + "/resolution", "agent", r -> r.status() == 404, CHANGE);
        String missed = createTicket("Crash while paying", TRACE);
        assertEquals(200, http.get("/api/v1/tickets/" + missed, "agent").status());
        features.installFeature("alexandria-workflow-resolution", NO_REFRESH);
        JsonNode caughtUp = awaitResolution(missed, r -> r.path("revision").asInt() >= 1);
        assertFalse(caughtUp.toString(), caughtUp.path("link").isNull());

        String console = Console.execute(sessions, "alexandria:resolution-show " + key);
        assertTrue(console, console.contains("ACCEPTED") && console.contains("CheckoutPresenter"));
        String calibration = Console.execute(sessions, "alexandria:resolution-calibration");
        assertTrue(calibration, calibration.contains("Precision") && calibration.contains("1 accepted"));
        assertTrue(JSON.readTree(http.get("/api/v1/audit/verify", "admin").body()).get("valid").asBoolean());
    }

    private String createTicket(String subject, String description) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("subject", subject).put("description", description)
                .put("requesterEmail", "workflow-it@example.org").put("requesterName", "Workflow IT")
                .put("product", "shopfront-android").put("appVersion", "4.2.1");
        Reply created = http.postJson("/api/v1/tickets", "agent", body.toString());
        assertEquals(created.body(), 201, created.status());
        return JSON.readTree(created.body()).at("/ticket/key").asText();
    }

    private JsonNode awaitResolution(String key, java.util.function.Predicate<JsonNode> condition) {
        Reply reply = http.await("/api/v1/tickets/" + key + "/resolution", "agent", r -> r.status() == 200 && condition.test(parse(r)), CHANGE);
        return parse(reply);
    }

    private static JsonNode parse(Reply reply) {
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
