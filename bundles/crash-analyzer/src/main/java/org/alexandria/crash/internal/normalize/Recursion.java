package org.alexandria.crash.internal.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collapses recursion: a run of the same frames repeated back to back ({@code a a a} or
 * {@code a b a b a b}) is kept once, so a stack overflow reads the same however deep it went and
 * wherever the cap cut it.
 */
public final class Recursion {

    /** Longest cycle of mutually recursive frames detected. */
    public static final int MAX_CYCLE = 4;

    private Recursion() {
    }

    /** @return the items with directly repeated cycles of up to {@link #MAX_CYCLE} items kept once */
    public static <T> List<T> collapse(List<T> items) {
        List<T> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(item);
            for (int period = 1; period <= MAX_CYCLE && 2 * period <= out.size(); period++) {
                int end = out.size();
                if (repeats(out, end, period)) {
                    for (int k = 0; k < period; k++) {
                        out.remove(out.size() - 1);
                    }
                    break;
                }
            }
        }
        return out;
    }

    /** @return true when the last {@code period} items before {@code end} equal the {@code period} items before them */
    private static boolean repeats(List<?> out, int end, int period) {
        for (int k = end - period; k < end; k++) {
            if (!Objects.equals(out.get(k), out.get(k - period))) {
                return false;
            }
        }
        return true;
    }
}
