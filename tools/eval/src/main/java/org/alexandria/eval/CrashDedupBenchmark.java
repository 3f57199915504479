package org.alexandria.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.alexandria.crash.internal.parse.CrashParser;
import org.alexandria.crash.internal.similarity.CrashSimilarityIndex;
import org.alexandria.crash.internal.similarity.ScoredTrace;
import org.alexandria.crash.internal.similarity.Signal;
import org.alexandria.crash.internal.similarity.SimilarityConfig;
import org.alexandria.crash.internal.trace.ParseResult;
import org.alexandria.crash.internal.trace.ParsedTrace;

/**
 * {@code crash-dedup FILE [--rankings OUT.jsonl] [--ablation]}: crash deduplication on a JSONL file of
 * {@code {"id", "group", "exception_type", "trace_text"}} lines. Every trace is parsed and indexed by
 * the crash analyzer's {@link CrashSimilarityIndex}; every trace whose group has at least two members
 * is a query that ranks all other traces. Prints RR@1 (the first candidate is a duplicate), recall@5,
 * recall@10 and MRR, and RR@1 with ties at first place counted against the method and broken at random
 * (the index breaks ties by insertion order, here the file's order). {@code --ablation} adds the metrics
 * of the similarity with its parts added one by one and left out one by one.
 *
 * <p>The ranking sees the trace texts only, keyed by their row number: ids are mapped back for the
 * output, and groups are read only to score rankings already made.
 */
public final class CrashDedupBenchmark {

    static final String USAGE = "usage: crash-dedup FILE [--rankings OUT.jsonl] [--ablation]";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CrashDedupBenchmark() {
    }

    /** One line of the input file. */
    record Trace(String id, String group, String text) {
    }

    /** A candidate row of a ranking and its score. */
    record Candidate(int row, double score) {
    }

    /** @param args {@code FILE [--rankings OUT.jsonl] [--ablation]} */
    public static void main(String[] args) throws IOException {
        System.exit(run(List.of(args), System.out));
    }

    /**
     * @return 0 on success, 2 on bad arguments or an unreadable file
     * @throws IOException when the rankings cannot be written
     */
    public static int run(List<String> args, PrintStream out) throws IOException {
        Path file = null;
        Path rankingsFile = null;
        boolean ablation = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--rankings") && i + 1 < args.size()) {
                rankingsFile = Path.of(args.get(++i));
            } else if (a.equals("--ablation")) {
                ablation = true;
            } else if (!a.startsWith("--") && file == null) {
                file = Path.of(a);
            } else {
                out.println(USAGE);
                return 2;
            }
        }
        if (file == null) {
            out.println(USAGE);
            return 2;
        }
        List<Trace> traces;
        try {
            traces = read(file);
        } catch (IOException | IllegalArgumentException e) {
            out.println("crash-dedup: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        CrashParser parser = new CrashParser();
        List<ParseResult> parsed = traces.stream().map(t -> parser.parse(t.text())).toList();
        List<Integer> queries = queries(traces);
        long unparsed = parsed.stream().filter(p -> !(p instanceof ParsedTrace)).count();
        out.printf(Locale.ROOT, "traces %d (unparsed %d), queries %d%n", traces.size(), unparsed, queries.size());

        List<List<Candidate>> rankings = rank(parsed, SimilarityConfig.defaults());
        RankingMetrics metrics = score(traces, queries, rankings);
        out.printf(Locale.ROOT, "RR@1 %.4f%nrecall@5 %.4f%nrecall@10 %.4f%nMRR %.4f%n", metrics.recallAt(1),
                metrics.recallAt(5), metrics.recallAt(10), metrics.mrr());
        double[] ties = firstPlaceTies(traces, queries, rankings);
        out.printf(Locale.ROOT, "RR@1 with ties at first place counted as misses %.4f, broken at random %.4f%n",
                ties[0], ties[1]);
        if (rankingsFile != null) {
            try (RankingsWriter writer = new RankingsWriter(rankingsFile)) {
                for (int q : queries) {
                    writer.write(traces.get(q).id(), rankings.get(q).stream().limit(RankingsWriter.TOP)
                            .map(c -> traces.get(c.row()).id()).toList());
                }
            }
        }
        if (ablation) {
            printAblation(traces, queries, parsed, out);
        }
        return 0;
    }

    /**
     * Ranks, for every trace, all other traces. Sees only the parsed texts; the row number is the key.
     *
     * @return for each row, the other rows best first (rows that score 0 or did not parse are left out)
     */
    static List<List<Candidate>> rank(List<ParseResult> parsed, SimilarityConfig config) {
        CrashSimilarityIndex index = new CrashSimilarityIndex(config);
        for (int i = 0; i < parsed.size(); i++) {
            if (parsed.get(i) instanceof ParsedTrace trace) {
                index.add(Integer.toString(i), trace);
            }
        }
        List<List<Candidate>> rankings = new ArrayList<>(parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            List<Candidate> ranked = new ArrayList<>();
            if (parsed.get(i) instanceof ParsedTrace trace) {
                for (ScoredTrace s : index.rank(trace, index.size())) {
                    int row = Integer.parseInt(s.id());
                    if (row != i) {
                        ranked.add(new Candidate(row, s.score()));
                    }
                }
            }
            rankings.add(ranked);
        }
        return rankings;
    }

    /** @return the rows whose group has at least two members */
    static List<Integer> queries(List<Trace> traces) {
        Map<String, Integer> sizes = new HashMap<>();
        traces.forEach(t -> sizes.merge(t.group(), 1, Integer::sum));
        List<Integer> queries = new ArrayList<>();
        for (int i = 0; i < traces.size(); i++) {
            if (sizes.get(traces.get(i).group()) >= 2) {
                queries.add(i);
            }
        }
        return queries;
    }

    static RankingMetrics score(List<Trace> traces, List<Integer> queries, List<List<Candidate>> rankings) {
        RankingMetrics metrics = new RankingMetrics(1, 5, 10);
        for (int q : queries) {
            metrics.add(rankings.get(q).stream().map(Candidate::row).toList(), duplicates(traces, q));
        }
        return metrics;
    }

    /**
     * RR@1 when candidates tied at first place are ordered against the method (a hit only if all of them
     * are duplicates), and its expectation when they are ordered at random.
     *
     * @return {pessimistic, expected}
     */
    static double[] firstPlaceTies(List<Trace> traces, List<Integer> queries, List<List<Candidate>> rankings) {
        double pessimistic = 0;
        double expected = 0;
        for (int q : queries) {
            List<Candidate> ranked = rankings.get(q);
            if (ranked.isEmpty()) {
                continue;
            }
            Set<Integer> duplicates = duplicates(traces, q);
            double top = ranked.get(0).score();
            List<Candidate> tied = ranked.stream().filter(c -> c.score() == top).toList();
            long hits = tied.stream().filter(c -> duplicates.contains(c.row())).count();
            pessimistic += hits == tied.size() ? 1 : 0;
            expected += (double) hits / tied.size();
        }
        return queries.isEmpty() ? new double[2]
                : new double[] {pessimistic / queries.size(), expected / queries.size()};
    }

    private static Set<Integer> duplicates(List<Trace> traces, int query) {
        Set<Integer> duplicates = new HashSet<>();
        for (int i = 0; i < traces.size(); i++) {
            if (i != query && traces.get(i).group().equals(traces.get(query).group())) {
                duplicates.add(i);
            }
        }
        return duplicates;
    }

    /** What each part of the similarity contributes: parts added one by one, then each left out of the whole. */
    private static void printAblation(List<Trace> traces, List<Integer> queries, List<ParseResult> parsed,
            PrintStream out) {
        SimilarityConfig full = SimilarityConfig.defaults();
        SimilarityConfig cosine = full.withAlignmentWeight(0);
        Map<String, SimilarityConfig> configs = new LinkedHashMap<>();
        configs.put("TF-IDF cosine: exception types + frames", cosine.withSignals(Set.of()));
        configs.put("+ normalized frames", cosine.withSignals(EnumSet.of(Signal.NORMALIZED_FRAMES)));
        configs.put("+ in-app frames only", cosine.withSignals(EnumSet.of(Signal.NORMALIZED_FRAMES, Signal.IN_APP_ONLY)));
        configs.put("+ message words", cosine.withSignals(
                EnumSet.of(Signal.NORMALIZED_FRAMES, Signal.IN_APP_ONLY, Signal.MESSAGE_TERMS)));
        configs.put("+ frame units (classes, files)", cosine.withSignals(EnumSet.complementOf(EnumSet.of(Signal.PACKAGE_TERMS))));
        configs.put("+ frame packages", cosine);
        configs.put("+ PDM alignment = full", full);
        for (Signal s : Signal.values()) {
            EnumSet<Signal> without = EnumSet.allOf(Signal.class);
            without.remove(s);
            configs.put("full without " + s.name().toLowerCase(Locale.ROOT).replace('_', ' '), full.withSignals(without));
        }
        configs.put("PDM alignment alone", full.withAlignmentWeight(1));
        out.printf(Locale.ROOT, "%n%-42s %7s %9s %10s %7s %12s%n", "ablation", "RR@1", "recall@5", "recall@10", "MRR",
                "RR@1 ties-");
        configs.forEach((name, config) -> {
            List<List<Candidate>> rankings = rank(parsed, config);
            RankingMetrics m = score(traces, queries, rankings);
            out.printf(Locale.ROOT, "%-42s %7.4f %9.4f %10.4f %7.4f %12.4f%n", name, m.recallAt(1), m.recallAt(5),
                    m.recallAt(10), m.mrr(), firstPlaceTies(traces, queries, rankings)[0]);
        });
    }

    /** @throws IllegalArgumentException on a line that is not a trace object */
    static List<Trace> read(Path file) throws IOException {
        List<Trace> traces = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(lines.get(n));
            traces.add(new Trace(text(node, "id", n), text(node, "group", n), text(node, "trace_text", n)));
        }
        return traces;
    }

    private static String text(JsonNode node, String field, int line) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            throw new IllegalArgumentException("line " + (line + 1) + ": no \"" + field + "\"");
        }
        return value.asText();
    }
}
