package org.alexandria.demo.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditQuery;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.audit.EntityRef;
import org.alexandria.api.crash.CrashAnalyzer;
import org.alexandria.api.crash.CrashReportSubmission;
import org.alexandria.api.kb.KnowledgeBase;
import org.alexandria.api.kb.NewArticle;
import org.alexandria.api.ticket.Channel;
import org.alexandria.api.ticket.Environment;
import org.alexandria.api.ticket.NewTicket;
import org.alexandria.api.ticket.TicketPriority;
import org.alexandria.api.ticket.TicketType;
import org.alexandria.api.ticket.Tickets;
import org.jspecify.annotations.Nullable;

/**
 * Loads the demo data set from the bundle's {@code demo/*.json} through the API services: crash reports first
 * (so their groups exist), then published articles, then tickets. Runs once per database: an audit entry on {@link #MARKER} records that
 * the data was loaded, and its presence skips the next load (also on other nodes of a cluster).
 */
final class DemoLoader {

    /** The audit target that marks the demo data as loaded. */
    static final EntityRef MARKER = new EntityRef("demo-data", "v1");
    static final Actor ACTOR = Actor.system("demo-data");

    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Tickets tickets;
    private final CrashAnalyzer crashes;
    private final KnowledgeBase kb;
    private final AuditTrail audit;
    private final Clock clock;

    DemoLoader(Tickets tickets, CrashAnalyzer crashes, KnowledgeBase kb, AuditTrail audit, Clock clock) {
        this.tickets = tickets;
        this.crashes = crashes;
        this.kb = kb;
        this.audit = audit;
        this.clock = clock;
    }

    /** A crash log of the demo set, sent {@code repeat} times a few hours apart. */
    record DemoCrash(String content, String app, String appVersion, String os, String device, String customerEmail,
            int repeat) {
    }

    /** A ticket of the demo set. */
    record DemoTicket(String subject, String description, Channel channel, TicketPriority priority, TicketType type,
            String requesterEmail, String requesterName, @Nullable String product, @Nullable String appVersion,
            @Nullable String os, @Nullable String device, @Nullable Set<String> tags) {
    }

    /** @return whether the data was loaded by this call; false when it was there already */
    boolean loadOnce() {
        if (loaded()) {
            return false;
        }
        Instant now = clock.instant();
        int reports = 0;
        for (DemoCrash crash : read("demo/crashes.json", new TypeReference<List<DemoCrash>>() { })) {
            for (int i = 0; i < crash.repeat(); i++) {
                crashes.ingest(new CrashReportSubmission(crash.content(), crash.app(), crash.appVersion(), crash.os(),
                        crash.device(), crash.customerEmail(), now.minus(Duration.ofHours(6L * (i + 1))), null, "demo"));
                reports++;
            }
        }
        int articles = 0;
        for (NewArticle article : read("demo/articles.json", new TypeReference<List<NewArticle>>() { })) {
            kb.create(article, true, ACTOR);
            articles++;
        }
        int created = 0;
        for (DemoTicket t : read("demo/tickets.json", new TypeReference<List<DemoTicket>>() { })) {
            tickets.create(new NewTicket(t.subject(), t.description(), t.type(), t.priority(), t.channel(), null,
                    t.requesterEmail(), t.requesterName(), null, null, t.tags(), null, t.product(), t.appVersion(),
                    new Environment(t.os(), t.device())), ACTOR);
            created++;
        }
        audit.append(new AuditRecord(ACTOR, "demo-data.load", MARKER, null, null,
                "{\"crashReports\":" + reports + ",\"articles\":" + articles + ",\"tickets\":" + created + "}"));
        return true;
    }

    private boolean loaded() {
        return !audit.query(new AuditQuery(MARKER.type(), MARKER.id(), null, null, null, 0, 1)).isEmpty();
    }

    private <T> T read(String resource, TypeReference<T> type) {
        try (InputStream in = DemoLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing: " + resource);
            }
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
