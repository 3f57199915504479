package org.alexandria.workflow.resolution.internal.service;

import java.util.ArrayList;
import java.util.List;
import org.alexandria.workflow.resolution.internal.model.Judgement;

/**
 * Precision and recall of automatic links at candidate thresholds, from agents' decisions: each decision on an
 * automatically linked or suggested group is a label (accepted = right, rejected or relinked = wrong). At a
 * threshold t, the links that would have been made are the judged proposals scoring ≥ t; precision is the
 * share of them agents kept, recall the share of all kept proposals they cover.
 */
public final class Calibration {

    private Calibration() {
    }

    /**
     * One threshold's figures.
     *
     * @param threshold the threshold
     * @param linked    judged proposals at or above it
     * @param correct   of those, how many agents kept
     * @param precision correct / linked (NaN when none)
     * @param recall    correct / all kept proposals (NaN when none was kept)
     */
    public record Row(double threshold, int linked, int correct, double precision, double recall) {
    }

    /**
     * @param judgements agents' labels
     * @param thresholds thresholds to report, ascending
     * @return one row per threshold
     */
    public static List<Row> curve(List<Judgement> judgements, double[] thresholds) {
        long kept = judgements.stream().filter(Judgement::correct).count();
        List<Row> rows = new ArrayList<>();
        for (double t : thresholds) {
            int linked = 0;
            int correct = 0;
            for (Judgement j : judgements) {
                if (j.score() >= t) {
                    linked++;
                    if (j.correct()) {
                        correct++;
                    }
                }
            }
            rows.add(new Row(t, linked, correct, linked == 0 ? Double.NaN : (double) correct / linked,
                    kept == 0 ? Double.NaN : (double) correct / kept));
        }
        return rows;
    }
}
