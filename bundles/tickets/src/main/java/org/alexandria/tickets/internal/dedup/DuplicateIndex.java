package org.alexandria.tickets.internal.dedup;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.jspecify.annotations.Nullable;

/**
 * The duplicate-detection index of the tickets plugin: tickets are added, updated and removed as they change, and
 * {@link #candidates} ranks the indexed tickets that may report the same thing as a given ticket.
 *
 * <p>Ranking ({@code TicketQuery}): the asking ticket's subject terms and most telling description terms, boosted by
 * their rarity, scored with BM25 against the indexed subjects (weighted up) and descriptions; plus shared exception
 * types and top stack frames; the best text matches are then reordered by a mild recency prior
 * ({@code RecencyPrior}). The weights are in {@link DedupSettings}. On a large index whose matching posting lists
 * are long (thousands of near-identical tickets during an outage) the search runs in two passes so that its cost
 * stops growing with the index: the most telling clauses within {@link #CANDIDATE_POSTINGS} find
 * {@value #CANDIDATES} candidates, which Lucene's {@link QueryRescorer} then scores with every clause; a ticket
 * that shares only common words with the asking one can then be missed, never one that shares a rare word.
 *
 * <p>Thread-safe: writes go through one {@link IndexWriter}, searches through near-real-time searchers. How fresh
 * they are is chosen at construction:
 * <ul>
 *   <li>{@linkplain #DuplicateIndex(Directory, DedupSettings) strict}: a search sees every write that returned before
 *       it started (searchers are refreshed when a write returned since the last refresh; concurrent searches share a
 *       refresh). Each refresh flushes the new tickets into a segment of their own, so under a steady stream of
 *       creations this costs a segment flush per search and keeps the index in many small segments: right for
 *       evaluations and tests, which add and ask in turn;</li>
 *   <li>{@linkplain #DuplicateIndex(Directory, DedupSettings, Duration) refreshed every interval} by a background
 *       thread (Lucene's {@link ControlledRealTimeReopenThread}), as search servers do (Elasticsearch's
 *       {@code refresh_interval}): a search sees the writes that returned up to one interval before it, and the
 *       cost of a refresh is shared by every ticket created in that interval.</li>
 * </ul>
 * Changes are durable after {@link #commit()} or {@link #close()}. The caller owns the {@link Directory} and closes
 * it after this index.
 * Analysis settings must not change for an existing directory: rebuild the index instead.
 */
public final class DuplicateIndex implements Closeable {

    /** How many of the best text matches the recency prior reorders; far more than any k asked for. */
    private static final int POOL = 100;
    /**
     * Postings the candidate search may read, summed over its clauses ({@link TicketQuery#candidates}). Below it
     * (a few thousand tickets, or rare words) the search is exact in one pass; above it, e.g. the thousands of
     * near-identical tickets an outage brings, the cost of a search stops growing with the index.
     */
    static final long CANDIDATE_POSTINGS = 5_000;
    /** Candidates collected by a partial search and then rescored with every clause. */
    private static final int CANDIDATES = 2 * POOL;

    private final DedupSettings settings;
    private final TicketAnalyzer analyzer;
    private final StackTraceExtractor extractor = new StackTraceExtractor(10);
    private final RecencyPrior recency;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Writes that have returned; a search must see at least those that returned before it started. */
    private final AtomicLong writes = new AtomicLong();
    /** The index writer's sequence number of the latest write, for {@link #awaitSearchable}. */
    private final AtomicLong lastSequence = new AtomicLong();
    /** Serialises refreshes; guards {@link #visible}. */
    private final Object refreshLock = new Object();
    /** How many writes the current searcher is known to contain. */
    private long visible;
    /** Refreshes the searchers every interval; null for strict freshness. */
    private final @Nullable ControlledRealTimeReopenThread<IndexSearcher> refresher;

    /**
     * @param directory where the index lives; an existing index there is opened, otherwise one is created
     * @param settings  ranking settings
     * @throws IOException if the directory cannot be opened
     */
    public DuplicateIndex(Directory directory, DedupSettings settings) throws IOException {
        this(directory, settings, Duration.ZERO);
    }

    /**
     * @param directory    where the index lives; an existing index there is opened, otherwise one is created
     * @param settings     ranking settings
     * @param refreshEvery how often a background thread makes new writes searchable; {@link Duration#ZERO} for
     *                     strict freshness (every search sees every write that returned before it)
     * @throws IOException if the directory cannot be opened
     */
    public DuplicateIndex(Directory directory, DedupSettings settings, Duration refreshEvery) throws IOException {
        if (refreshEvery.isNegative()) {
            throw new IllegalArgumentException("refresh interval must not be negative: " + refreshEvery);
        }
        this.settings = settings;
        this.analyzer = new TicketAnalyzer(settings.splitIdentifiers(), settings.versionFamilies(), settings.stem());
        this.recency = new RecencyPrior(settings.recencyDays());
        // a search right after a write must not wait for segment merges to finish (Lucene waits up to 500 ms)
        this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setMaxFullFlushMergeWaitMillis(0));
        this.searchers = new SearcherManager(writer, null);
        if (refreshEvery.isZero()) {
            this.refresher = null;
        } else {
            double seconds = refreshEvery.toNanos() / 1e9;
            this.refresher = new ControlledRealTimeReopenThread<>(writer, searchers, seconds, seconds);
            refresher.setName("alexandria-duplicate-index-refresh");
            refresher.setDaemon(true);
            refresher.start();
        }
    }

    /**
     * Indexes a ticket. An id that is already indexed has its text replaced, so replaying a creation is harmless.
     *
     * @param ticketId the ticket's id
     * @param text     its text
     * @throws IOException on an index write failure
     */
    public void add(String ticketId, TicketText text) throws IOException {
        long sequence = writer.updateDocument(new Term(IndexFields.ID, ticketId),
                IndexFields.document(ticketId, text, extractor.extract(text.description())));
        lastSequence.accumulateAndGet(sequence, Math::max);
        writes.incrementAndGet();
    }

    /**
     * Replaces the indexed text of a ticket (indexes it if it was not).
     *
     * @param ticketId the ticket's id
     * @param text     its new text
     * @throws IOException on an index write failure
     */
    public void update(String ticketId, TicketText text) throws IOException {
        add(ticketId, text);
    }

    /**
     * Removes a ticket; nothing happens if it is not indexed.
     *
     * @param ticketId the ticket's id
     * @throws IOException on an index write failure
     */
    public void remove(String ticketId) throws IOException {
        lastSequence.accumulateAndGet(writer.deleteDocuments(new Term(IndexFields.ID, ticketId)), Math::max);
        writes.incrementAndGet();
    }

    /**
     * @param text   the ticket whose duplicates are wanted (new or indexed; exclude its own id with the filter)
     * @param k      how many candidates at most, at least 1
     * @param filter which indexed tickets may be returned
     * @return up to {@code k} candidates, most likely first; empty when nothing shares a term or frame with the ticket
     * @throws IOException on an index read failure
     */
    public List<DuplicateMatch> candidates(TicketText text, int k, CandidateFilter filter) throws IOException {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        if (refresher == null) {
            refreshFor(writes.get());
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            return rank(searcher, text, k, filter);
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Waits until every write that returned so far is searchable: at once in the strict mode, at the refresher's
     * next refresh otherwise (which a waiting caller brings forward to the refresh interval).
     *
     * @param timeout how long to wait at most
     * @return whether they are searchable
     * @throws IOException          on an index failure
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitSearchable(Duration timeout) throws IOException, InterruptedException {
        if (refresher == null) {
            refreshFor(writes.get());
            return true;
        }
        return refresher.waitForGeneration(lastSequence.get(), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /**
     * Makes the searcher contain at least the first {@code needed} writes. Concurrent searches share one refresh:
     * a search that waited while another refreshed finds its writes already visible and does not refresh again.
     * Each refresh flushes the new documents into a segment of their own, so refreshing once per search, as before,
     * made one segment per ticket under load and most of the cost of a search.
     */
    private void refreshFor(long needed) throws IOException {
        synchronized (refreshLock) {
            if (visible >= needed) {
                return;
            }
            long covered = writes.get();
            searchers.maybeRefreshBlocking();
            visible = covered;
        }
    }

    private List<DuplicateMatch> rank(IndexSearcher searcher, TicketText text, int k, CandidateFilter filter)
            throws IOException {
        IndexReader reader = searcher.getIndexReader();
        TicketQuery query = TicketQuery.of(text, analyzer, extractor, reader, settings);
        if (query.isEmpty()) {
            return List.of();
        }
        Query scoring = filtered(query.scoring(), filter);
        Query candidates = query.candidates(CANDIDATE_POSTINGS);
        TopDocs best;
        if (candidates == query.scoring()) {
            best = searcher.search(scoring, Math.max(POOL, k));
        } else {
            // the candidates' partial scores are replaced by their scores over every clause
            TopDocs found = searcher.search(filtered(candidates, filter), Math.max(CANDIDATES, k));
            best = new QueryRescorer(scoring) {
                @Override
                protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                    return secondPassMatches ? secondPassScore : 0;
                }
            }.rescore(searcher, found, Math.max(POOL, k));
        }
        List<Scored> pool = new ArrayList<>();
        for (ScoreDoc hit : best.scoreDocs) {
            Instant created = Instant.ofEpochSecond(createdSeconds(reader, hit.doc));
            pool.add(new Scored(hit.doc, hit.score * recency.factor(text.created(), created)));
        }
        pool.sort(Comparator.comparingDouble(Scored::score).reversed());

        MatchExplainer explainer = new MatchExplainer(reader, query);
        List<DuplicateMatch> matches = new ArrayList<>();
        for (Scored s : pool.subList(0, Math.min(k, pool.size()))) {
            String id = reader.storedFields().document(s.doc()).get(IndexFields.ID);
            matches.add(new DuplicateMatch(id, s.score(), explainer.explain(s.doc())));
        }
        return matches;
    }

    private static Query filtered(Query scoring, CandidateFilter filter) {
        BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(scoring, Occur.MUST);
        if (filter.product() != null) {
            filtered.add(new TermQuery(new Term(IndexFields.PRODUCT, filter.product())), Occur.FILTER);
        }
        filter.excludedIds().forEach(id -> filtered.add(new TermQuery(new Term(IndexFields.ID, id)), Occur.MUST_NOT));
        return filtered.build();
    }

    private static long createdSeconds(IndexReader reader, int doc) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        NumericDocValues created = leaf.reader().getNumericDocValues(IndexFields.CREATED);
        if (created == null || !created.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("indexed ticket without creation time: " + doc);
        }
        return created.longValue();
    }

    /**
     * Makes every change so far durable.
     *
     * @throws IOException on a write failure
     */
    public void commit() throws IOException {
        writer.commit();
    }

    /** Commits and releases the index; the directory stays open. */
    @Override
    public void close() throws IOException {
        try {
            if (refresher != null) {
                refresher.close();
            }
            searchers.close();
        } finally {
            writer.close();
        }
    }

    private record Scored(int doc, double score) {
    }
}
