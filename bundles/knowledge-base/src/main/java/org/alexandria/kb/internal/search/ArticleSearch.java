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
    /** Unknown words matched fuzzily, the first ones of the text: a long ticket's other unknown words are names. */
    static final int MAX_FUZZY_WORDS = 3;
    /** Terms a fuzzy word expands to at most. */
    static final int FUZZY_EXPANSIONS = 10;

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
        TermBudget text = new TermBudget(searcher);
        BooleanQuery.Builder body = new BooleanQuery.Builder();
        int fuzzy = 0;
        for (Term word : words) {
            String value = word.text();
            if (text.add(word, 1f) > 0) {
                text.add(new Term(ArticleFields.TITLE, value), TITLE_BOOST);
                body.add(new TermQuery(new Term(ArticleFields.BODY, value)), Occur.SHOULD);
            } else if (fuzzy < MAX_FUZZY_WORDS && edits(value) > 0) {
                // a word no article contains is likely misspelled
                fuzzy++;
                text.addCandidateClause(fuzzy(ArticleFields.CONTENT, value));
                text.addCandidateClause(new BoostQuery(fuzzy(ArticleFields.TITLE, value), TITLE_BOOST));
                body.add(fuzzy(ArticleFields.BODY, value), Occur.SHOULD);
            }
        }
        if (text.isEmpty()) {
            return List.of();
        }
        ScoreDoc[] top = text.top(request.filter().toQuery(ArticleFields.KIND_ARTICLE), request.limit());
        Object[] bodyPassages = new PassageHighlighter(searcher, analyzer).passages(ArticleFields.BODY, body.build(),
                Arrays.stream(top).mapToInt(hit -> hit.doc).toArray());
        List<SearchHit> hits = new ArrayList<>(top.length);
        for (int i = 0; i < top.length; i++) {
            ScoreDoc hit = top[i];
            hits.add(toHit(searcher.storedFields().document(hit.doc), hit.score, bodyPassages[i]));
        }
        return hits;
    }

    /** Edits allowed for a word the index lacks: none below 3 letters, 1 below 6, else 2. */
    private static int edits(String word) {
        return word.length() < 3 ? 0 : word.length() < 6 ? 1 : 2;
    }

    /**
     * Terms within {@link #edits} of the word that share its first letter (typos rarely hit the first letter, and
     * the automaton then visits a small part of the term dictionary), the {@link #FUZZY_EXPANSIONS} closest.
     */
    private static Query fuzzy(String field, String word) {
        return new FuzzyQuery(new Term(field, word), edits(word), 1, FUZZY_EXPANSIONS, true);
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
