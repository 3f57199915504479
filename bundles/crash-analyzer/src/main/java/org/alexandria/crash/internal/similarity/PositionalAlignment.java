package org.alexandria.crash.internal.similarity;

import java.util.List;
import org.alexandria.crash.internal.normalize.NormalizedFrame;

/**
 * ReBucket's position-dependent model (Dang et al., "ReBucket: A Method for Clustering Duplicate Crash
 * Reports Based on Call Stack Similarity", ICSE 2012): the best order-preserving alignment of two frame
 * sequences, where a match at positions i, j earns {@code exp(-c * min(i, j)) * exp(-o * |i - j|)},
 * normalised by the most two sequences of that length can earn. Frames near the top of the stack weigh
 * most, and a shared frame at a different depth counts less. Extension: two frames of the same unit but
 * different functions earn a fraction of a match, so the same class failing in another method is close
 * but not equal. Immutable and thread-safe.
 */
final class PositionalAlignment {

    private final double[] depthWeight;
    private final double[] offsetWeight;
    private final double[] normaliser;
    private final double unitCredit;

    PositionalAlignment(double positionDecay, double offsetPenalty, double unitCredit) {
        int n = FeatureExtractor.ALIGNED_FRAMES + 1;
        depthWeight = new double[n];
        offsetWeight = new double[n];
        normaliser = new double[n];
        for (int i = 0; i < n; i++) {
            depthWeight[i] = Math.exp(-positionDecay * i);
            offsetWeight[i] = Math.exp(-offsetPenalty * i);
            normaliser[i] = i == 0 ? 0 : normaliser[i - 1] + depthWeight[i - 1];
        }
        this.unitCredit = unitCredit;
    }

    /** @return similarity in [0, 1]; 0 when either sequence is empty */
    double similarity(List<NormalizedFrame> a, List<NormalizedFrame> b) {
        int n = Math.min(a.size(), FeatureExtractor.ALIGNED_FRAMES);
        int m = Math.min(b.size(), FeatureExtractor.ALIGNED_FRAMES);
        if (n == 0 || m == 0) {
            return 0;
        }
        double[] previous = new double[m + 1];
        double[] current = new double[m + 1];
        for (int i = 1; i <= n; i++) {
            NormalizedFrame fa = a.get(i - 1);
            for (int j = 1; j <= m; j++) {
                double match = match(fa, b.get(j - 1));
                double diagonal = previous[j - 1]
                        + (match == 0 ? 0 : match * depthWeight[Math.min(i, j) - 1] * offsetWeight[Math.abs(i - j)]);
                current[j] = Math.max(diagonal, Math.max(previous[j], current[j - 1]));
            }
            double[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(1, previous[m] / normaliser[Math.min(n, m)]);
    }

    private double match(NormalizedFrame a, NormalizedFrame b) {
        if (!a.unit().equals(b.unit())) {
            return 0;
        }
        // an unknown unit says nothing about two functions being related
        return a.function().equals(b.function()) ? 1 : a.unit().isEmpty() ? 0 : unitCredit;
    }
}
