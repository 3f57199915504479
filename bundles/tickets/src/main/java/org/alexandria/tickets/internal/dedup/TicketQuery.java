package org.alexandria.tickets.internal.dedup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The search for one ticket's duplicates, built like a "more like this" query: the ticket's subject terms and its
 * most telling description terms, each boosted by its rarity (idf) and by the number of those two parts it occurs
 * in, each matched with BM25 against the indexed subjects ({@link DedupSettings#subjectWeight()} times) and
 * descriptions; plus the ticket's exception types and top frames matched exactly.
 *
 * <p>Boosting by idf on top of BM25's own idf (as a tf-idf cosine weights both sides) lets a shared rare word
 * such as a component name outweigh several shared common ones such as "upgrade" or "fails".
 *
 * <p>The terms are looked up once, with one terms enumeration per segment and field ({@link #lookUp}), and the
 * resulting {@link TermStates} serve both the idf here and the term queries' weights: looking each term up per
 * segment, twice, was the largest cost of a search on an index that near-real-time refreshes keep in many segments.
 */
final class TicketQuery {

    /** Keeps a pathological subject (a pasted log) from exceeding Lucene's clause limit. */
    private static final int MAX_SUBJECT_TERMS = 64;
    /** Same for tickets with dozens of traces. */
    private static final int MAX_TRACE_TOKENS = 64;

    /** Clauses admitted to the candidate query whatever their document frequencies. */
    static final int MIN_CANDIDATE_CLAUSES = 2;

    private final Map<String, Double> importance;
    private final Map<String, String> surface;
    private final TraceSignals trace;
    private final BooleanQuery scoring;
    private final List<Clause> clauses;

    /** One scoring clause, how much a match on it tells (its weight times idf) and how many documents it matches. */
    private record Clause(Query query, double value, int docFreq) {
    }

    private TicketQuery(Map<String, Double> importance, Map<String, String> surface, TraceSignals trace,
            List<Clause> clauses) {
        this.importance = importance;
        this.surface = surface;
        this.trace = trace;
        this.clauses = clauses;
        BooleanQuery.Builder scoring = new BooleanQuery.Builder();
        clauses.forEach(c -> scoring.add(c.query(), Occur.SHOULD));
        this.scoring = scoring.build();
    }

    /**
     * @param text      the ticket whose duplicates are wanted
     * @param analyzer  the analyzer the index was built with
     * @param extractor stack-trace extractor
     * @param reader    the index, for term statistics
     * @param settings  weights
     * @return the query; {@link #isEmpty()} when nothing in the ticket occurs in the index
     * @throws IOException on an index read failure
     */
    static TicketQuery of(TicketText text, Analyzer analyzer, StackTraceExtractor extractor, IndexReader reader,
            DedupSettings settings) throws IOException {
        Map<String, String> surface = new HashMap<>();
        Map<String, String> derived = new HashMap<>();
        Map<String, Integer> subject = termCounts(analyzer, text.subject(), surface, derived);
        Map<String, Integer> description = termCounts(analyzer, text.description(), surface, derived);
        derived.forEach(surface::putIfAbsent);
        Set<String> all = new HashSet<>(subject.keySet());
        all.addAll(description.keySet());
        Map<String, TermStates> inSubjects = lookUp(reader, IndexFields.SUBJECT, all);
        Map<String, TermStates> inBodies = lookUp(reader, IndexFields.BODY, all);
        Map<String, Double> idf = new HashMap<>();
        for (String term : all) {
            int df = Math.max(docFreq(inBodies, term), docFreq(inSubjects, term));
            if (df > 0) {
                // docFreq still counts replaced and removed tickets until their segments merge, so the document
                // count must count them too (maxDoc), or idf turns negative on an index that sees updates
                idf.put(term, Math.log(1 + (reader.maxDoc() - df + 0.5) / (df + 0.5)));
            }
        }
        subject.keySet().retainAll(idf.keySet());
        description.keySet().retainAll(idf.keySet());
        Map<String, Integer> parts = new LinkedHashMap<>();
        mostTelling(subject, idf, MAX_SUBJECT_TERMS).forEach(t -> parts.merge(t, 1, Integer::sum));
        mostTelling(description, idf, settings.descriptionTerms()).forEach(t -> parts.merge(t, 1, Integer::sum));

        List<Clause> clauses = new ArrayList<>();
        Map<String, Double> importance = new LinkedHashMap<>();
        parts.forEach((term, count) -> {
            double termIdf = idf.get(term);
            float boost = (float) (count * termIdf);
            clauses.add(new Clause(new BoostQuery(termQuery(reader, IndexFields.SUBJECT, term, inSubjects),
                    boost * settings.subjectWeight()), boost * settings.subjectWeight() * termIdf,
                    docFreq(inSubjects, term)));
            clauses.add(new Clause(new BoostQuery(termQuery(reader, IndexFields.BODY, term, inBodies), boost),
                    boost * termIdf, docFreq(inBodies, term)));
            importance.put(term, boost * termIdf);
        });
        TraceSignals trace = settings.traceWeight() > 0 ? extractor.extract(text.description())
                : new TraceSignals(List.of(), List.of());
        List<String> traceTokens = IndexFields.traceTokens(trace).stream().limit(MAX_TRACE_TOKENS).toList();
        Map<String, TermStates> inTraces = lookUp(reader, IndexFields.TRACE, traceTokens);
        for (String token : traceTokens) {
            int df = docFreq(inTraces, token);
            double tokenIdf = Math.log(1 + (reader.maxDoc() - df + 0.5) / (df + 0.5));
            clauses.add(new Clause(new BoostQuery(termQuery(reader, IndexFields.TRACE, token, inTraces),
                    settings.traceWeight()), settings.traceWeight() * tokenIdf, df));
        }
        return new TicketQuery(importance, surface, trace, clauses);
    }

    /**
     * @param identifier a written identifier, e.g. {@code org.apache.CompositeService.start}
     * @param term       an analyzed part of it, e.g. {@code compositeservic}
     * @return the word of the identifier that the part comes from ({@code CompositeService}), or the part itself
     */
    static String wordContaining(String identifier, String term) {
        int start = identifier.toLowerCase(Locale.ROOT).indexOf(term);
        if (start < 0) {
            return term;
        }
        int end = start + term.length();
        while (end < identifier.length() && Character.isLowerCase(identifier.charAt(end))) {
            end++;
        }
        return identifier.substring(start, end);
    }

    /** @return whether the query has nothing to match */
    boolean isEmpty() {
        return scoring.clauses().isEmpty();
    }

    /** @return the scoring query, without filters: every clause */
    Query scoring() {
        return scoring;
    }

    /**
     * The query that finds the candidates on a large index: the clauses that tell most (weight times idf), in that
     * order, while the documents they match add up to at most {@code postings} (the first
     * {@value #MIN_CANDIDATE_CLAUSES} always). The scores it gives are partial: rescore the candidates with
     * {@link #scoring()}. When every clause fits, it is {@link #scoring()} itself.
     *
     * @param postings how many postings the candidate search may read, summed over its clauses
     * @return the candidate query
     */
    Query candidates(long postings) {
        if (clauses.stream().mapToLong(Clause::docFreq).sum() <= postings) {
            return scoring;
        }
        BooleanQuery.Builder candidates = new BooleanQuery.Builder();
        long admitted = 0;
        int count = 0;
        for (Clause clause : clauses.stream().sorted(Comparator.comparingDouble(Clause::value).reversed()).toList()) {
            if (clause.docFreq() == 0 || count >= MIN_CANDIDATE_CLAUSES && admitted + clause.docFreq() > postings) {
                continue;
            }
            candidates.add(clause.query(), Occur.SHOULD);
            admitted += clause.docFreq();
            count++;
        }
        return candidates.build();
    }

    /** @return for each searched term, how much a match on it tells (its boost times idf) */
    Map<String, Double> importance() {
        return importance;
    }

    /**
     * @param term an analyzed term
     * @return the term as the ticket wrote it ({@code upgrade} for {@code upgrad}), or the term itself when it was
     *         derived from a larger token (a word of an identifier)
     */
    String surface(String term) {
        return surface.getOrDefault(term, term);
    }

    /** @return the ticket's trace signals (empty when the trace signal is switched off) */
    TraceSignals trace() {
        return trace;
    }

    /** Rare terms that a text repeats say most about it: idf times damped frequency, best first. */
    private static List<String> mostTelling(Map<String, Integer> counts, Map<String, Double> idf, int limit) {
        return counts.keySet().stream()
                .sorted(Comparator.comparingDouble((String t) -> -idf.get(t) * (1 + Math.log(counts.get(t)))))
                .limit(limit)
                .toList();
    }

    /**
     * @return how often each term of the text occurs; the first written form of each term is added to
     *         {@code surface}, or, for a part of an identifier, to {@code derived}
     */
    private static Map<String, Integer> termCounts(Analyzer analyzer, String text, Map<String, String> surface,
            Map<String, String> derived) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (TokenStream tokens = analyzer.tokenStream(IndexFields.BODY, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute position = tokens.addAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String t = term.toString();
                counts.merge(t, 1, Integer::sum);
                String written = text.substring(offset.startOffset(), offset.endOffset());
                // stacked tokens (position increment 0) share the offsets of the whole identifier or version
                if (position.getPositionIncrement() > 0) {
                    surface.putIfAbsent(t, written);
                } else {
                    derived.putIfAbsent(t, wordContaining(written, t));
                }
            }
            tokens.end();
        }
        return counts;
    }

    /**
     * @return the states of those of {@code terms} that occur in {@code field}, for the reader's top context; each
     *         segment's terms dictionary is enumerated once for all terms, in term order
     */
    static Map<String, TermStates> lookUp(IndexReader reader, String field, Collection<String> terms)
            throws IOException {
        IndexReaderContext top = reader.getContext();
        List<BytesRef> sorted = terms.stream().map(BytesRef::new).sorted().toList();
        Map<String, TermStates> states = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms indexed = leaf.reader().terms(field);
            if (indexed == null) {
                continue;
            }
            TermsEnum dictionary = indexed.iterator();
            for (BytesRef term : sorted) {
                if (dictionary.seekExact(term)) {
                    states.computeIfAbsent(term.utf8ToString(), t -> new TermStates(top)).register(
                            dictionary.termState(), leaf.ord, dictionary.docFreq(), dictionary.totalTermFreq());
                }
            }
        }
        return states;
    }

    private static int docFreq(Map<String, TermStates> states, String term) {
        TermStates found = states.get(term);
        return found == null ? 0 : found.docFreq();
    }

    /** A term query that reuses the looked-up states (an absent term gets empty ones: it matches nothing). */
    private static TermQuery termQuery(IndexReader reader, String field, String term, Map<String, TermStates> states) {
        TermStates found = states.get(term);
        return new TermQuery(new Term(field, term), found == null ? new TermStates(reader.getContext()) : found);
    }
}
