package org.alexandria.crash.internal.similarity;

import java.util.EnumSet;
import java.util.Set;
import org.alexandria.crash.internal.trace.InAppRules;

/**
 * How traces are compared. The score is {@code (1 - alignmentWeight) * cosine + alignmentWeight *
 * alignment}, both in [0, 1]:
 * <ul>
 * <li>cosine: TF-IDF weighted cosine over the terms of a trace: exception types of the causal chain,
 * frames, and, as {@link #signals()} allow, the frames' units and the message words;</li>
 * <li>alignment: ReBucket's position-dependent model (Dang et al., ICSE 2012) over the frame
 * sequences, root cause first: matched frames earn {@code exp(-positionDecay * min(i, j))}, reduced by
 * {@code exp(-offsetPenalty * |i - j|)} when they sit at different depths; a frame of the same unit but
 * another function earns {@code unitCredit} of that.</li>
 * </ul>
 *
 * @param inApp           which frames are the application's
 * @param signals         optional parts of a trace that are used
 * @param alignmentWeight share of the alignment in the score, 0 for cosine alone
 * @param positionDecay   ReBucket's c: how fast frames lose weight with depth below the top
 * @param offsetPenalty   ReBucket's o: penalty for matching frames at different depths
 * @param unitCredit      credit in [0, 1] for aligning two frames of the same unit but different functions
 */
public record SimilarityConfig(InAppRules inApp, Set<Signal> signals, double alignmentWeight, double positionDecay,
        double offsetPenalty, double unitCredit) {

    public SimilarityConfig {
        signals = signals.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(signals));
        if (!(alignmentWeight >= 0 && alignmentWeight <= 1 && positionDecay >= 0 && offsetPenalty >= 0
                && unitCredit >= 0 && unitCredit <= 1)) {
            throw new IllegalArgumentException("similarity parameters out of range");
        }
    }

    /**
     * Every signal, alignment and cosine weighted equally, {@code c = o = 0.5} (a frame's weight halves
     * about every 1.4 frames of depth or of offset), half credit for the same unit.
     */
    public static SimilarityConfig defaults() {
        return new SimilarityConfig(InAppRules.defaults(), EnumSet.allOf(Signal.class), 0.5, 0.5, 0.5, 0.5);
    }

    /** @return true when the signal is on */
    public boolean uses(Signal signal) {
        return signals.contains(signal);
    }

    /** @return this configuration with the given signals only */
    public SimilarityConfig withSignals(Set<Signal> only) {
        return new SimilarityConfig(inApp, only, alignmentWeight, positionDecay, offsetPenalty, unitCredit);
    }

    /** @return this configuration with another alignment weight */
    public SimilarityConfig withAlignmentWeight(double weight) {
        return new SimilarityConfig(inApp, signals, weight, positionDecay, offsetPenalty, unitCredit);
    }
}
