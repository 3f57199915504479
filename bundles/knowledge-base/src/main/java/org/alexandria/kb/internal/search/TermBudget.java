package org.alexandria.kb.internal.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.util.BytesRef;

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

    private record Weighted(Term term, float weight, TermStates states, Query query, double value) {
        int docFreq() {
            return states.docFreq();
        }
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
        return add(term.field(), List.of(term.text()), weight)[0];
    }

    /**
     * Adds terms of one field, each scored by the field's similarity times {@code weight}. The terms are looked up
     * with one terms enumeration per segment, in term order ({@link #lookUp}), rather than one per term and segment.
     *
     * @param field  their field
     * @param texts  the terms' texts
     * @param weight their boost, above 0
     * @return the document frequency of each term, in the order given; a term in no document is not added
     * @throws IOException on an index failure
     */
    public int[] add(String field, List<String> texts, float weight) throws IOException {
        Map<String, TermStates> found = lookUp(searcher.getIndexReader(), field, texts);
        int[] docFreqs = new int[texts.size()];
        if (found.isEmpty()) {
            return docFreqs;
        }
        int docCount = searcher.getIndexReader().getDocCount(field);
        for (int i = 0; i < docFreqs.length; i++) {
            TermStates states = found.get(texts.get(i));
            if (states == null) {
                continue;
            }
            int df = states.docFreq();
            docFreqs[i] = df;
            Term term = new Term(field, texts.get(i));
            int count = Math.max(df, docCount);
            double idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
            Query query = new TermQuery(term, states);
            terms.add(new Weighted(term, weight, states, weight == 1f ? query : new BoostQuery(query, weight),
                    weight * idf));
        }
        return docFreqs;
    }

    /**
     * @param reader the index
     * @param field  a field
     * @param texts  terms of the field
     * @return the states of those terms that occur in the field (document frequency above 0), for the reader's top
     *         context, by term text; each segment's terms dictionary is enumerated once for all the terms, in term
     *         order, and only segments that hold a term are registered
     * @throws IOException on an index failure
     */
    static Map<String, TermStates> lookUp(IndexReader reader, String field, Collection<String> texts)
            throws IOException {
        if (texts.isEmpty()) {
            return Map.of();
        }
        IndexReaderContext top = reader.getContext();
        BytesRef[] sorted = new BytesRef[texts.size()];
        int n = 0;
        for (String text : texts) {
            sorted[n++] = new BytesRef(text);
        }
        Arrays.sort(sorted);
        String[] names = new String[sorted.length];
        Map<String, TermStates> states = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms indexed = leaf.reader().terms(field);
            if (indexed == null) {
                continue;
            }
            TermsEnum dictionary = indexed.iterator();
            for (int i = 0; i < sorted.length; i++) {
                if ((i == 0 || !sorted[i].bytesEquals(sorted[i - 1])) && dictionary.seekExact(sorted[i])) {
                    if (names[i] == null) {
                        names[i] = sorted[i].utf8ToString();
                    }
                    states.computeIfAbsent(names[i], t -> new TermStates(top)).register(dictionary.termState(),
                            leaf.ord, dictionary.docFreq(), dictionary.totalTermFreq());
                }
            }
        }
        return states;
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
        List<Weighted> rest = new ArrayList<>();
        alwaysCandidates.forEach(q -> candidates.add(q, Occur.SHOULD));
        long postings = 0;
        int admitted = 0;
        for (Weighted w : ordered) {
            if (admitted < MIN_TERMS || postings + w.docFreq() <= postingsBudget) {
                candidates.add(w.query(), Occur.SHOULD);
                postings += w.docFreq();
                admitted++;
            } else {
                rest.add(w);
            }
        }
        if (rest.isEmpty()) {
            return search(candidates.build(), filter, k);
        }
        ScoreDoc[] hits = search(candidates.build(), filter, k * CANDIDATES_PER_HIT);
        rescore(hits, rest);
        Arrays.sort(hits, Comparator.comparingDouble((ScoreDoc hit) -> -hit.score).thenComparingInt(hit -> hit.doc));
        return Arrays.copyOf(hits, Math.min(k, hits.length));
    }

    /**
     * The top k of the disjunction among the documents that pass the filter. The filter is applied when a hit is
     * collected rather than as a FILTER clause: Lucene 9.12 scores a pure disjunction with its block-wise MaxScore
     * scorer, but a disjunction under a filter clause with WAND, document at a time, which measured 25–35% slower
     * on 100,000 articles. The result is the same: the collector raises its minimum competitive score only from
     * documents it accepted, so a document skipped for that score could not have entered the top k.
     */
    private ScoreDoc[] search(Query text, Query filter, int k) throws IOException {
        Weight accepted = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
        // Counting hits only up to k lets top-k pruning start as soon as k are collected.
        TopScoreDocCollectorManager top = new TopScoreDocCollectorManager(k, k);
        return searcher.search(text, new CollectorManager<FilteredCollector, TopDocs>() {
            @Override
            public FilteredCollector newCollector() throws IOException {
                return new FilteredCollector(top.newCollector(), accepted);
            }

            @Override
            public TopDocs reduce(Collection<FilteredCollector> collectors) throws IOException {
                return top.reduce(collectors.stream().map(FilteredCollector::delegate).toList());
            }
        }).scoreDocs;
    }

    /** Passes on only the documents a filter accepts, which it advances in step with the collected ones. */
    private static final class FilteredCollector extends FilterCollector {
        private final Weight filter;

        FilteredCollector(TopScoreDocCollector delegate, Weight filter) {
            super(delegate);
            this.filter = filter;
        }

        TopScoreDocCollector delegate() {
            return (TopScoreDocCollector) in;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            Scorer passing = filter.scorer(context);
            if (passing == null) {
                throw new CollectionTerminatedException(); // nothing in this segment may be returned
            }
            DocIdSetIterator accepted = passing.iterator();
            return new FilterLeafCollector(super.getLeafCollector(context)) {
                @Override
                public void collect(int doc) throws IOException {
                    int at = accepted.docID() < doc ? accepted.advance(doc) : accepted.docID();
                    if (at == doc) {
                        in.collect(doc);
                    }
                }
            };
        }
    }

    /**
     * Adds the scores of the {@code rest} terms to each hit, term at a time: per segment and field the norms of
     * the hits are read once, then each term's postings are advanced through the hits in index order and scored
     * with the field's {@link SimScorer} — what a {@link TermQuery} scorer computes, without a disjunction's
     * priority queue and one norms iterator per term.
     */
    private void rescore(ScoreDoc[] hits, List<Weighted> rest) throws IOException {
        ScoreDoc[] byDoc = hits.clone();
        Arrays.sort(byDoc, Comparator.comparingInt(hit -> hit.doc));
        Map<String, List<Weighted>> byField = new HashMap<>();
        for (Weighted w : rest) {
            byField.computeIfAbsent(w.term().field(), f -> new ArrayList<>()).add(w);
        }
        double[] added = new double[byDoc.length];
        for (Map.Entry<String, List<Weighted>> field : byField.entrySet()) {
            rescoreField(byDoc, field.getKey(), field.getValue(), added);
        }
        for (int i = 0; i < byDoc.length; i++) {
            byDoc[i].score += (float) added[i];
        }
    }

    private void rescoreField(ScoreDoc[] byDoc, String field, List<Weighted> terms, double[] added)
            throws IOException {
        CollectionStatistics collection = searcher.collectionStatistics(field);
        if (collection == null) {
            return;
        }
        Similarity similarity = searcher.getSimilarity();
        SimScorer[] scorers = new SimScorer[terms.size()];
        for (int t = 0; t < scorers.length; t++) {
            Weighted w = terms.get(t);
            scorers[t] = similarity.scorer(w.weight(), collection, searcher.termStatistics(w.term(),
                    w.states().docFreq(), w.states().totalTermFreq()));
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        long[] norms = new long[byDoc.length];
        PostingsEnum postings = null;
        for (int from = 0, to; from < byDoc.length; from = to) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(byDoc[from].doc, leaves));
            int end = leaf.docBase + leaf.reader().maxDoc();
            to = from;
            while (to < byDoc.length && byDoc[to].doc < end) {
                to++;
            }
            Terms fieldTerms = leaf.reader().terms(field);
            if (fieldTerms == null) {
                continue;
            }
            NumericDocValues normValues = leaf.reader().getNormValues(field);
            for (int i = from; i < to; i++) {
                // as LeafSimScorer: a document without a norm scores as norm 1
                norms[i] = normValues != null && normValues.advanceExact(byDoc[i].doc - leaf.docBase)
                        ? normValues.longValue() : 1L;
            }
            TermsEnum termsEnum = fieldTerms.iterator();
            for (int t = 0; t < scorers.length; t++) {
                TermState state = terms.get(t).states().get(leaf);
                if (state == null) {
                    continue;
                }
                termsEnum.seekExact(terms.get(t).term().bytes(), state);
                postings = termsEnum.postings(postings, PostingsEnum.FREQS);
                for (int i = from; i < to; i++) {
                    int target = byDoc[i].doc - leaf.docBase;
                    int doc = postings.docID() < target ? postings.advance(target) : postings.docID();
                    if (doc == DocIdSetIterator.NO_MORE_DOCS) {
                        break;
                    }
                    if (doc == target) {
                        added[i] += scorers[t].score(postings.freq(), norms[i]);
                    }
                }
            }
        }
    }
}
