package org.alexandria.crash.internal.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecursionTest {

    @Test
    void keepsDirectRecursionOnce() {
        assertThat(Recursion.collapse(List.of("top", "f", "f", "f", "f", "main"))).containsExactly("top", "f", "main");
    }

    @Test
    void keepsMutualRecursionOnceWhateverTheDepth() {
        List<String> deep = new ArrayList<>(List.of("leaf"));
        for (int i = 0; i < 500; i++) {
            deep.addAll(List.of("resolve", "resolveType"));
        }
        deep.add("main");

        assertThat(Recursion.collapse(deep)).containsExactly("leaf", "resolve", "resolveType", "main");
    }

    @Test
    void leavesCyclesLongerThanTheLimitAndNonRepeatingStacksAlone() {
        List<String> cycle = List.of("a", "b", "c", "d", "e");
        List<String> twice = new ArrayList<>(cycle);
        twice.addAll(cycle);

        assertThat(Recursion.collapse(twice)).isEqualTo(twice);
        assertThat(Recursion.collapse(List.of("a", "b", "a", "c"))).containsExactly("a", "b", "a", "c");
        assertThat(Recursion.collapse(Collections.<String>emptyList())).isEmpty();
    }
}
