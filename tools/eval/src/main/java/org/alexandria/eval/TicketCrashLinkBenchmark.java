package org.alexandria.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.persistence.EntityManagerFactory;
import org.alexandria.api.audit.AuditEntry;
import org.alexandria.api.audit.AuditQuery;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.audit.AuditVerification;
import org.alexandria.api.crash.CrashAnalyzer;
import org.alexandria.api.crash.CrashReportReceipt;
import org.alexandria.api.crash.CrashReportSubmission;
import org.alexandria.api.event.AlexandriaEvent;
import org.alexandria.api.event.EventBus;
import org.alexandria.core.internal.persistence.JdbcSchemaMigrator;
import org.alexandria.crash.internal.service.CrashAnalyzerService;
import org.alexandria.crash.internal.service.CrashConfig;
import org.alexandria.testing.TestDatabase;
import org.alexandria.workflow.resolution.internal.correlation.Candidate;
import org.alexandria.workflow.resolution.internal.correlation.CorrelationEngine;
import org.alexandria.workflow.resolution.internal.correlation.CorrelationSettings;
import org.alexandria.workflow.resolution.internal.correlation.Feature;
import org.alexandria.workflow.resolution.internal.correlation.LinkDecision;
import org.alexandria.workflow.resolution.internal.correlation.ScoreModel;
import org.alexandria.workflow.resolution.internal.correlation.TicketFacts;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * {@code ticket-crash-link CRASHES.jsonl TICKETS.jsonl [--rankings OUT.jsonl] [--ablation]}: ticket to crash-group
 * linking. The crashes ({@code {"id", "group", "exception_type", "trace_text"}} lines) are ingested, in file order,
 * by the real crash analyzer service on an in-memory H2 database (its own store, migrations and grouping); every
 * ticket ({@code {"id", "subject", "body", "crash_group"}}) then goes through the workflow's
 * {@link CorrelationEngine} with the default settings.
 *
 * <p>A crash group is represented by the crash that created it; a candidate is right when that crash's
 * {@code group} is the ticket's {@code crash_group}. Prints auto-link precision (right auto-links / auto-links),
 * auto-link recall (right auto-links / tickets with a crash_group), top-1 suggestion accuracy (the best candidate
 * is right, over tickets with a crash_group), the precision/recall curve over thresholds, and, when the tickets
 * carry a {@code kind}, recall per kind. Labels ({@code group}, {@code crash_group}, {@code kind}) are read only to
 * score; the engine sees the texts.
 */
public final class TicketCrashLinkBenchmark {

    static final String USAGE = "usage: ticket-crash-link CRASHES.jsonl TICKETS.jsonl [--rankings OUT.jsonl] [--ablation]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TicketCrashLinkBenchmark() {
    }

    /** One ticket line; {@code crashGroup} and {@code kind} are labels. */
    record Ticket(String id, String subject, String body, String crashGroup, String kind) {
    }

    /** The engine's answer for one ticket, in crash ids. */
    record Ranked(List<String> crashIds, List<Double> scores) {
        double top() {
            return scores.isEmpty() ? 0 : scores.get(0);
        }
    }

    /** Metrics at one threshold. */
    record Point(double threshold, int linked, int right, double precision, double recall) {
    }

    /** @param args {@code CRASHES TICKETS [--rankings OUT] [--ablation]} */
    public static int run(List<String> args, PrintStream out) throws IOException {
        List<String> files = new ArrayList<>();
        Path rankingsFile = null;
        boolean ablation = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--rankings") && i + 1 < args.size()) {
                rankingsFile = Path.of(args.get(++i));
            } else if (a.equals("--ablation")) {
                ablation = true;
            } else if (!a.startsWith("--")) {
                files.add(a);
            } else {
                out.println(USAGE);
                return 2;
            }
        }
        if (files.size() != 2) {
            out.println(USAGE);
            return 2;
        }
        List<CrashDedupBenchmark.Trace> crashes;
        List<Ticket> tickets;
        try {
            crashes = CrashDedupBenchmark.read(Path.of(files.get(0)));
            tickets = readTickets(Path.of(files.get(1)));
        } catch (IOException | IllegalArgumentException e) {
            out.println("ticket-crash-link: cannot read input: " + e.getMessage());
            return 2;
        }
        try (TestDatabase db = TestDatabase.Kind.H2.create()) {
            CrashAnalyzerService service = new CrashAnalyzerService(entityManagerFactory(db),
                    new JdbcSchemaMigrator(db.dataSource()), NO_EVENTS, NO_AUDIT, CONFIG);
            Map<String, String> representative = new HashMap<>();
            int unparsed = 0;
            for (CrashDedupBenchmark.Trace c : crashes) {
                CrashReportReceipt r = service.ingest(new CrashReportSubmission(c.text(), null, null, null, null, null,
                        null, null, "import"));
                if (!r.parsed()) {
                    unparsed++;
                } else if (r.newGroup()) {
                    representative.put(r.groupId(), c.id());
                }
            }
            Map<String, String> groupOfCrash = new HashMap<>();
            crashes.forEach(c -> groupOfCrash.put(c.id(), c.group()));
            long linkable = tickets.stream().filter(t -> t.crashGroup() != null).count();
            out.printf(Locale.ROOT, "crashes %d (unparsed %d) in %d crash groups; tickets %d (%d about a crash)%n",
                    crashes.size(), unparsed, representative.size(), tickets.size(), linkable);

            CachingCrashAnalyzer cached = new CachingCrashAnalyzer(service);
            CorrelationSettings settings = CorrelationSettings.DEFAULTS;
            List<Ranked> rankings = rank(new CorrelationEngine(cached, Clock.systemUTC()), tickets, representative);
            Point at = point(tickets, rankings, groupOfCrash, settings.autoLinkThreshold());
            out.printf(Locale.ROOT, "auto-link threshold %.2f: auto-links %d, right %d%n", at.threshold(), at.linked(), at.right());
            out.printf(Locale.ROOT, "auto-link precision %.4f%nauto-link recall %.4f%ntop-1 suggestion accuracy %.4f%n",
                    at.precision(), at.recall(), top1(tickets, rankings, groupOfCrash));
            out.printf(Locale.ROOT, "suggestions (score in [%.2f, %.2f)) %d, of which right %d%n", settings.suggestThreshold(),
                    settings.autoLinkThreshold(), suggestions(tickets, rankings, groupOfCrash, settings, false),
                    suggestions(tickets, rankings, groupOfCrash, settings, true));
            out.printf(Locale.ROOT, "%nthreshold  auto-links  precision  recall%n");
            for (int t = 5; t <= 95; t += 5) {
                Point p = point(tickets, rankings, groupOfCrash, t / 100.0);
                out.printf(Locale.ROOT, "%9.2f  %10d  %9.4f  %6.4f%n", p.threshold(), p.linked(), p.precision(), p.recall());
            }
            printPerKind(tickets, rankings, groupOfCrash, settings, out);
            if (rankingsFile != null) {
                try (RankingsWriter writer = new RankingsWriter(rankingsFile)) {
                    for (int i = 0; i < tickets.size(); i++) {
                        Ranked r = rankings.get(i);
                        Map<String, Object> extra = new LinkedHashMap<>();
                        extra.put("linked", settings.decide(r.top()) == LinkDecision.AUTO_LINK ? r.crashIds().get(0) : null);
                        writer.write(tickets.get(i).id(), r.crashIds(), extra);
                    }
                }
            }
            if (ablation) {
                printAblation(cached, tickets, representative, groupOfCrash, settings, out);
            }
        }
        return 0;
    }

    static List<Ranked> rank(CorrelationEngine engine, List<Ticket> tickets, Map<String, String> representative) {
        CorrelationSettings settings = new CorrelationSettings(CorrelationSettings.DEFAULTS.autoLinkThreshold(),
                CorrelationSettings.DEFAULTS.suggestThreshold(), RankingsWriter.TOP);
        Instant now = Instant.now();
        List<Ranked> rankings = new ArrayList<>();
        for (Ticket t : tickets) {
            List<Candidate> candidates = engine.correlate(new TicketFacts(t.id(), t.subject(), t.body(), null, null, null,
                    null, null, now), Set.of(), settings);
            List<String> ids = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            for (Candidate c : candidates) {
                String crash = representative.get(c.groupId());
                if (crash != null) {
                    ids.add(crash);
                    scores.add(c.score());
                }
            }
            rankings.add(new Ranked(ids, scores));
        }
        return rankings;
    }

    private static boolean right(Ticket t, Ranked r, Map<String, String> groupOfCrash) {
        return t.crashGroup() != null && !r.crashIds().isEmpty() && t.crashGroup().equals(groupOfCrash.get(r.crashIds().get(0)));
    }

    static Point point(List<Ticket> tickets, List<Ranked> rankings, Map<String, String> groupOfCrash, double threshold) {
        int linked = 0;
        int right = 0;
        long linkable = tickets.stream().filter(t -> t.crashGroup() != null).count();
        for (int i = 0; i < tickets.size(); i++) {
            Ranked r = rankings.get(i);
            if (!r.crashIds().isEmpty() && r.top() >= threshold) {
                linked++;
                right += right(tickets.get(i), r, groupOfCrash) ? 1 : 0;
            }
        }
        return new Point(threshold, linked, right, linked == 0 ? 1.0 : (double) right / linked,
                linkable == 0 ? 0 : (double) right / linkable);
    }

    static double top1(List<Ticket> tickets, List<Ranked> rankings, Map<String, String> groupOfCrash) {
        int linkable = 0;
        int right = 0;
        for (int i = 0; i < tickets.size(); i++) {
            if (tickets.get(i).crashGroup() != null) {
                linkable++;
                right += right(tickets.get(i), rankings.get(i), groupOfCrash) ? 1 : 0;
            }
        }
        return linkable == 0 ? 0 : (double) right / linkable;
    }

    private static int suggestions(List<Ticket> tickets, List<Ranked> rankings, Map<String, String> groupOfCrash,
            CorrelationSettings settings, boolean onlyRight) {
        int n = 0;
        for (int i = 0; i < tickets.size(); i++) {
            Ranked r = rankings.get(i);
            if (!r.crashIds().isEmpty() && settings.decide(r.top()) == LinkDecision.SUGGEST
                    && (!onlyRight || right(tickets.get(i), r, groupOfCrash))) {
                n++;
            }
        }
        return n;
    }

    private static void printPerKind(List<Ticket> tickets, List<Ranked> rankings, Map<String, String> groupOfCrash,
            CorrelationSettings settings, PrintStream out) {
        Map<String, int[]> kinds = new TreeMap<>();
        for (int i = 0; i < tickets.size(); i++) {
            Ticket t = tickets.get(i);
            if (t.kind() == null) {
                continue;
            }
            int[] c = kinds.computeIfAbsent(t.kind(), k -> new int[4]);
            Ranked r = rankings.get(i);
            boolean auto = !r.crashIds().isEmpty() && settings.decide(r.top()) == LinkDecision.AUTO_LINK;
            boolean ok = right(t, r, groupOfCrash);
            c[0]++;
            c[1] += auto ? 1 : 0;
            c[2] += auto && ok ? 1 : 0;
            c[3] += ok ? 1 : 0;
        }
        if (kinds.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "%n%-14s %7s %10s %11s %6s%n", "kind", "tickets", "auto-links", "right auto", "top-1");
        kinds.forEach((k, c) -> out.printf(Locale.ROOT, "%-14s %7d %10d %11d %6d%n", k, c[0], c[1], c[2], c[3]));
    }

    private static void printAblation(CrashAnalyzer analyzer, List<Ticket> tickets, Map<String, String> representative,
            Map<String, String> groupOfCrash, CorrelationSettings settings, PrintStream out) {
        Map<String, ScoreModel> models = new LinkedHashMap<>();
        models.put("full model", ScoreModel.DEFAULT);
        for (Feature f : Feature.values()) {
            models.put("without " + f.signal(), ScoreModel.DEFAULT.without(f));
        }
        models.put("without competition", ScoreModel.DEFAULT.withoutCompetition());
        out.printf(Locale.ROOT, "%n%-26s %9s %7s %6s  %s%n", "ablation", "precision", "recall", "top-1",
                "best recall at precision >= 0.85 (threshold)");
        models.forEach((name, model) -> {
            List<Ranked> rankings = rank(new CorrelationEngine(analyzer, Clock.systemUTC(), model), tickets, representative);
            Point p = point(tickets, rankings, groupOfCrash, settings.autoLinkThreshold());
            Point best = null;
            for (int t = 1; t <= 99; t++) {
                Point q = point(tickets, rankings, groupOfCrash, t / 100.0);
                if (q.precision() >= 0.85 && (best == null || q.recall() > best.recall())) {
                    best = q;
                }
            }
            out.printf(Locale.ROOT, "%-26s %9.4f %7.4f %6.4f  %s%n", name, p.precision(), p.recall(),
                    top1(tickets, rankings, groupOfCrash), best == null ? "-"
                            : String.format(Locale.ROOT, "%.4f (%.2f)", best.recall(), best.threshold()));
        });
    }

    /** @throws IllegalArgumentException on a line that is not a ticket object */
    static List<Ticket> readTickets(Path file) throws IOException {
        List<Ticket> tickets = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(lines.get(n));
            if (node == null || !node.isObject() || !node.hasNonNull("id") || !node.has("crash_group")) {
                throw new IllegalArgumentException("line " + (n + 1) + ": not a {\"id\", \"subject\", \"body\", \"crash_group\"} object");
            }
            tickets.add(new Ticket(node.get("id").asText(), node.path("subject").asText(""), node.path("body").asText(""),
                    node.get("crash_group").isNull() ? null : node.get("crash_group").asText(),
                    node.hasNonNull("kind") ? node.get("kind").asText() : null));
        }
        return tickets;
    }

    /** The crash analyzer's persistence unit, defined by a copy of its persistence.xml (the shaded jar holds several). */
    private static EntityManagerFactory entityManagerFactory(TestDatabase db) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, db.dataSource());
        properties.put(PersistenceUnitProperties.ECLIPSELINK_PERSISTENCE_XML, "META-INF/eval-crash-analyzer-persistence.xml");
        properties.put(PersistenceUnitProperties.SESSION_NAME, "eval-crash-analyzer");
        EntityManagerFactory emf = new PersistenceProvider().createEntityManagerFactory("alexandria-crash-analyzer", properties);
        if (emf == null) {
            throw new IllegalStateException("EclipseLink did not find the crash analyzer's persistence unit");
        }
        return emf;
    }

    private static final EventBus NO_EVENTS = (topic, source, payload) -> new AlexandriaEvent(java.util.UUID.randomUUID().toString(), topic, Instant.now(), source, payload);

    /** Audit entries are not part of what is measured. */
    private static final AuditTrail NO_AUDIT = new AuditTrail() {
        @Override
        public AuditEntry append(AuditRecord record) {
            return null;
        }

        @Override
        public List<AuditEntry> query(AuditQuery query) {
            return List.of();
        }

        @Override
        public AuditVerification verify() {
            throw new UnsupportedOperationException("not audited");
        }
    };

    /** The default configuration, without the periodic index refresh (one node). */
    private static final CrashConfig CONFIG = new CrashConfig() {
        @Override
        public Class<? extends Annotation> annotationType() {
            return CrashConfig.class;
        }

        @Override
        public long maxContentBytes() {
            return 10L * 1024 * 1024;
        }

        @Override
        public int groupingFrames() {
            return 5;
        }

        @Override
        public String[] inAppInclude() {
            return new String[0];
        }

        @Override
        public String[] inAppExclude() {
            return new String[0];
        }

        @Override
        public String[] groupByMessageTypes() {
            return new String[0];
        }

        @Override
        public int indexRefreshSeconds() {
            return 0;
        }
    };
}
