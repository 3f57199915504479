package org.alexandria.workflow.resolution.internal.correlation;

import java.util.EnumMap;
import java.util.Map;

/**
 * How the signals make a score: a logistic model over the signal values, times the candidate's share among its
 * competitors.
 *
 * <p>{@code z = bias + sum(weight(f) * x(f))} where {@code x} is the signal's value in [0, 1] (for app version, OS
 * and customer: 1 when the ticket's value is among the group's, {@code -mismatchFactor} when the group has values
 * and the ticket's is not one of them, 0 when either side does not know). {@code base = sigmoid(z)} estimates
 * whether the ticket is about this group at all. Tickets are often about a crash several groups look alike for
 * (the same message, the same frames), so the score also weighs the candidate against the other candidates:
 * {@code score = base * exp(k z) / sum over candidates of exp(k z)} with {@code k = sharpness}; two equally good
 * candidates each score at most half their base and neither is linked automatically.
 *
 * <p>The weights were set by hand from what each signal means (a pasted trace that the crash analyzer matches is
 * near proof; an exception type alone is weak because a few types cover most crashes). Then, in a handful of trials
 * on the development tickets, where the first model left every score too low (precision 0.95 already at score
 * 0.4), the bias went from -4 to -2, the sharpness from 1 to 3, and the message and text weights from 2.5 and 4 to
 * 3 and 5; see docs/evaluation.md for the curve and an ablation. Immutable.
 *
 * @param bias           constant term of the logit
 * @param weights        weight of each signal
 * @param mismatchFactor how much a known mismatch of version, OS or customer counts against a candidate, as a
 *                       share of the match weight
 * @param sharpness      how strongly a candidate's lead over the others counts: the softmax is taken over
 *                       {@code sharpness * z}; 0 turns the competition off (for ablations)
 */
public record ScoreModel(double bias, Map<Feature, Double> weights, double mismatchFactor, double sharpness) {

    /**
     * The model the workflow uses. Signals are in [0, 1], so a weight is the most a signal can move the logit; the
     * bias makes a candidate with no evidence score 0.12 to 0.18 (depending on time) before competition.
     */
    public static final ScoreModel DEFAULT = new ScoreModel(-2.0, Map.of(
            Feature.STACK_TRACE, 6.0,
            Feature.EXCEPTION_TYPE, 1.0,
            Feature.MESSAGE, 3.0,
            Feature.TEXT, 5.0,
            Feature.APP_VERSION, 1.0,
            Feature.OS, 0.5,
            Feature.CUSTOMER, 1.0,
            Feature.TIME, 0.5), 0.5, 3.0);

    /** Copies the weights; a missing feature weighs 0. */
    public ScoreModel {
        EnumMap<Feature, Double> all = new EnumMap<>(Feature.class);
        for (Feature f : Feature.values()) {
            all.put(f, weights.getOrDefault(f, 0.0));
        }
        weights = Map.copyOf(all);
    }

    /** @return the weight of a feature */
    public double weight(Feature feature) {
        return weights.get(feature);
    }

    /** @return this model with a feature left out (for ablations) */
    public ScoreModel without(Feature feature) {
        EnumMap<Feature, Double> w = new EnumMap<>(weights);
        w.put(feature, 0.0);
        return new ScoreModel(bias, w, mismatchFactor, sharpness);
    }

    /** @return this model scoring each candidate alone (for ablations) */
    public ScoreModel withoutCompetition() {
        return new ScoreModel(bias, weights, mismatchFactor, 0);
    }

    /** @return whether candidates are weighed against each other */
    public boolean competition() {
        return sharpness > 0;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
