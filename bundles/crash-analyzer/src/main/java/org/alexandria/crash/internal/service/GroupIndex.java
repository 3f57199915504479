package org.alexandria.crash.internal.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.alexandria.crash.internal.search.GroupTextIndex;
import org.alexandria.crash.internal.similarity.CrashSimilarityIndex;
import org.alexandria.crash.internal.similarity.ScoredTrace;
import org.alexandria.crash.internal.similarity.SimilarityConfig;
import org.alexandria.crash.internal.trace.ParsedTrace;

/**
 * The indexes of the open groups' representative traces, keyed by group id: the trace similarity index of
 * {@code match} and the word index of {@code search}, kept in step by every put and remove. Thread-safe.
 */
final class GroupIndex {

    private final CrashSimilarityIndex index;
    private final GroupTextIndex words = new GroupTextIndex();
    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    GroupIndex(SimilarityConfig config) {
        this.index = new CrashSimilarityIndex(config);
    }

    void put(String groupId, ParsedTrace representative) {
        index.add(groupId, representative);
        words.put(groupId, representative);
        ids.add(groupId);
    }

    void remove(String groupId) {
        index.remove(groupId);
        words.remove(groupId);
        ids.remove(groupId);
    }

    boolean contains(String groupId) {
        return ids.contains(groupId);
    }

    List<ScoredTrace> rank(ParsedTrace query, int limit) {
        return index.rank(query, limit);
    }

    List<GroupTextIndex.Hit> search(String text, int limit) {
        return words.search(text, limit);
    }

    void close() {
        try {
            words.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the crash group word index failed", e);
        }
    }

    int size() {
        return index.size();
    }
}
