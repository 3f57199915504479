package org.alexandria.tickets.internal.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.alexandria.tickets.internal.dedup.CandidateFilter;
import org.alexandria.tickets.internal.dedup.DedupSettings;
import org.alexandria.tickets.internal.dedup.DuplicateIndex;
import org.alexandria.tickets.internal.dedup.DuplicateMatch;
import org.alexandria.tickets.internal.dedup.TicketText;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jspecify.annotations.Nullable;

/**
 * The node's duplicate index: a {@link DuplicateIndex} in memory, filled from the database at activation and kept
 * current by the ticket service on every create, update and merge.
 */
final class DuplicateFinder implements AutoCloseable {

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DuplicateIndex index;

    /**
     * @param refreshEvery how often new writes become searchable ({@link Duration#ZERO}: before every search that
     *                     follows a write)
     */
    DuplicateFinder(Duration refreshEvery) {
        try {
            index = new DuplicateIndex(directory, DedupSettings.defaults(), refreshEvery);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the in-memory duplicate index", e);
        }
    }

    void put(String ticketId, String subject, String description, @Nullable String product, Instant created) {
        try {
            index.update(ticketId, new TicketText(subject, description, product, created));
        } catch (IOException e) {
            throw new UncheckedIOException("indexing ticket " + ticketId + " failed", e);
        }
    }

    void remove(String ticketId) {
        try {
            index.remove(ticketId);
        } catch (IOException e) {
            throw new UncheckedIOException("removing ticket " + ticketId + " from the index failed", e);
        }
    }

    List<DuplicateMatch> candidates(String subject, String description, Instant created, Set<String> excluded, int k) {
        try {
            return index.candidates(new TicketText(subject, description, null, created), k,
                    new CandidateFilter(excluded, null));
        } catch (IOException e) {
            throw new UncheckedIOException("searching the duplicate index failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            index.close();
        } finally {
            directory.close();
        }
    }
}
