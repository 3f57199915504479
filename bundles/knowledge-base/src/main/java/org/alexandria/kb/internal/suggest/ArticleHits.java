package org.alexandria.kb.internal.suggest;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alexandria.kb.internal.search.ArticleFields;
import org.alexandria.kb.internal.search.TermBudget;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/** Runs top-k searches and turns their hits into per-article scores. */
final class ArticleHits {

    private ArticleHits() {
    }

    /**
     * @param query   the text's terms over question documents
     * @param filter  which question documents may match
     * @param k       how many question hits to collect
     * @param votes   how many best question scores of one article are summed
     * @return article id to the sum of its best {@code votes} question scores among the top {@code k}
     */
    static Map<String, Double> votes(IndexSearcher searcher, TermBudget query, Query filter, int k, int votes)
            throws IOException {
        ScoreDoc[] hits = query.top(filter, k);
        String[] ids = articleIds(searcher, hits);
        Map<String, Double> sums = new HashMap<>();
        Map<String, Integer> counted = new HashMap<>();
        // Hits come best first, so the first `votes` of each article are its best.
        for (int i = 0; i < hits.length; i++) {
            if (counted.merge(ids[i], 1, Integer::sum) <= votes) {
                sums.merge(ids[i], (double) hits[i].score, Double::sum);
            }
        }
        return sums;
    }

    /**
     * @param query  the text's terms over article documents
     * @param filter which article documents may match
     * @param k      how many to collect
     * @return article id to its score, for the top {@code k}
     */
    static Map<String, Double> best(IndexSearcher searcher, TermBudget query, Query filter, int k)
            throws IOException {
        ScoreDoc[] hits = query.top(filter, k);
        String[] ids = articleIds(searcher, hits);
        Map<String, Double> scores = new HashMap<>();
        for (int i = 0; i < hits.length; i++) {
            scores.put(ids[i], (double) hits[i].score);
        }
        return scores;
    }

    /** @return article id to title, for those of the given ids that have an article document */
    static Map<String, String> titles(IndexSearcher searcher, List<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Query query = new BooleanQuery.Builder()
                .add(new TermInSetQuery(ArticleFields.ID, ids.stream().map(BytesRef::new).toList()), Occur.FILTER)
                .add(new TermQuery(new Term(ArticleFields.KIND, ArticleFields.KIND_ARTICLE)), Occur.FILTER)
                .build();
        ScoreDoc[] hits = searcher.search(query, ids.size()).scoreDocs;
        String[] hitIds = articleIds(searcher, hits);
        Map<String, String> titles = new LinkedHashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (int i = 0; i < hits.length; i++) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hits[i].doc, leaves));
            // a fresh iterator per hit: the hits are not in index order
            BinaryDocValues values = DocValues.getBinary(leaf.reader(), ArticleFields.TITLE);
            if (values.advanceExact(hits[i].doc - leaf.docBase)) {
                titles.put(hitIds[i], values.binaryValue().utf8ToString());
            }
        }
        return titles;
    }

    /** Reads the article id of each hit from doc values, visiting the hits in index order as doc values need. */
    private static String[] articleIds(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Integer[] order = new Integer[hits.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> hits[i].doc));
        String[] ids = new String[hits.length];
        LeafReaderContext leaf = null;
        SortedDocValues values = null;
        for (int i : order) {
            int doc = hits[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = DocValues.getSorted(leaf.reader(), ArticleFields.ID);
            }
            if (!values.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("document without article id: " + doc);
            }
            ids[i] = values.lookupOrd(values.ordValue()).utf8ToString();
        }
        return ids;
    }
}
