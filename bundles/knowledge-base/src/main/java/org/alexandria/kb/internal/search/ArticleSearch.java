package org.alexandria.kb.internal.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** One full-text search against one searcher: query building, filtering and highlighting. */
final class ArticleSearch {

    /** A title match counts this much more than one in the body or questions. */
    static final float TITLE_BOOST = 2f;
    /** Passages of the body returned per hit. */
    static final int PASSAGES = 2;

    private final IndexSearcher searcher;
    private final Analyzer analyzer;

    ArticleSearch(IndexSearcher searcher, Analyzer analyzer) {
        this.searcher = searcher;
        this.analyzer = analyzer;
    }

    List<SearchHit> search(SearchRequest request) throws IOException {
        List<Term> words = QueryTerms.of(analyzer, ArticleFields.CONTENT, request.text());
        if (words.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        BooleanQuery.Builder body = new BooleanQuery.Builder();
        for (Term word : words) {
            text.add(match(ArticleFields.CONTENT, word.text()), Occur.SHOULD);
            text.add(new BoostQuery(match(ArticleFields.TITLE, word.text()), TITLE_BOOST), Occur.SHOULD);
            body.add(match(ArticleFields.BODY, word.text()), Occur.SHOULD);
        }
        Query query = new BooleanQuery.Builder()
                .add(text.build(), Occur.MUST)
                .add(request.filter().toQuery(ArticleFields.KIND_ARTICLE), Occur.FILTER)
                .build();
        TopDocs top = searcher.search(query, request.limit());
        Object[] bodyPassages = new PassageHighlighter(searcher, analyzer).passages(ArticleFields.BODY, body.build(),
                Arrays.stream(top.scoreDocs).mapToInt(hit -> hit.doc).toArray());
        List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            ScoreDoc hit = top.scoreDocs[i];
            hits.add(toHit(searcher.storedFields().document(hit.doc), hit.score, bodyPassages[i]));
        }
        return hits;
    }

    /** The exact term if the index knows it, else a fuzzy match: a word the index lacks is likely misspelled. */
    private Query match(String field, String word) throws IOException {
        Term term = new Term(field, word);
        int edits = word.length() < 3 ? 0 : word.length() < 6 ? 1 : 2;
        if (edits == 0 || searcher.getIndexReader().docFreq(term) > 0) {
            return new TermQuery(term);
        }
        return new FuzzyQuery(term, edits);
    }

    @SuppressWarnings("unchecked")
    private static SearchHit toHit(Document doc, float score, Object passages) {
        List<String> tags = Arrays.stream(doc.getFields(ArticleFields.TAG)).map(IndexableField::stringValue).toList();
        return new SearchHit(doc.get(ArticleFields.ID), doc.get(ArticleFields.TITLE),
                ArticleFields.status(doc.get(ArticleFields.STATUS)), new HashSet<>(tags),
                doc.get(ArticleFields.PRODUCT), score, passages == null ? List.of() : (List<String>) passages);
    }

    /** Highlights each passage on its own, HTML-escaped, matches in {@code <b>}. */
    private static final class PassageHighlighter extends UnifiedHighlighter {
        PassageHighlighter(IndexSearcher searcher, Analyzer analyzer) {
            super(UnifiedHighlighter.builder(searcher, analyzer).withFormatter(new PassageList()));
        }

        /** @return per document, the list of its passages or null when none matches */
        Object[] passages(String field, Query query, int[] docs) throws IOException {
            return highlightFieldsAsObjects(new String[] {field}, query, docs, new int[] {PASSAGES}).get(field);
        }
    }

    private static final class PassageList extends PassageFormatter {
        private final DefaultPassageFormatter single = new DefaultPassageFormatter("<b>", "</b>", "", true);

        @Override
        public Object format(Passage[] passages, String content) {
            List<String> formatted = new ArrayList<>(passages.length);
            for (Passage passage : passages) {
                formatted.add(single.format(new Passage[] {passage}, content).strip());
            }
            return formatted;
        }
    }
}
