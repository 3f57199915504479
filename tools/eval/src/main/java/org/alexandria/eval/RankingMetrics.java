package org.alexandria.eval;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Accumulates the standard ranking metrics over queries: RR@1 (= accuracy@1 / recall@1 when the first
 * candidate is relevant), recall@k (share of queries with at least one relevant candidate in the top k)
 * and MRR (mean of 1 / rank of the first relevant candidate, 0 when none is ranked).
 */
public final class RankingMetrics {

    private final int[] cutoffs;
    private final long[] hits;
    private double reciprocalRanks;
    private long queries;

    /** @param cutoffs the k of each recall@k to report, e.g. 1, 5, 10 */
    public RankingMetrics(int... cutoffs) {
        this.cutoffs = cutoffs.clone();
        this.hits = new long[cutoffs.length];
    }

    /**
     * @param ranked   candidate ids, best first
     * @param relevant ids that count as a hit
     * @param <T>      id type
     */
    public <T> void add(List<T> ranked, Set<T> relevant) {
        queries++;
        int first = -1;
        for (int i = 0; i < ranked.size(); i++) {
            if (relevant.contains(ranked.get(i))) {
                first = i + 1;
                break;
            }
        }
        if (first > 0) {
            reciprocalRanks += 1.0 / first;
            for (int c = 0; c < cutoffs.length; c++) {
                if (first <= cutoffs[c]) {
                    hits[c]++;
                }
            }
        }
    }

    /** @return number of queries added */
    public long queries() {
        return queries;
    }

    /**
     * @param k a cutoff given to the constructor
     * @return share of queries with a relevant candidate in the top k
     */
    public double recallAt(int k) {
        for (int c = 0; c < cutoffs.length; c++) {
            if (cutoffs[c] == k) {
                return queries == 0 ? 0 : (double) hits[c] / queries;
            }
        }
        throw new IllegalArgumentException("no cutoff " + k);
    }

    /** @return mean reciprocal rank */
    public double mrr() {
        return queries == 0 ? 0 : reciprocalRanks / queries;
    }

    /**
     * @param label name of each recall@k line, e.g. "recall" or "accuracy"
     * @return the metrics as "name value" lines
     */
    public String report(String label) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "queries %d%n", queries));
        for (int k : cutoffs) {
            out.append(String.format(Locale.ROOT, "%s@%d %.4f%n", label, k, recallAt(k)));
        }
        out.append(String.format(Locale.ROOT, "MRR %.4f%n", mrr()));
        return out.toString();
    }
}
