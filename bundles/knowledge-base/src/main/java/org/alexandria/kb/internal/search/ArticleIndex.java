package org.alexandria.kb.internal.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;

/**
 * The Lucene index of all articles, whatever their status. Thread-safe: writes are serialised and each one is
 * committed and made visible before it returns (readers see every change that has returned, never half of a
 * rebuild); reads share near-real-time searchers. Holds no static state; close it to release the directory.
 * A plugin uses an {@code FSDirectory} and rebuilds from its database when the index is missing or stale; tests
 * use a {@code ByteBuffersDirectory}. An index written with an older layout ({@link #FORMAT}) opens empty.
 */
public final class ArticleIndex implements Closeable {

    /** Indexing buffer during {@link #rebuild}, in MB of heap (Lucene's default, 16 MB, flushes 20 times as often). */
    static final double REBUILD_RAM_BUFFER_MB = 128;
    /** Commit user-data key recording the layout of the documents and fields an index was written with. */
    static final String FORMAT_KEY = "alexandria.kb.format";
    /**
     * The current layout; bump it whenever {@link ArticleDocuments} or the analysis changes incompatibly. 2: body
     * with offsets, text forms without positions, titles in doc values.
     */
    static final String FORMAT = "2";

    private final TextAnalysis analysis;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Object writeLock = new Object();

    /**
     * Opens the index in a directory, creating it if empty, with the default analysis.
     *
     * @param directory where the index lives; the caller closes it after this index
     * @throws IOException if the directory cannot be opened or is locked by another writer
     */
    public ArticleIndex(Directory directory) throws IOException {
        this(directory, ArticleIndexOptions.DEFAULT);
    }

    /**
     * @param directory where the index lives; the caller closes it after this index
     * @param options   analysis and scoring; an existing index must have been written with the same analysis
     * @throws IOException if the directory cannot be opened or is locked by another writer
     */
    public ArticleIndex(Directory directory, ArticleIndexOptions options) throws IOException {
        this.analysis = new TextAnalysis(options);
        Similarity similarity = new ArticleSimilarity(options);
        IndexWriterConfig config = new IndexWriterConfig(analysis.perField())
                .setOpenMode(isCurrentFormatOrEmpty(directory) ? OpenMode.CREATE_OR_APPEND : OpenMode.CREATE)
                .setSimilarity(similarity);
        this.writer = new IndexWriter(directory, config);
        writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(similarity);
                return searcher;
            }
        });
    }

    /**
     * Replaces the whole content of the index by these articles, atomically for readers.
     *
     * @param articles every article, ids unique
     * @throws IOException on an index failure
     */
    public void rebuild(Collection<Article> articles) throws IOException {
        Set<String> ids = new HashSet<>();
        for (Article article : articles) {
            if (!ids.add(article.id())) {
                throw new IllegalArgumentException("duplicate article id " + article.id());
            }
        }
        synchronized (writeLock) {
            // Fewer, larger segment flushes (and merges) during a bulk load; single updates keep the default.
            writer.getConfig().setRAMBufferSizeMB(REBUILD_RAM_BUFFER_MB);
            try {
                writer.deleteAll();
                for (Article article : articles) {
                    writer.addDocuments(ArticleDocuments.of(article));
                }
                // One segment: each query term is then looked up, and each postings list opened, once.
                writer.forceMerge(1);
                publish();
            } finally {
                if (writer.isOpen()) { // a failed write may have closed it; its exception must come through
                    writer.getConfig().setRAMBufferSizeMB(IndexWriterConfig.DEFAULT_RAM_BUFFER_SIZE_MB);
                }
            }
        }
    }

    /**
     * Adds an article or replaces the one with the same id, with its questions, atomically for readers.
     *
     * @param article the article's current state
     * @throws IOException on an index failure
     */
    public void put(Article article) throws IOException {
        synchronized (writeLock) {
            writer.updateDocuments(idTerm(article.id()), ArticleDocuments.of(article));
            publish();
        }
    }

    /**
     * Removes an article and its questions; nothing happens if there is none with this id.
     *
     * @param articleId the article's id
     * @throws IOException on an index failure
     */
    public void delete(String articleId) throws IOException {
        synchronized (writeLock) {
            writer.deleteDocuments(idTerm(articleId));
            publish();
        }
    }

    /**
     * @return number of articles in the index, whatever their status
     * @throws IOException on an index failure
     */
    public int articleCount() throws IOException {
        return withSearcher(searcher -> searcher.count(
                new TermQuery(new Term(ArticleFields.KIND, ArticleFields.KIND_ARTICLE))));
    }

    /**
     * Full-text search over title, body and questions: BM25 on stemmed words, title matches count double, the
     * first three words not in the index are matched with up to two edits (same first letter). Frequent words of a
     * long text are scored on the best candidates only ({@link TermBudget}).
     *
     * @param request text, filter and limit
     * @return hits, best first, with highlighted body passages
     * @throws IOException on an index failure
     */
    public List<SearchHit> search(SearchRequest request) throws IOException {
        return withSearcher(searcher -> new ArticleSearch(searcher, analysis.perField()).search(request));
    }

    /**
     * The highlighted body passages of some articles for a text, as {@link #search} without fuzzy matching would
     * return them for those articles, without ranking the index: for the articles a suggestion already chose.
     *
     * @param text       what to highlight (its exact words)
     * @param articleIds the articles
     * @return each article's passages by id (the start of its body when nothing in it matches); an article not in
     *         the index, or without a body, is absent
     * @throws IOException on an index failure
     */
    public Map<String, List<String>> highlights(String text, Collection<String> articleIds) throws IOException {
        return withSearcher(searcher -> new ArticleSearch(searcher, analysis.perField()).highlights(text, articleIds));
    }

    /**
     * Runs a read against the current searcher, which stays valid (and unchanged) during the call.
     *
     * @param read what to do
     * @param <T>  result type
     * @return what {@code read} returns
     * @throws IOException on an index failure
     */
    public <T> T withSearcher(SearcherFunction<T> read) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return read.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** @return the analysis this index was written with, for building queries */
    public TextAnalysis analysis() {
        return analysis;
    }

    @Override
    public void close() throws IOException {
        synchronized (writeLock) {
            try (writer) {
                searchers.close();
            }
        }
    }

    private void publish() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /**
     * An index written with another layout (an older version of this plugin) is not opened as it is: its fields
     * would clash with the current ones. It is replaced by an empty one, which its owner rebuilds from the database.
     */
    private static boolean isCurrentFormatOrEmpty(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return true;
        }
        try {
            return FORMAT.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(FORMAT_KEY));
        } catch (IOException e) { // unreadable (e.g. written by an older Lucene): start afresh as well
            return false;
        }
    }

    private static Term idTerm(String articleId) {
        return new Term(ArticleFields.ID, articleId);
    }

    /**
     * A read against an index searcher.
     *
     * @param <T> result type
     */
    @FunctionalInterface
    public interface SearcherFunction<T> {
        /**
         * @param searcher valid for the duration of the call only
         * @return the result
         * @throws IOException on an index failure
         */
        T apply(IndexSearcher searcher) throws IOException;
    }
}
