package org.alexandria.crash.internal.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.alexandria.crash.internal.normalize.NormalizedFrame;
import org.junit.jupiter.api.Test;

class PositionalAlignmentTest {

    private final PositionalAlignment pdm = new PositionalAlignment(0.5, 0.5, 0.5);

    private static List<NormalizedFrame> stack(String... keys) {
        return java.util.Arrays.stream(keys).map(k -> {
            int dot = k.lastIndexOf('.');
            return new NormalizedFrame(k.substring(0, dot), k.substring(dot + 1));
        }).toList();
    }

    @Test
    void identicalStacksScoreOneAndStacksWithNothingInCommonZero() {
        List<NormalizedFrame> a = stack("A.f", "B.g", "C.h");

        assertThat(pdm.similarity(a, a)).isCloseTo(1, within(1e-12));
        assertThat(pdm.similarity(a, stack("X.f", "Y.g"))).isZero();
        assertThat(pdm.similarity(a, List.of())).isZero();
    }

    @Test
    void aSharedFrameCountsMoreNearTheTop() {
        double top = pdm.similarity(stack("A.f", "B.g", "C.h"), stack("A.f", "X.g", "Y.h"));
        double bottom = pdm.similarity(stack("B.g", "C.h", "A.f"), stack("X.g", "Y.h", "A.f"));

        assertThat(top).isGreaterThan(bottom).isGreaterThan(0);
    }

    @Test
    void aSharedFrameAtAnotherDepthCountsLess() {
        double aligned = pdm.similarity(stack("P.a", "A.f", "Q.b"), stack("R.c", "A.f", "S.d"));
        double shifted = pdm.similarity(stack("P.a", "A.f", "Q.b"), stack("R.c", "S.d", "A.f"));

        assertThat(aligned).isGreaterThan(shifted).isGreaterThan(0);
    }

    @Test
    void anotherFunctionOfTheSameUnitEarnsPartialCredit() {
        double same = pdm.similarity(stack("A.f"), stack("A.f"));
        double sibling = pdm.similarity(stack("A.f"), stack("A.g"));

        assertThat(sibling).isCloseTo(same * 0.5, within(1e-12));
        assertThat(pdm.similarity(List.of(new NormalizedFrame("", "f")), List.of(new NormalizedFrame("", "g")))).isZero();
    }

    @Test
    void isSymmetricAndKeepsTheOrderOfFrames() {
        List<NormalizedFrame> a = stack("A.f", "B.g", "C.h", "D.i");
        List<NormalizedFrame> b = stack("A.f", "C.h", "B.g", "D.i");

        assertThat(pdm.similarity(a, b)).isCloseTo(pdm.similarity(b, a), within(1e-12)).isLessThan(1);
    }
}
