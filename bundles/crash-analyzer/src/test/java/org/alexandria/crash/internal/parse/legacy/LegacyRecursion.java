package org.alexandria.crash.internal.parse.legacy;

import org.alexandria.crash.internal.fingerprint.*;
import org.alexandria.crash.internal.normalize.NormalizedFrame;
import org.alexandria.crash.internal.parse.ParseLimits;
import org.alexandria.crash.internal.trace.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Collapses recursion: a run of the same frames repeated back to back ({@code a a a} or
 * {@code a b a b a b}) is kept once, so a stack overflow reads the same however deep it went and
 * wherever the cap cut it.
 */
public final class LegacyRecursion {

    /** Longest cycle of mutually recursive frames detected. */
    public static final int MAX_CYCLE = 4;

    private LegacyRecursion() {
    }

    /** @return the items with directly repeated cycles of up to {@link #MAX_CYCLE} items kept once */
    public static <T> List<T> collapse(List<T> items) {
        List<T> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(item);
            for (int period = 1; period <= MAX_CYCLE && 2 * period <= out.size(); period++) {
                int end = out.size();
                if (out.subList(end - period, end).equals(out.subList(end - 2 * period, end - period))) {
                    out.subList(end - period, end).clear();
                    break;
                }
            }
        }
        return out;
    }
}
