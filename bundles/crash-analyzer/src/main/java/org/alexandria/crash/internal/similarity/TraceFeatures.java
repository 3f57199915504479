package org.alexandria.crash.internal.similarity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alexandria.crash.internal.normalize.NormalizedFrame;

/**
 * What the similarity compares of one trace.
 *
 * @param terms  term counts for the cosine: {@code type:}, {@code frame:}, {@code unit:}, {@code package:}, {@code word:}
 * @param frames the frame sequence for the alignment, root cause's frames first, recursion collapsed,
 *               at most {@link FeatureExtractor#ALIGNED_FRAMES}
 */
record TraceFeatures(Map<String, Integer> terms, List<NormalizedFrame> frames) {

    TraceFeatures {
        // insertion order, not Map.copyOf's per-JVM random order: scores are sums over the terms, and
        // a different summation order would break exact ties differently from one run to the next
        terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
        frames = List.copyOf(frames);
    }
}
