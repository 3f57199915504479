package org.alexandria.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.alexandria.tickets.internal.dedup.CandidateFilter;
import org.alexandria.tickets.internal.dedup.DedupSettings;
import org.alexandria.tickets.internal.dedup.DuplicateIndex;
import org.alexandria.tickets.internal.dedup.DuplicateMatch;
import org.alexandria.tickets.internal.dedup.TicketText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * {@code ticket-dedup REPORTS.csv LINKS.csv [--rankings OUT.jsonl] [--without COMPONENT,...]}: replays bug reports
 * through the tickets plugin's {@link DuplicateIndex} in creation order, as the platform would see them, and scores
 * the "possible duplicates" list against the known duplicate links.
 *
 * <p>Every report with a linked duplicate created strictly before it is a query: the index then holds exactly the
 * reports created before it, and a hit is a linked duplicate. Reports created in the same minute are all asked about
 * before any of them is added. Only Summary, Description and Created reach the ranking; Status, Resolution and the
 * links are labels and are read only to pick queries and score them.
 */
public final class TicketDedupBenchmark {

    static final String USAGE = """
            usage: ticket-dedup REPORTS.csv LINKS.csv [--rankings OUT.jsonl] [--without COMPONENT[,COMPONENT...]]
              REPORTS.csv  columns Summary, Issue id, Created, Description (others ignored)
              LINKS.csv    columns Issue id, Duplicate id (a comma-separated list allowed)
              --rankings   also write {"query": id, "ranked": [id, ...]} lines, top 10
              --without    switch components off to measure them: %s""".formatted(String.join(", ", Ablation.NAMES));

    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("d/MMM/yy H:mm", Locale.ENGLISH);

    private TicketDedupBenchmark() {
    }

    /**
     * @param args the arguments, see {@link #USAGE}
     * @throws Exception on an unexpected failure
     */
    public static void main(String[] args) throws Exception {
        System.exit(run(List.of(args), System.out));
    }

    /**
     * @param args arguments after the benchmark name, see {@link #USAGE}
     * @param out  where the metrics (or the usage, or what cannot be read) go
     * @return 0 on success, 2 on bad arguments or unreadable input
     * @throws IOException on a failure writing the rankings
     */
    public static int run(List<String> args, PrintStream out) throws IOException {
        Arguments parsed;
        try {
            parsed = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("ticket-dedup: " + e.getMessage());
            out.println(USAGE);
            return 2;
        }
        List<Report> reports;
        Map<String, Set<String>> links;
        try {
            reports = readReports(parsed.reports());
            links = readLinks(parsed.links());
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            out.println("ticket-dedup: cannot read the input: " + e);
            return 2;
        }
        RankingMetrics metrics = new RankingMetrics(1, 5, 10);
        try (RankingsWriter rankings = parsed.rankings() == null ? null : new RankingsWriter(parsed.rankings())) {
            replay(reports, links, parsed.settings(), metrics, rankings);
        }
        Set<String> ids = reports.stream().map(Report::id).collect(Collectors.toSet());
        out.printf(Locale.ROOT, "reports %d, with a duplicate link %d, without: %s%n", reports.size(),
                links.keySet().stream().filter(ids::contains).count(),
                parsed.without().isEmpty() ? "-" : String.join(",", parsed.without()));
        out.print(metrics.report("recall"));
        return 0;
    }

    /**
     * Adds the reports to a fresh index in creation order; before a report is added, asks for its candidates if it
     * has a linked duplicate already indexed.
     */
    static void replay(List<Report> reports, Map<String, Set<String>> links, DedupSettings settings,
            RankingMetrics metrics, RankingsWriter rankings) throws IOException {
        List<Report> ordered = new ArrayList<>(reports);
        ordered.sort(Comparator.comparing(Report::created));
        Set<String> indexed = new HashSet<>();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                DuplicateIndex index = new DuplicateIndex(directory, settings)) {
            int start = 0;
            while (start < ordered.size()) {
                int end = start;
                while (end < ordered.size() && ordered.get(end).created().equals(ordered.get(start).created())) {
                    end++;
                }
                List<Report> sameTime = ordered.subList(start, end);
                for (Report report : sameTime) {
                    Set<String> earlier = new HashSet<>(links.getOrDefault(report.id(), Set.of()));
                    earlier.retainAll(indexed);
                    if (!earlier.isEmpty()) {
                        List<String> ranked = index.candidates(report.text(), RankingsWriter.TOP, CandidateFilter.NONE)
                                .stream().map(DuplicateMatch::ticketId).toList();
                        metrics.add(ranked, earlier);
                        if (rankings != null) {
                            rankings.write(report.id(), ranked);
                        }
                    }
                }
                for (Report report : sameTime) {
                    index.add(report.id(), report.text());
                    indexed.add(report.id());
                }
                start = end;
            }
        }
    }

    /**
     * @param file the reports CSV (header row, quoted multi-line fields)
     * @return its reports, in file order
     * @throws IOException              if it cannot be read
     * @throws IllegalArgumentException if a required column is missing or a creation time is unreadable
     */
    static List<Report> readReports(Path file) throws IOException {
        List<Report> reports = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : csv().parse(in)) {
                reports.add(new Report(column(row, "Issue id").strip(), column(row, "Summary"),
                        column(row, "Description"), parseTime(column(row, "Created"))));
            }
        }
        return reports;
    }

    /**
     * @param file the links CSV
     * @return for each report id, the ids linked to it as duplicates, in both directions
     * @throws IOException              if it cannot be read
     * @throws IllegalArgumentException if a required column is missing
     */
    static Map<String, Set<String>> readLinks(Path file) throws IOException {
        Map<String, Set<String>> links = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : csv().parse(in)) {
                String a = column(row, "Issue id").strip();
                for (String b : column(row, "Duplicate id").split(",")) {
                    b = b.strip();
                    if (!b.isEmpty() && !b.equals(a)) {
                        links.computeIfAbsent(a, x -> new HashSet<>()).add(b);
                        links.computeIfAbsent(b, x -> new HashSet<>()).add(a);
                    }
                }
            }
        }
        return links;
    }

    private static CSVFormat csv() {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
    }

    private static String column(CSVRecord row, String name) {
        if (!row.isMapped(name)) {
            throw new IllegalArgumentException("no column '" + name + "'");
        }
        return row.isSet(name) ? row.get(name) : "";
    }

    /** JIRA exports write {@code 30/Sep/21 17:20}; ISO-8601 is accepted too. The zone does not matter for order. */
    static Instant parseTime(String text) {
        String t = text.strip();
        try {
            return LocalDateTime.parse(t, JIRA_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException jira) {
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException iso) {
                throw new IllegalArgumentException("unreadable time '" + text + "'", jira);
            }
        }
    }

    /** One bug report, reduced to what the ranking may read plus its id. */
    record Report(String id, String summary, String description, Instant created) {

        TicketText text() {
            return TicketText.of(summary, description, created);
        }
    }

    /** Components that {@code --without} can switch off, and the settings without them. */
    enum Ablation {
        /** Indexed subjects weigh as much as descriptions. */
        FIELDS,
        /** Only the subject of the asking report is searched. */
        DESCRIPTION,
        /** Code identifiers are not split into words. */
        IDENTIFIERS,
        /** Version numbers are not indexed as their major.minor family. */
        VERSIONS,
        /** No stemming. */
        STEMMING,
        /** No stack-trace signal. */
        TRACES,
        /** No recency prior. */
        RECENCY;

        static final List<String> NAMES = Arrays.stream(values()).map(a -> a.name().toLowerCase(Locale.ROOT)).toList();

        DedupSettings apply(DedupSettings s) {
            return switch (this) {
                case FIELDS -> s.withSubjectWeight(1);
                case DESCRIPTION -> s.withDescriptionTerms(0);
                case IDENTIFIERS -> s.withAnalysis(false, s.versionFamilies(), s.stem());
                case VERSIONS -> s.withAnalysis(s.splitIdentifiers(), false, s.stem());
                case STEMMING -> s.withAnalysis(s.splitIdentifiers(), s.versionFamilies(), false);
                case TRACES -> s.withTraceWeight(0);
                case RECENCY -> s.withRecencyDays(0);
            };
        }
    }

    /** Parsed command line. */
    record Arguments(Path reports, Path links, Path rankings, List<String> without) {

        static Arguments parse(List<String> args) {
            List<String> files = new ArrayList<>();
            Path rankings = null;
            List<String> without = List.of();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--rankings") || arg.equals("--without")) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    String value = args.get(++i);
                    if (arg.equals("--rankings")) {
                        rankings = Path.of(value);
                    } else {
                        without = Arrays.stream(value.split(",")).map(String::strip).toList();
                    }
                } else if (arg.startsWith("--")) {
                    throw new IllegalArgumentException("unknown option " + arg);
                } else {
                    files.add(arg);
                }
            }
            if (files.size() != 2) {
                throw new IllegalArgumentException("expected REPORTS.csv and LINKS.csv");
            }
            for (String name : without) {
                if (!Ablation.NAMES.contains(name)) {
                    throw new IllegalArgumentException("unknown component " + name);
                }
            }
            return new Arguments(Path.of(files.get(0)), Path.of(files.get(1)), rankings, without);
        }

        DedupSettings settings() {
            DedupSettings settings = DedupSettings.defaults();
            for (String name : without) {
                settings = Ablation.valueOf(name.toUpperCase(Locale.ROOT)).apply(settings);
            }
            return settings;
        }
    }
}
