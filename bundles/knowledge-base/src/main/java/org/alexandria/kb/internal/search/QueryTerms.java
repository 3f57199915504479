package org.alexandria.kb.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Turns query text into the distinct terms of one field, as that field's analyzer produces them. */
public final class QueryTerms {

    /**
     * Most distinct terms taken from one text per field. Three forms of a long crash text stay below Lucene's
     * limit of 1,024 clauses per query.
     */
    public static final int MAX_TERMS_PER_FIELD = 300;

    private QueryTerms() {
    }

    /**
     * @param analyzer the index's per-field analyzer
     * @param field    field to analyse for
     * @param text     query text
     * @return distinct terms in order of first occurrence, at most {@link #MAX_TERMS_PER_FIELD}
     */
    public static List<Term> of(Analyzer analyzer, String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (terms.size() < MAX_TERMS_PER_FIELD && stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        return terms.stream().map(t -> new Term(field, t)).toList();
    }

    /**
     * @param terms terms of one field
     * @return a disjunction of them, each scored by the field's similarity (BM25); matches nothing if empty
     */
    public static Query anyOf(List<Term> terms) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Term term : terms) {
            query.add(new TermQuery(term), Occur.SHOULD);
        }
        return query.build();
    }
}
