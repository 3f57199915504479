package org.alexandria.crash.internal.service;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.alexandria.crash.internal.similarity.CrashSimilarityIndex;
import org.alexandria.crash.internal.similarity.ScoredTrace;
import org.alexandria.crash.internal.similarity.SimilarityConfig;
import org.alexandria.crash.internal.trace.ParsedTrace;

/** The similarity index of the open groups' representative traces, keyed by group id. Thread-safe. */
final class GroupIndex {

    private final CrashSimilarityIndex index;
    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    GroupIndex(SimilarityConfig config) {
        this.index = new CrashSimilarityIndex(config);
    }

    void put(String groupId, ParsedTrace representative) {
        index.add(groupId, representative);
        ids.add(groupId);
    }

    void remove(String groupId) {
        index.remove(groupId);
        ids.remove(groupId);
    }

    boolean contains(String groupId) {
        return ids.contains(groupId);
    }

    List<ScoredTrace> rank(ParsedTrace query, int limit) {
        return index.rank(query, limit);
    }

    int size() {
        return index.size();
    }
}
