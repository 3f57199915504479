package org.alexandria.crash.internal.similarity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alexandria.crash.internal.normalize.FrameNormalizer;
import org.alexandria.crash.internal.normalize.Messages;
import org.alexandria.crash.internal.normalize.NormalizedFrame;
import org.alexandria.crash.internal.normalize.Recursion;
import org.alexandria.crash.internal.trace.ExceptionInfo;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.alexandria.crash.internal.trace.Platform;
import org.alexandria.crash.internal.trace.StackFrame;

/** Turns a parsed trace into {@link TraceFeatures} as a {@link SimilarityConfig} says. Thread-safe. */
final class FeatureExtractor {

    /**
     * Frames aligned at most: with the default position decay a frame this deep weighs e^-16 of the top
     * frame, so deeper frames cannot change a score, only cost time.
     */
    static final int ALIGNED_FRAMES = 32;

    private final SimilarityConfig config;
    private final FrameNormalizer normalizer = new FrameNormalizer();

    FeatureExtractor(SimilarityConfig config) {
        this.config = config;
    }

    TraceFeatures extract(ParsedTrace trace) {
        List<ExceptionInfo> chain = trace.causalChain();
        boolean inAppOnly = config.uses(Signal.IN_APP_ONLY)
                && chain.stream().flatMap(e -> e.frames().stream()).anyMatch(config.inApp()::isInApp);
        Map<String, Integer> terms = new LinkedHashMap<>();
        List<NormalizedFrame> sequence = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) { // root cause first: where the failure started
            ExceptionInfo e = chain.get(i);
            count(terms, "type:" + e.type());
            if (config.uses(Signal.MESSAGE_TERMS)) {
                Messages.words(e.message()).forEach(w -> count(terms, "word:" + w));
            }
            for (NormalizedFrame f : frames(trace, e, inAppOnly)) {
                count(terms, "frame:" + f.key());
                if (config.uses(Signal.UNIT_TERMS) && !f.unit().isEmpty()) {
                    count(terms, "unit:" + f.unit());
                }
                String container = container(trace.platform(), f.unit());
                if (config.uses(Signal.PACKAGE_TERMS) && !container.isEmpty()) {
                    count(terms, "package:" + container);
                }
                if (sequence.size() < ALIGNED_FRAMES) {
                    sequence.add(f);
                }
            }
        }
        return new TraceFeatures(terms, sequence);
    }

    private List<NormalizedFrame> frames(ParsedTrace trace, ExceptionInfo e, boolean inAppOnly) {
        List<NormalizedFrame> frames = new ArrayList<>();
        for (StackFrame f : e.frames()) {
            if (!inAppOnly || config.inApp().isInApp(f)) {
                frames.add(config.uses(Signal.NORMALIZED_FRAMES) ? normalizer.normalize(trace.platform(), f)
                        : new NormalizedFrame(raw(f), f.function()));
            }
        }
        return config.uses(Signal.NORMALIZED_FRAMES) ? Recursion.collapse(frames) : frames;
    }

    /** @return the package, namespace or directory of a unit; empty for native libraries and top-level units */
    private static String container(Platform platform, String unit) {
        int end = switch (platform) {
            case JAVA, DOTNET -> unit.lastIndexOf('.');
            case PYTHON, JAVASCRIPT -> unit.lastIndexOf('/');
            case NATIVE -> -1;
        };
        return end > 0 ? unit.substring(0, end) : "";
    }

    private static String raw(StackFrame f) {
        return f.module() != null ? f.module() : f.file() != null ? f.file() : "";
    }

    private static void count(Map<String, Integer> terms, String term) {
        terms.merge(term, 1, Integer::sum);
    }
}
