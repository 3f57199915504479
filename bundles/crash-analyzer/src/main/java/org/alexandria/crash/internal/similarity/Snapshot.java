package org.alexandria.crash.internal.similarity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alexandria.crash.internal.normalize.NormalizedFrame;

/**
 * An immutable view of the indexed traces with their TF-IDF vectors, built once per change of the
 * index so that any number of threads can rank against it without locking. Document frequencies change
 * with every trace added, hence a rebuild (linear in the total number of terms) instead of an update.
 */
final class Snapshot {

    /** Postings of one term: the traces holding it and the term's weight in each unit-length vector. */
    private record Postings(int[] traces, double[] weights) {
    }

    final String[] ids;
    final TraceFeatures[] features;
    private final Map<String, Postings> postings;
    private final Map<String, int[]> unitPostings;
    private final Map<String, Integer> documentFrequency;

    Snapshot(Map<String, TraceFeatures> traces) {
        int n = traces.size();
        ids = traces.keySet().toArray(String[]::new);
        features = traces.values().toArray(TraceFeatures[]::new);
        documentFrequency = new HashMap<>();
        Map<String, List<Integer>> units = new HashMap<>();
        for (int t = 0; t < n; t++) {
            features[t].terms().keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
            for (String unit : units(features[t])) {
                units.computeIfAbsent(unit, u -> new ArrayList<>()).add(t);
            }
        }
        Map<String, List<Integer>> traceLists = new HashMap<>();
        Map<String, List<Double>> weightLists = new HashMap<>();
        for (int t = 0; t < n; t++) {
            for (Map.Entry<String, Double> e : vector(features[t].terms()).entrySet()) {
                traceLists.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(t);
                weightLists.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
            }
        }
        postings = new HashMap<>(traceLists.size() * 2);
        traceLists.forEach((term, list) -> postings.put(term, new Postings(
                list.stream().mapToInt(Integer::intValue).toArray(),
                weightLists.get(term).stream().mapToDouble(Double::doubleValue).toArray())));
        unitPostings = new HashMap<>(units.size() * 2);
        units.forEach((unit, list) -> unitPostings.put(unit, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    int size() {
        return ids.length;
    }

    /**
     * Smoothed IDF, {@code ln((1 + N) / (1 + df)) + 1}: defined for terms no indexed trace holds, and
     * never zero, so a term every trace shares still counts a little.
     */
    private double idf(String term) {
        return Math.log((1.0 + ids.length) / (1.0 + documentFrequency.getOrDefault(term, 0))) + 1;
    }

    /** @return the unit-length TF-IDF vector of the term counts */
    Map<String, Double> vector(Map<String, Integer> terms) {
        Map<String, Double> vector = new LinkedHashMap<>(terms.size() * 2);
        double norm = 0;
        for (Map.Entry<String, Integer> e : terms.entrySet()) {
            double w = e.getValue() * idf(e.getKey());
            vector.put(e.getKey(), w);
            norm += w * w;
        }
        double length = Math.sqrt(norm);
        vector.replaceAll((term, w) -> w / length);
        return vector;
    }

    /** @return cosine of the query vector with every trace (0 for traces sharing no term) */
    double[] cosines(Map<String, Double> query) {
        double[] cosine = new double[ids.length];
        query.forEach((term, weight) -> {
            Postings p = postings.get(term);
            if (p != null) {
                for (int i = 0; i < p.traces.length; i++) {
                    cosine[p.traces[i]] += weight * p.weights[i];
                }
            }
        });
        return cosine;
    }

    /** @return for each trace, whether it has a frame of one of the query's units (a possible alignment) */
    boolean[] sharingUnits(TraceFeatures query) {
        boolean[] sharing = new boolean[ids.length];
        for (String unit : units(query)) {
            for (int t : unitPostings.getOrDefault(unit, new int[0])) {
                sharing[t] = true;
            }
        }
        return sharing;
    }

    /** An unknown (empty) unit earns no alignment credit, so it does not make traces candidates. */
    private static List<String> units(TraceFeatures f) {
        return f.frames().stream().map(NormalizedFrame::unit).filter(u -> !u.isEmpty()).distinct().toList();
    }
}
