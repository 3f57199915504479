package org.alexandria.crash.internal.similarity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alexandria.crash.internal.trace.ParsedTrace;

/**
 * Ranks known traces by similarity to a query trace (see {@link SimilarityConfig} for the score).
 * Traces sharing no term and no frame unit with the query score 0 and are not returned.
 *
 * <p>Thread-safe: {@link #add} and {@link #remove} serialise on the index; {@link #rank} reads an
 * immutable {@link Snapshot}, rebuilt by the first ranking after a change, so concurrent rankings do not
 * block each other. Suited to a component that loads the known traces at activation and adds new ones
 * as they arrive.
 */
public final class CrashSimilarityIndex {

    private final FeatureExtractor extractor;
    private final PositionalAlignment alignment;
    private final double alignmentWeight;
    private final Map<String, TraceFeatures> traces = new LinkedHashMap<>(); // guarded by this
    private volatile Snapshot snapshot; // null after a change

    public CrashSimilarityIndex(SimilarityConfig config) {
        this.extractor = new FeatureExtractor(config);
        this.alignment = new PositionalAlignment(config.positionDecay(), config.offsetPenalty(), config.unitCredit());
        this.alignmentWeight = config.alignmentWeight();
    }

    /**
     * Adds a trace, or replaces the trace known by that id.
     *
     * @param id    the caller's key, opaque to the index (a trace or report id)
     * @param trace the parsed trace
     */
    public void add(String id, ParsedTrace trace) {
        TraceFeatures features = extractor.extract(trace);
        synchronized (this) {
            traces.put(id, features);
            snapshot = null;
        }
    }

    /** @return true when a trace with that id was known */
    public synchronized boolean remove(String id) {
        boolean removed = traces.remove(id) != null;
        if (removed) {
            snapshot = null;
        }
        return removed;
    }

    /** @return the number of known traces */
    public synchronized int size() {
        return traces.size();
    }

    /**
     * @param query a trace, known or not (a known trace ranks itself first; callers skip it)
     * @param limit how many at most
     * @return the most similar known traces, best first; ties in the order the traces were added
     */
    public List<ScoredTrace> rank(ParsedTrace query, int limit) {
        Snapshot s = snapshot();
        TraceFeatures q = extractor.extract(query);
        double[] cosine = s.cosines(s.vector(q.terms()));
        boolean[] sharing = alignmentWeight > 0 ? s.sharingUnits(q) : new boolean[s.size()];
        List<ScoredTrace> scored = new ArrayList<>();
        for (int t = 0; t < s.size(); t++) {
            if (cosine[t] <= 0 && !sharing[t]) {
                continue;
            }
            double aligned = sharing[t] ? alignment.similarity(q.frames(), s.features[t].frames()) : 0;
            double score = (1 - alignmentWeight) * cosine[t] + alignmentWeight * aligned;
            if (score > 0) {
                scored.add(new ScoredTrace(s.ids[t], Math.min(1, score)));
            }
        }
        // a stable sort: equal scores stay in the order the traces were added
        scored.sort(Comparator.comparingDouble(ScoredTrace::score).reversed());
        return List.copyOf(scored.subList(0, Math.min(Math.max(0, limit), scored.size())));
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                s = snapshot;
                if (s == null) {
                    s = new Snapshot(traces);
                    snapshot = s;
                }
            }
        }
        return s;
    }
}
