package org.alexandria.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.alexandria.api.kb.ArticleStatus;
import org.alexandria.kb.internal.search.Article;
import org.alexandria.kb.internal.search.ArticleIndex;
import org.alexandria.kb.internal.search.ArticleIndexOptions;
import org.alexandria.kb.internal.suggest.ArticleSuggestion;
import org.alexandria.kb.internal.suggest.SuggestOptions;
import org.alexandria.kb.internal.suggest.Suggester;
import org.apache.commons.csv.CSVRecord;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * {@code kb-suggest TRAIN.csv TEST.csv [--rankings OUT.jsonl] [--without PART,...]}: knowledge-base suggestion
 * on labelled questions ({@code text, category}). Every category of TRAIN becomes one published article: id =
 * the category, title = the category name in words ("card_arrival" → "Card arrival"), empty body, and the
 * category's TRAIN questions as the article's example questions. The articles go through the plugin's real
 * {@link ArticleIndex} and {@link Suggester}; each TEST text is a ticket whose top 10 suggestions are scored
 * against its category, which the suggester never sees. {@code --without} switches parts off for ablation.
 */
public final class KbSuggestBenchmark {

    static final String USAGE = "usage: kb-suggest TRAIN.csv TEST.csv [--rankings OUT.jsonl] [--without PART,...]"
            + System.lineSeparator() + "parts: " + String.join(", ", Part.names());

    private static final int[] CUTOFFS = {1, 3, 10};

    private KbSuggestBenchmark() {
    }

    /** @param args see {@link #run(List, PrintStream)} */
    public static void main(String[] args) throws Exception {
        System.exit(run(List.of(args), System.out));
    }

    /**
     * @param args TRAIN.csv TEST.csv and options
     * @param out  where the metrics (or the usage) go
     * @return 0, or 2 on bad arguments or unreadable input
     * @throws IOException on an index or output failure
     */
    public static int run(List<String> args, PrintStream out) throws IOException {
        List<String> files = new ArrayList<>();
        Path rankings = null;
        Set<Part> without = Set.of();
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--rankings" -> rankings = Path.of(args.get(++i));
                    case "--without" -> without = Part.parse(args.get(++i));
                    default -> {
                        if (args.get(i).startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args.get(i));
                        }
                        files.add(args.get(i));
                    }
                }
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return usage(out, e.getMessage());
        }
        if (files.size() != 2) {
            return usage(out, "need TRAIN.csv and TEST.csv");
        }
        List<CSVRecord> train;
        List<CSVRecord> test;
        try {
            train = read(Path.of(files.get(0)));
            test = read(Path.of(files.get(1)));
        } catch (IOException | IllegalArgumentException e) {
            return usage(out, "cannot read input: " + e.getMessage());
        }
        List<Article> articles = articles(train);
        RankingMetrics metrics = new RankingMetrics(CUTOFFS);
        long[] nanos = new long[test.size()];
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                ArticleIndex index = new ArticleIndex(directory, Part.index(without));
                RankingsWriter writer = rankings == null ? null : new RankingsWriter(rankings)) {
            index.rebuild(articles);
            Suggester suggester = new Suggester(index, Part.suggest(without));
            for (int i = 0; i < test.size(); i++) {
                long start = System.nanoTime();
                List<ArticleSuggestion> suggestions = suggester.suggest(test.get(i).get("text"), RankingsWriter.TOP);
                nanos[i] = System.nanoTime() - start;
                List<String> ranked = suggestions.stream().map(ArticleSuggestion::articleId).toList();
                // The label is read only here, after ranking.
                metrics.add(ranked, Set.of(test.get(i).get(KbSplit.CATEGORY)));
                if (writer != null) {
                    writer.write(i, ranked);
                }
            }
        }
        out.printf("articles %d (from %d training questions)%n", articles.size(), train.size());
        out.println("without " + (without.isEmpty() ? "-" : String.join(",", Part.names(without))));
        out.print(metrics.report("accuracy"));
        Arrays.sort(nanos);
        out.printf(Locale.ROOT, "suggest ms p50 %.2f p99 %.2f%n", percentile(nanos, 0.50), percentile(nanos, 0.99));
        return 0;
    }

    /** Builds one article per category, categories and questions in file order. */
    static List<Article> articles(List<CSVRecord> train) {
        Map<String, List<String>> questions = new LinkedHashMap<>();
        for (CSVRecord row : train) {
            questions.computeIfAbsent(row.get(KbSplit.CATEGORY), c -> new ArrayList<>()).add(row.get("text"));
        }
        return questions.entrySet().stream()
                .map(e -> new Article(e.getKey(), title(e.getKey()), "", Set.of(), null, ArticleStatus.PUBLISHED,
                        e.getValue()))
                .toList();
    }

    /** @return "card_arrival" as "Card arrival" */
    static String title(String category) {
        String words = category.replace('_', ' ').strip();
        return words.isEmpty() ? category : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        KbSplit.Table table = KbSplit.Table.read(file);
        if (!table.header().contains("text")) {
            throw new IllegalArgumentException(file + " has no text column");
        }
        return table.records();
    }

    private static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int at = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, at)] / 1e6;
    }

    private static int usage(PrintStream out, String problem) {
        out.println(problem);
        out.println(USAGE);
        return 2;
    }

    /** Parts of the suggester that {@code --without} can switch off, named in lower case with dashes. */
    enum Part {
        /** kNN voting over example questions: rank by the article-level score only. */
        NEIGHBOURS,
        /** The article-level score: rank by neighbour votes only. */
        ARTICLES,
        /** Summing an article's best neighbour scores: count its best one only. */
        VOTING,
        /** Word-pair matches. */
        SHINGLES,
        /** Word-prefix matches. */
        PREFIXES,
        /** Porter stemming. */
        STEMMING,
        /** Spelling out "n't" as "not". */
        CONTRACTIONS,
        /** Classic TF-IDF for questions: score them with BM25 like the rest. */
        QUESTION_TFIDF,
        /** The larger BM25 k1 of the article-level text: use Lucene's default 1.2. */
        CONTENT_K1;

        /** Lucene's default BM25 k1. */
        private static final float DEFAULT_K1 = 1.2f;

        static Set<Part> parse(String list) {
            Set<Part> parts = EnumSet.noneOf(Part.class);
            for (String name : list.split(",")) {
                try {
                    parts.add(valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown part " + name);
                }
            }
            if (parts.containsAll(Set.of(NEIGHBOURS, ARTICLES))) {
                throw new IllegalArgumentException("cannot drop both neighbours and articles");
            }
            return parts;
        }

        static List<String> names() {
            return names(EnumSet.allOf(Part.class));
        }

        static List<String> names(Set<Part> parts) {
            return parts.stream().sorted().map(p -> p.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
        }

        static ArticleIndexOptions index(Set<Part> without) {
            ArticleIndexOptions d = ArticleIndexOptions.DEFAULT;
            return new ArticleIndexOptions(d.stemming() && !without.contains(STEMMING),
                    d.contractions() && !without.contains(CONTRACTIONS),
                    d.tfIdfQuestions() && !without.contains(QUESTION_TFIDF),
                    without.contains(CONTENT_K1) ? DEFAULT_K1 : d.contentK1());
        }

        static SuggestOptions suggest(Set<Part> without) {
            SuggestOptions d = SuggestOptions.DEFAULT;
            double articleWeight = without.contains(NEIGHBOURS) ? 1
                    : without.contains(ARTICLES) ? 0 : d.articleWeight();
            return new SuggestOptions(d.neighbours(), without.contains(VOTING) ? 1 : d.votesPerArticle(),
                    articleWeight, without.contains(SHINGLES) ? 0 : d.shingleWeight(),
                    without.contains(PREFIXES) ? 0 : d.prefixWeight());
        }
    }
}
