package org.alexandria.crash.internal.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.alexandria.crash.internal.trace.ExceptionInfo;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.alexandria.crash.internal.trace.StackFrame;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A BM25 index of the open crash groups' representative traces for texts without a usable trace: one document per
 * group holding its exception types (qualified and simple), messages and frame symbols ({@code module.function},
 * the class's simple name, {@code Class.function} and the function alone, so that a frame pasted without its
 * package still matches). Rebuilt from the database at start, like the similarity index, so it lives in memory.
 *
 * <p>A score is the share of the query's searchable information the group matches: Lucene's BM25 adds, for each
 * query word the group holds, {@code idf * tf / (tf + k1 * lengthNorm)}, which is below the word's idf; dividing by
 * the summed idf of the query words that occur in at least one group gives a value in [0, 1] that does not grow
 * with the length of the ticket and ignores words no crash ever printed ("hello", "thanks").
 *
 * <p>Thread-safe: writes go through one {@link IndexWriter}, searches through a near-real-time searcher refreshed
 * before each search, so a search sees every write that returned before it.
 */
public final class GroupTextIndex implements Closeable {

    /** Frames per exception that are indexed; deeper frames are runtime and harness plumbing. */
    static final int FRAMES_PER_EXCEPTION = 40;
    /** Most distinct query words, the rarest kept: a pasted log must not make a query of thousands of clauses. */
    static final int MAX_QUERY_TERMS = 256;
    private static final String ID = "id";
    private static final String TEXT = "text";

    private final Analyzer queryAnalyzer = new SymbolAnalyzer(false);
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /** An empty index. */
    public GroupTextIndex() {
        try {
            // a search right after a write must not wait for segment merges (Lucene waits up to 500 ms)
            this.writer = new IndexWriter(directory,
                    new IndexWriterConfig(new SymbolAnalyzer(true)).setMaxFullFlushMergeWaitMillis(0));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open an in-memory index", e);
        }
    }

    /** A group and its score in [0, 1]. */
    public record Hit(String groupId, double score) {
    }

    /** Indexes a group's representative trace, replacing what was indexed for it. */
    public void put(String groupId, ParsedTrace trace) {
        Document doc = new Document();
        doc.add(new StringField(ID, groupId, Field.Store.YES));
        doc.add(new TextField(TEXT, text(trace), Field.Store.NO));
        try {
            writer.updateDocument(new Term(ID, groupId), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index crash group " + groupId, e);
        }
    }

    /** Removes a group; nothing happens when it is not indexed. */
    public void remove(String groupId) {
        try {
            writer.deleteDocuments(new Term(ID, groupId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove crash group " + groupId, e);
        }
    }

    /**
     * @param text  free text
     * @param limit most hits, at least 1
     * @return the groups that share a word with the text, best first
     */
    public List<Hit> search(String text, int limit) {
        try {
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, text, limit);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("crash group search failed", e);
        }
    }

    private List<Hit> search(IndexSearcher searcher, String text, int limit) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        // the statistics Lucene's BM25 uses (deleted documents included until merged away)
        long docs = reader.getDocCount(TEXT);
        List<Weighted> terms = new ArrayList<>();
        for (String word : words(text)) {
            int df = reader.docFreq(new Term(TEXT, word));
            if (df > 0) {
                // Lucene's BM25 idf, so that the sum bounds the BM25 score
                terms.add(new Weighted(word, Math.log(1 + (docs - df + 0.5) / (df + 0.5))));
            }
        }
        if (terms.isEmpty()) {
            return List.of();
        }
        terms.sort(Comparator.comparingDouble(Weighted::idf).reversed());
        List<Weighted> kept = terms.subList(0, Math.min(MAX_QUERY_TERMS, terms.size()));
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        double mass = 0;
        for (Weighted t : kept) {
            query.add(new TermQuery(new Term(TEXT, t.term())), Occur.SHOULD);
            mass += t.idf();
        }
        List<Hit> hits = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query.build(), limit).scoreDocs) {
            String id = searcher.storedFields().document(hit.doc).get(ID);
            hits.add(new Hit(id, Math.min(1.0, hit.score / mass)));
        }
        return hits;
    }

    /** @return the distinct analysed words of a text, in order of appearance */
    Set<String> words(String text) throws IOException {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream tokens = queryAnalyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        }
        return words;
    }

    /** The document text of a trace: what a customer could quote from it or name in it. */
    static String text(ParsedTrace trace) {
        StringBuilder out = new StringBuilder();
        for (ExceptionInfo e : trace.exceptions()) {
            if (!ExceptionInfo.UNKNOWN_TYPE.equals(e.type())) {
                out.append(e.type()).append(' ').append(simpleName(e.type())).append('\n');
            }
            out.append(e.message()).append('\n');
            for (StackFrame f : e.frames().subList(0, Math.min(FRAMES_PER_EXCEPTION, e.frames().size()))) {
                out.append(f.symbol()).append(' ').append(f.function());
                if (f.module() != null) {
                    String cls = simpleName(f.module());
                    out.append(' ').append(cls).append(' ').append(cls).append('.').append(f.function());
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String simpleName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    /** @return indexed groups, deleted ones excluded once the searcher is refreshed */
    public int size() {
        try {
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            writer.close();
            directory.close();
        }
    }

    private record Weighted(String term, double idf) {
    }
}
