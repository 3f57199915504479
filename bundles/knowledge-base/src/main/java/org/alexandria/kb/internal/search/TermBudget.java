package org.alexandria.kb.internal.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;

/**
 * A top-k disjunction of weighted terms whose cost is bounded on large indexes. The score of a document is the
 * same as that of a flat disjunction of all the terms; what is bounded is which documents are considered:
 * <ol>
 *   <li>the terms are ordered by weight × IDF, most informative first;</li>
 *   <li>terms are admitted to the <em>candidate</em> query, in that order, while the sum of their document
 *       frequencies stays within {@link #POSTINGS} (the first {@link #MIN_TERMS} always are); the candidate query
 *       collects the top {@link #CANDIDATES_PER_HIT} × k documents;</li>
 *   <li>the other terms (the frequent words, whose posting lists cover most of a large index) are then scored
 *       on those candidates only, by advancing their postings to them, and the candidates are re-sorted.</li>
 * </ol>
 * On an index where the query's terms have short posting lists (up to about ten thousand documents, e.g. a few
 * hundred articles) every term is a candidate term and the result is exactly the flat disjunction's top k; on
 * 100,000 articles a 50-word ticket reads a few ten thousand postings instead of millions. A document that
 * matches only frequent words can then be missed, which never matters for a ranking.
 */
public final class TermBudget {

    /** Document frequencies summed over the candidate terms. */
    public static final long POSTINGS = 10_000;
    /** Terms admitted whatever their frequency, so that a text of frequent words still finds candidates. */
    public static final int MIN_TERMS = 2;
    /** Candidates collected per requested hit when some terms are left to rescoring. */
    public static final int CANDIDATES_PER_HIT = 2;

    private final IndexSearcher searcher;
    private final long postingsBudget;
    private final List<Weighted> terms = new ArrayList<>();
    private final List<Query> alwaysCandidates = new ArrayList<>();

    private record Weighted(Query query, int docFreq, double value) {
    }

    /** @param searcher where the terms are looked up and the query runs */
    public TermBudget(IndexSearcher searcher) {
        this(searcher, POSTINGS);
    }

    /**
     * @param searcher       where the terms are looked up and the query runs
     * @param postingsBudget document frequencies summed over the candidate terms (tests use small ones)
     */
    TermBudget(IndexSearcher searcher, long postingsBudget) {
        this.searcher = searcher;
        this.postingsBudget = postingsBudget;
    }

    /**
     * Adds a term, scored by its field's similarity times {@code weight}.
     *
     * @param term   the term
     * @param weight its boost, above 0
     * @return its document frequency; a term in no document is not added
     * @throws IOException on an index failure
     */
    public int add(Term term, float weight) throws IOException {
        TermStates states = TermStates.build(searcher, term, true);
        int df = states.docFreq();
        if (df > 0) {
            int docCount = Math.max(df, searcher.getIndexReader().getDocCount(term.field()));
            double idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
            Query query = new TermQuery(term, states);
            terms.add(new Weighted(weight == 1f ? query : new BoostQuery(query, weight), df, weight * idf));
        }
        return df;
    }

    /**
     * Adds a clause that always finds candidates, e.g. a fuzzy match.
     *
     * @param query the clause
     */
    public void addCandidateClause(Query query) {
        alwaysCandidates.add(query);
    }

    /** @return true if nothing was added */
    public boolean isEmpty() {
        return terms.isEmpty() && alwaysCandidates.isEmpty();
    }

    /**
     * @param filter which documents may be returned, a FILTER clause
     * @param k      how many to return
     * @return the best k documents, best first, ties by document
     * @throws IOException on an index failure
     */
    public ScoreDoc[] top(Query filter, int k) throws IOException {
        List<Weighted> ordered = new ArrayList<>(terms);
        ordered.sort(Comparator.comparingDouble(Weighted::value).reversed());
        BooleanQuery.Builder candidates = new BooleanQuery.Builder();
        BooleanQuery.Builder rest = new BooleanQuery.Builder();
        alwaysCandidates.forEach(q -> candidates.add(q, Occur.SHOULD));
        long postings = 0;
        int admitted = 0;
        int others = 0;
        for (Weighted w : ordered) {
            if (admitted < MIN_TERMS || postings + w.docFreq() <= postingsBudget) {
                candidates.add(w.query(), Occur.SHOULD);
                postings += w.docFreq();
                admitted++;
            } else {
                rest.add(w.query(), Occur.SHOULD);
                others++;
            }
        }
        if (others == 0) {
            return search(candidates.build(), filter, k);
        }
        ScoreDoc[] hits = search(candidates.build(), filter, k * CANDIDATES_PER_HIT);
        rescore(hits, rest.build());
        Arrays.sort(hits, Comparator.comparingDouble((ScoreDoc hit) -> -hit.score).thenComparingInt(hit -> hit.doc));
        return Arrays.copyOf(hits, Math.min(k, hits.length));
    }

    private ScoreDoc[] search(Query text, Query filter, int k) throws IOException {
        Query query = new BooleanQuery.Builder().add(text, Occur.MUST).add(filter, Occur.FILTER).build();
        // Counting hits only up to k lets top-k pruning start as soon as k are collected.
        return searcher.search(query, new TopScoreDocCollectorManager(k, k)).scoreDocs;
    }

    /** Adds the score of {@code rest} to each hit, visiting the hits in index order. */
    private void rescore(ScoreDoc[] hits, Query rest) throws IOException {
        ScoreDoc[] byDoc = hits.clone();
        Arrays.sort(byDoc, Comparator.comparingInt(hit -> hit.doc));
        Weight weight = searcher.createWeight(searcher.rewrite(rest), ScoreMode.COMPLETE, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        Scorer scorer = null;
        for (ScoreDoc hit : byDoc) {
            if (leaf == null || hit.doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
                scorer = weight.scorer(leaf);
            }
            if (scorer != null) {
                int target = hit.doc - leaf.docBase;
                int at = scorer.docID() < target ? scorer.iterator().advance(target) : scorer.docID();
                if (at == target) {
                    hit.score += scorer.score();
                }
            }
        }
    }
}
