package org.alexandria.kb.internal.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
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
    /** Unknown words matched fuzzily, the first ones of the text: a long ticket's other unknown words are names. */
    static final int MAX_FUZZY_WORDS = 3;
    /** Terms a fuzzy word expands to at most. */
    static final int FUZZY_EXPANSIONS = 10;
    /** Longest word that is matched fuzzily. */
    static final int MAX_FUZZY_LENGTH = 20;

    private final IndexSearcher searcher;
    private final Analyzer analyzer;

    ArticleSearch(IndexSearcher searcher, Analyzer analyzer) {
        this.searcher = searcher;
        this.analyzer = analyzer;
    }

    List<SearchHit> search(SearchRequest request) throws IOException {
        List<String> words = QueryTerms.of(analyzer, ArticleFields.CONTENT, request.text()).stream().map(Term::text)
                .toList();
        if (words.isEmpty()) {
            return List.of();
        }
        TermBudget text = new TermBudget(searcher);
        BooleanQuery.Builder body = new BooleanQuery.Builder();
        int[] docFreqs = text.add(ArticleFields.CONTENT, words, 1f);
        List<String> known = new ArrayList<>(words.size());
        int fuzzy = 0;
        for (int i = 0; i < docFreqs.length; i++) {
            String value = words.get(i);
            if (docFreqs[i] > 0) {
                known.add(value);
                body.add(new TermQuery(new Term(ArticleFields.BODY, value)), Occur.SHOULD);
            } else if (request.fuzzy() && fuzzy < MAX_FUZZY_WORDS && edits(value) > 0) {
                // a word no article contains is likely misspelled
                fuzzy++;
                FuzzyExpansion close = closeTerms(value);
                if (!close.isEmpty()) {
                    text.addCandidateClause(close.blended(ArticleFields.CONTENT));
                    text.addCandidateClause(new BoostQuery(close.blended(ArticleFields.TITLE), TITLE_BOOST));
                    close.terms().forEach(t -> body.add(new TermQuery(new Term(ArticleFields.BODY, t.term())),
                            Occur.SHOULD));
                }
            }
        }
        text.add(ArticleFields.TITLE, known, TITLE_BOOST);
        if (text.isEmpty()) {
            return List.of();
        }
        ScoreDoc[] top = text.top(request.filter().toQuery(ArticleFields.KIND_ARTICLE), request.limit());
        StoredFields stored = searcher.storedFields();
        Document[] docs = new Document[top.length];
        for (int i = 0; i < top.length; i++) {
            docs[i] = stored.document(top[i].doc);
        }
        Object[] bodyPassages = new PassageHighlighter(searcher, analyzer, top, docs).passages(ArticleFields.BODY,
                body.build());
        List<SearchHit> hits = new ArrayList<>(top.length);
        for (int i = 0; i < top.length; i++) {
            hits.add(toHit(docs[i], top[i].score, bodyPassages[i]));
        }
        return hits;
    }

    /**
     * The highlighted body passages of some articles for a text, without searching: the passages that a
     * {@link #search} without fuzzy matching would return for those articles.
     *
     * @param text       what to highlight (its exact words)
     * @param articleIds the articles
     * @return each article's passages, by id (the start of its body when nothing in it matches); an article not in
     *         the index, or without a body, is absent
     * @throws IOException on an index failure
     */
    Map<String, List<String>> highlights(String text, Collection<String> articleIds) throws IOException {
        List<Term> words = QueryTerms.of(analyzer, ArticleFields.BODY, text);
        if (words.isEmpty() || articleIds.isEmpty()) {
            return Map.of();
        }
        BooleanQuery.Builder ids = new BooleanQuery.Builder();
        articleIds.forEach(id -> ids.add(new TermQuery(new Term(ArticleFields.ID, id)), Occur.SHOULD));
        Query articles = new BooleanQuery.Builder()
                .add(ids.build(), Occur.FILTER)
                .add(new TermQuery(new Term(ArticleFields.KIND, ArticleFields.KIND_ARTICLE)), Occur.FILTER)
                .build();
        TopDocs found = searcher.search(articles, articleIds.size());
        if (found.scoreDocs.length == 0) {
            return Map.of();
        }
        ScoreDoc[] hits = found.scoreDocs;
        StoredFields stored = searcher.storedFields();
        Document[] docs = new Document[hits.length];
        for (int i = 0; i < hits.length; i++) {
            docs[i] = stored.document(hits[i].doc);
        }
        // the words no body contains are left out, and the others are looked up once (one terms enumeration per
        // segment) for the highlighter's term weights, instead of once per word and segment
        Map<String, TermStates> inBodies = TermBudget.lookUp(searcher.getIndexReader(), ArticleFields.BODY,
                words.stream().map(Term::text).toList());
        BooleanQuery.Builder matching = new BooleanQuery.Builder();
        inBodies.forEach((word, states) -> matching.add(new TermQuery(new Term(ArticleFields.BODY, word), states),
                Occur.SHOULD));
        Object[] passages = new PassageHighlighter(searcher, analyzer, hits, docs).passages(ArticleFields.BODY,
                matching.build());
        Map<String, List<String>> byId = new HashMap<>();
        for (int i = 0; i < hits.length; i++) {
            if (passages[i] != null) {
                @SuppressWarnings("unchecked")
                List<String> list = (List<String>) passages[i];
                byId.put(docs[i].get(ArticleFields.ID), list);
            }
        }
        return byId;
    }

    /** Edits allowed for a word the index lacks: none below 3 letters, 1 below 6, else 2. */
    /**
     * Edits allowed for a word no article contains: none for very short words and for long ones, which are
     * identifiers (class and method names of a pasted stack trace, hashes) rather than typos; building a
     * Levenshtein automaton for such a token costs far more than all the rest of the query.
     */
    static int edits(String word) {
        int length = word.length();
        return length < 3 || length > MAX_FUZZY_LENGTH ? 0 : length < 6 ? 1 : 2;
    }

    /**
     * Terms within {@link #edits} of the word that share its first letter (typos rarely hit the first letter, and
     * the automaton then visits a small part of the term dictionary), the {@link #FUZZY_EXPANSIONS} closest. They
     * are taken from the content field, which holds every word of titles, bodies and questions, and then matched
     * in each field.
     */
    private FuzzyExpansion closeTerms(String word) throws IOException {
        return FuzzyExpansion.of(searcher.getIndexReader(), ArticleFields.CONTENT, word, edits(word), 1,
                FUZZY_EXPANSIONS);
    }

    @SuppressWarnings("unchecked")
    private static SearchHit toHit(Document doc, float score, Object passages) {
        List<String> tags = Arrays.stream(doc.getFields(ArticleFields.TAG)).map(IndexableField::stringValue).toList();
        return new SearchHit(doc.get(ArticleFields.ID), doc.get(ArticleFields.TITLE),
                ArticleFields.status(doc.get(ArticleFields.STATUS)), new HashSet<>(tags),
                doc.get(ArticleFields.PRODUCT), score, passages == null ? List.of() : (List<String>) passages);
    }

    /**
     * Highlights each passage on its own, HTML-escaped, matches in {@code <b>}. Match offsets come from the body's
     * postings (it is indexed with offsets, see {@link ArticleDocuments#BODY_TYPE}); the text comes from the hits'
     * documents, already loaded, instead of being read and decompressed a second time.
     */
    private static final class PassageHighlighter extends UnifiedHighlighter {
        private final int[] docIds;
        private final Document[] docs;

        PassageHighlighter(IndexSearcher searcher, Analyzer analyzer, ScoreDoc[] hits, Document[] docs) {
            super(UnifiedHighlighter.builder(searcher, analyzer).withFormatter(new PassageList()));
            this.docIds = Arrays.stream(hits).mapToInt(hit -> hit.doc).toArray();
            this.docs = docs;
        }

        /** @return per hit, the list of its passages or null when none matches */
        Object[] passages(String field, Query query) throws IOException {
            return highlightFieldsAsObjects(new String[] {field}, query, docIds, new int[] {PASSAGES}).get(field);
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
                int cacheCharsThreshold) throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                Document document = docs[indexOf(doc)];
                CharSequence[] perField = new CharSequence[fields.length];
                for (int f = 0; f < fields.length; f++) {
                    String value = document.get(fields[f]);
                    perField[f] = value == null ? "" : value;
                }
                values.add(perField);
            }
            return values;
        }

        private int indexOf(int doc) {
            for (int i = 0; i < docIds.length; i++) {
                if (docIds[i] == doc) {
                    return i;
                }
            }
            throw new IllegalArgumentException("not a hit: " + doc);
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
