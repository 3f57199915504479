package org.alexandria.bench.kb;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.alexandria.kb.internal.search.Article;
import org.alexandria.kb.internal.search.ArticleFilter;
import org.alexandria.kb.internal.search.ArticleIndex;
import org.alexandria.kb.internal.search.SearchRequest;
import org.alexandria.kb.internal.suggest.Suggester;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.lucene.store.FSDirectory;
import org.HdrHistogram.Histogram;

/**
 * {@code kb-latency [--articles N] [--queries N] [--seed S] [--real FILE|none] [--dir DIR] [--warmup N]
 * [--passes N] [--limit N]}: latency of the knowledge base's real search ({@link ArticleIndex#search}, with its
 * fuzzy matching, filter and highlighting) and suggestions ({@link Suggester#suggest}) on generated articles
 * ({@link ArticleGenerator}), against a bare Lucene BM25 index of the same articles ({@link BareIndex}).
 *
 * <p>Both indexes live in {@link FSDirectory}s on disk, as the plugin's does. Queries: {@code --queries} of each
 * generated kind (search-box keywords, held-back questions, tickets) and as many real customer questions, the
 * {@code text} column of a CSV such as BANKING77's train.csv (no other column is read). After {@code --warmup}
 * unmeasured passes over all queries, each of {@code --passes} passes runs every query, in a shuffled order, on
 * the three engines in turn (rotating which goes first), single-threaded; each call is timed with
 * {@code System.nanoTime} into an HdrHistogram. Prints the build times, index sizes, retained heap, and
 * p50/p90/p99/max per engine and query kind, in milliseconds.
 */
public final class KbLatency {

    static final String USAGE = "usage: kb-latency [--articles 100000] [--queries 1000] [--seed 42] "
            + "[--real ../shared/data/kb-intents-dev/train.csv|none] [--dir DIR [--reuse]] [--warmup 1] [--warmup-queries N] [--passes 1] [--limit 10]";

    private static final List<String> ENGINES = List.of("search", "suggest", "bare-bm25");

    private KbLatency() {
    }

    /** A query and its kind. */
    record Query(String kind, String text) {
    }

    @FunctionalInterface
    interface Engine {
        int run(String text) throws IOException;
    }

    /** @return 0, or 2 on bad arguments */
    public static int run(String[] args, PrintStream out) throws IOException {
        int articles = 100_000;
        int perKind = 1000;
        long seed = 42;
        String real = "../shared/data/kb-intents-dev/train.csv";
        Path dir = null;
        int warmup = 1;
        int passes = 1;
        int limit = 10;
        boolean reuse = false;
        int warmupQueries = Integer.MAX_VALUE;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--articles" -> articles = Integer.parseInt(args[++i]);
                    case "--queries" -> perKind = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--real" -> real = args[++i];
                    case "--dir" -> dir = Path.of(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--passes" -> passes = Integer.parseInt(args[++i]);
                    case "--limit" -> limit = Integer.parseInt(args[++i]);
                    case "--reuse" -> reuse = true;
                    case "--warmup-queries" -> warmupQueries = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        if (reuse && dir == null) {
            out.println("--reuse needs --dir");
            out.println(USAGE);
            return 2;
        }
        boolean temporary = dir == null;
        dir = temporary ? Files.createTempDirectory("kb-latency") : Files.createDirectories(dir);
        Path alexandriaDir = dir.resolve("alexandria");
        Path bareDir = dir.resolve("bare");
        reuse = reuse && Files.isDirectory(alexandriaDir) && Files.isDirectory(bareDir);
        for (Path p : List.of(alexandriaDir, bareDir)) {
            if (!reuse && Files.exists(p)) {
                deleteTree(p);
            }
        }
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "java %s, %d processors, max heap %d MB%n", System.getProperty("java.version"),
                rt.availableProcessors(), rt.maxMemory() >> 20);

        // 1. articles, 2. indexes (or the indexes a previous run with the same --dir, --articles and --seed left)
        long t0;
        ArticleGenerator generator = new ArticleGenerator(seed);
        FSDirectory alexandriaFs = FSDirectory.open(alexandriaDir);
        ArticleIndex index = new ArticleIndex(alexandriaFs);
        FSDirectory bareFs = FSDirectory.open(bareDir);
        BareIndex bare = new BareIndex(bareFs);
        if (reuse && index.articleCount() == 0) {
            // ArticleIndex opens an index written with an older layout empty: build both again
            out.println("the index in " + alexandriaDir + " has another layout: rebuilding");
            reuse = false;
        }
        if (reuse) {
            bare.open();
            out.printf(Locale.ROOT, "reusing the indexes in %s: %d articles, %.1f MB and %.1f MB on disk%n", dir,
                    index.articleCount(), size(alexandriaDir) / 1e6, size(bareDir) / 1e6);
        } else {
            long heapEmpty = usedHeapAfterGc();
            t0 = System.nanoTime();
            List<Article> corpus = new ArrayList<>(articles);
            for (int i = 0; i < articles; i++) {
                corpus.add(generator.article(i));
            }
            double generateS = (System.nanoTime() - t0) / 1e9;
            describe(corpus, out);
            out.printf(Locale.ROOT, "generated in %.1f s, %d MB of heap%n", generateS,
                    (usedHeapAfterGc() - heapEmpty) >> 20);
            t0 = System.nanoTime();
            index.rebuild(corpus);
            double buildS = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            bare.build(corpus);
            double bareBuildS = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "ArticleIndex.rebuild: %.1f s (%.0f articles/s), %d indexed articles, %.1f MB on "
                    + "disk (%s)%n", buildS, articles / buildS, index.articleCount(), size(alexandriaDir) / 1e6,
                    alexandriaFs.getClass().getSimpleName());
            out.printf(Locale.ROOT, "bare Lucene build:    %.1f s, %.1f MB on disk%n", bareBuildS,
                    size(bareDir) / 1e6);
            // the articles go out of scope here: they are the database's business, only the indexes stay
        }

        // 3. queries
        List<Query> queries = queries(generator, perKind, real, seed, out);
        Suggester suggester = new Suggester(index);
        int max = limit;
        Map<String, Engine> engines = new LinkedHashMap<>();
        engines.put("search", text -> index.search(new SearchRequest(text, ArticleFilter.PUBLISHED, max)).size());
        engines.put("suggest", text -> suggester.suggest(text, max).size());
        engines.put("bare-bm25", text -> bare.search(text, max).size());

        // 4. warm-up, then measured passes
        SplittableRandom order = new SplittableRandom(seed);
        t0 = System.nanoTime();
        List<Query> warmupSet = new ArrayList<>(queries);
        java.util.Collections.shuffle(warmupSet, new java.util.Random(seed));
        warmupSet = warmupSet.subList(0, Math.min(warmupQueries, warmupSet.size()));
        for (int w = 0; w < warmup; w++) {
            pass(warmupSet, engines, order, null, null);
        }
        out.printf(Locale.ROOT, "warm-up: %d pass(es) over %d queries x %d engines in %.1f s%n", warmup, warmupSet.size(),
                engines.size(), (System.nanoTime() - t0) / 1e9);
        Map<String, Histogram> latency = new LinkedHashMap<>();
        Map<String, long[]> results = new LinkedHashMap<>();
        t0 = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            pass(queries, engines, order, latency, results);
        }
        out.printf(Locale.ROOT, "measured: %d pass(es) in %.1f s%n%n", passes, (System.nanoTime() - t0) / 1e9);
        report(latency, results, queries, out);

        // 5. heap kept by the open indexes (searchers, term dictionaries' in-heap parts, caches)
        long both = usedHeapAfterGc();
        bare.close();
        bareFs.close();
        long alexandriaOnly = usedHeapAfterGc();
        index.close();
        alexandriaFs.close();
        long none = usedHeapAfterGc();
        out.printf(Locale.ROOT, "%nheap retained: ArticleIndex + Suggester %.1f MB, bare index %.1f MB "
                + "(index files are memory-mapped, outside the heap)%n", (alexandriaOnly - none) / 1e6,
                (both - alexandriaOnly) / 1e6);
        if (temporary) {
            deleteTree(dir);
        }
        return 0;
    }

    private static void pass(List<Query> queries, Map<String, Engine> engines, SplittableRandom random,
            Map<String, Histogram> latency, Map<String, long[]> results) throws IOException {
        List<Query> shuffled = new ArrayList<>(queries);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Query tmp = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, tmp);
        }
        List<String> names = new ArrayList<>(engines.keySet());
        for (int q = 0; q < shuffled.size(); q++) {
            Query query = shuffled.get(q);
            for (int e = 0; e < names.size(); e++) {
                String name = names.get((q + e) % names.size());
                long start = System.nanoTime();
                int found = engines.get(name).run(query.text());
                long nanos = System.nanoTime() - start;
                if (latency != null) {
                    for (String key : List.of(name + "|" + query.kind(), name + "|all")) {
                        latency.computeIfAbsent(key, k -> new Histogram(3)).recordValue(nanos);
                        long[] r = results.computeIfAbsent(key, k -> new long[2]);
                        r[0] += found;
                        r[1] += found == 0 ? 1 : 0;
                    }
                }
            }
        }
    }

    private static void report(Map<String, Histogram> latency, Map<String, long[]> results, List<Query> queries,
            PrintStream out) {
        List<String> kinds = new ArrayList<>(queries.stream().map(Query::kind).distinct().toList());
        kinds.add("all");
        out.println("| engine | queries | n | p50 ms | p90 ms | p99 ms | max ms | mean ms | hits/query | no hit |");
        out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (String engine : ENGINES) {
            for (String kind : kinds) {
                Histogram h = latency.get(engine + "|" + kind);
                if (h == null) {
                    continue;
                }
                long[] r = results.get(engine + "|" + kind);
                long n = h.getTotalCount();
                out.printf(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %.2f | %.1f | %.2f | %.1f | %.1f%% |%n", engine,
                        kind, n, ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                        ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()), h.getMean() / 1e6, (double) r[0] / n,
                        100.0 * r[1] / n);
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static List<Query> queries(ArticleGenerator generator, int perKind, String real, long seed,
            PrintStream out) throws IOException {
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            queries.add(new Query("keywords", generator.keywords(i)));
        }
        for (int i = 0; i < perKind; i++) {
            queries.add(new Query("question", generator.question(i)));
        }
        for (int i = 0; i < perKind; i++) {
            queries.add(new Query("ticket", generator.ticket(i)));
        }
        if (!real.equals("none")) {
            Path file = Path.of(real);
            if (Files.isReadable(file)) {
                List<String> texts = realTexts(file);
                SplittableRandom pick = new SplittableRandom(seed);
                for (int i = 0; i < perKind && !texts.isEmpty(); i++) {
                    queries.add(new Query("real", texts.remove(pick.nextInt(texts.size()))));
                }
            } else {
                out.println("no real questions: " + file + " is not readable");
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Double> words = new LinkedHashMap<>();
        for (Query q : queries) {
            counts.merge(q.kind(), 1L, Long::sum);
            words.merge(q.kind(), (double) q.text().split("\\s+").length, Double::sum);
        }
        counts.forEach((kind, n) -> out.printf(Locale.ROOT, "queries %-8s %5d, %.1f words on average, e.g. \"%s\"%n",
                kind, n, words.get(kind) / n, queries.stream().filter(q -> q.kind().equals(kind)).findFirst()
                        .map(Query::text).orElse("")));
        return queries;
    }

    /** Reads the {@code text} column only; no other column (e.g. the category label) is touched. */
    private static List<String> realTexts(Path csv) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                        .parse(in)) {
            for (CSVRecord row : parser) {
                texts.add(row.get("text"));
            }
        }
        return texts;
    }

    private static void describe(List<Article> corpus, PrintStream out) {
        long words = 0;
        long questions = 0;
        long published = 0;
        for (Article a : corpus) {
            words += a.body().split("\\s+").length;
            questions += a.questions().size();
            published += ((Enum<?>) a.status()).name().equals("PUBLISHED") ? 1 : 0;
        }
        out.printf(Locale.ROOT, "articles %d (%d published), %.0f body words and %.2f example questions on average%n",
                corpus.size(), published, (double) words / corpus.size(), (double) questions / corpus.size());
        Article first = corpus.get(0);
        out.println("e.g. \"" + first.title() + "\": " + first.questions());
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
