package org.alexandria.kb.internal.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.BlendedTermQuery;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * The terms of a field's dictionary closest to a misspelled word, chosen as {@code FuzzyQuery}'s default rewrite
 * chooses them (Levenshtein automaton with transpositions, the closest first, ties by term), but computed once and
 * then matched in several fields: a {@code FuzzyQuery} per field would build its automata again for every field,
 * and the highlighter would run them once more on every hit.
 */
final class FuzzyExpansion {

    /** A term of the dictionary and its similarity to the word, in (0, 1). */
    record Close(BytesRef term, float boost) {
    }

    /** Least competitive first: lower similarity, then the later term, as Lucene's top-terms rewrite ranks them. */
    private static final Comparator<Close> COMPETITIVE = Comparator.comparingDouble(Close::boost)
            .thenComparing(Close::term, Comparator.reverseOrder());

    private final List<Close> terms;

    private FuzzyExpansion(List<Close> terms) {
        this.terms = terms;
    }

    /**
     * @param reader       the index
     * @param field        whose term dictionary is searched
     * @param word         the analysed word
     * @param maxEdits     edits allowed, 1 or 2
     * @param prefixLength leading characters that must match exactly
     * @param maxTerms     how many of the closest terms to keep
     * @return the closest terms, possibly none
     * @throws IOException on an index failure
     */
    static FuzzyExpansion of(IndexReader reader, String field, String word, int maxEdits, int prefixLength,
            int maxTerms) throws IOException {
        Terms dictionary = MultiTerms.getTerms(reader, field);
        if (dictionary == null) {
            return new FuzzyExpansion(List.of());
        }
        FuzzyTermsEnum candidates = new FuzzyTermsEnum(dictionary, new Term(field, word), maxEdits, prefixLength, true);
        PriorityQueue<Close> best = new PriorityQueue<>(COMPETITIVE);
        for (BytesRef term = candidates.next(); term != null; term = candidates.next()) {
            Close close = new Close(term, candidates.getBoost());
            if (best.size() == maxTerms && COMPETITIVE.compare(close, best.peek()) <= 0) {
                continue;
            }
            best.add(new Close(BytesRef.deepCopyOf(term), close.boost()));
            if (best.size() > maxTerms) {
                best.poll();
            }
            if (best.size() == maxTerms) {
                // lets the enum drop to fewer edits once only closer terms can enter
                candidates.setMaxNonCompetitiveBoost(best.peek().boost());
            }
        }
        List<Close> closest = new ArrayList<>(best);
        closest.sort(COMPETITIVE.reversed());
        return new FuzzyExpansion(closest);
    }

    /** @return the closest terms, closest first */
    List<Close> terms() {
        return terms;
    }

    /** @return true if no term is close enough */
    boolean isEmpty() {
        return terms.isEmpty();
    }

    /**
     * The terms in a field, each boosted by its similarity, with blended document frequencies as
     * {@code FuzzyQuery} scores them (a rare variant does not outweigh a common one for being rare).
     *
     * @param field where to match them (it may lack some)
     * @return the query
     */
    Query blended(String field) {
        BlendedTermQuery.Builder query = new BlendedTermQuery.Builder()
                .setRewriteMethod(BlendedTermQuery.BOOLEAN_REWRITE);
        for (Close close : terms) {
            query.add(new Term(field, close.term()), close.boost());
        }
        return query.build();
    }
}
