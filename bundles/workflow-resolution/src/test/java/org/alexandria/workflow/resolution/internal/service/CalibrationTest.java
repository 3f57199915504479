package org.alexandria.workflow.resolution.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.alexandria.workflow.resolution.internal.model.Judgement;
import org.alexandria.workflow.resolution.internal.model.LinkStatus;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void precisionRisesAndRecallFallsWithTheThreshold() {
        List<Judgement> labels = List.of(new Judgement(0.95, LinkStatus.AUTO_LINKED, true),
                new Judgement(0.85, LinkStatus.AUTO_LINKED, true), new Judgement(0.80, LinkStatus.AUTO_LINKED, false),
                new Judgement(0.55, LinkStatus.SUGGESTED, true), new Judgement(0.45, LinkStatus.SUGGESTED, false));
        List<Calibration.Row> rows = Calibration.curve(labels, new double[] {0.4, 0.8, 0.9, 0.99});
        assertThat(rows.get(0)).isEqualTo(new Calibration.Row(0.4, 5, 3, 0.6, 1.0));
        assertThat(rows.get(1)).isEqualTo(new Calibration.Row(0.8, 3, 2, 2.0 / 3, 2.0 / 3));
        assertThat(rows.get(2)).isEqualTo(new Calibration.Row(0.9, 1, 1, 1.0, 1.0 / 3));
        assertThat(rows.get(3).linked()).isZero();
        assertThat(rows.get(3).precision()).isNaN();
    }
}
