package org.alexandria.kb.internal.suggest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alexandria.kb.internal.search.ArticleFields;
import org.alexandria.kb.internal.search.ArticleFilter;
import org.alexandria.kb.internal.search.ArticleIndex;
import org.alexandria.kb.internal.search.QueryTerms;
import org.alexandria.kb.internal.search.TermBudget;
import org.alexandria.kb.internal.search.TextForm;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;

/**
 * Suggests articles for a ticket or crash text by mixing two rankings over the {@link ArticleIndex}:
 * <ul>
 *   <li>neighbours: the text is matched against every example question on its own; each article gets the sum
 *       of its best {@link SuggestOptions#votesPerArticle()} question scores among the
 *       {@link SuggestOptions#neighbours()} best questions (kNN voting), so that a close paraphrase of one of
 *       its questions is strong evidence for an article;</li>
 *   <li>article: the text is matched against each article as a whole (title, body and all questions), which
 *       gathers evidence spread over many questions and also covers articles without questions.</li>
 * </ul>
 * Each ranking is divided by its best score, then they are mixed with {@link SuggestOptions#articleWeight()}.
 * Both match stemmed words, word pairs and word prefixes ({@link TextForm}), weighted by the options, as one flat
 * disjunction per ranking. Per call the work is two top-k Lucene searches, each bounded by {@link TermBudget}
 * (frequent words are scored on the best candidates only), and a small lookup of titles.
 * Thread-safe; it keeps no state besides the index it reads.
 */
public final class Suggester {

    private final ArticleIndex index;
    private final SuggestOptions options;

    /** @param index the articles, ranked with {@link SuggestOptions#DEFAULT} */
    public Suggester(ArticleIndex index) {
        this(index, SuggestOptions.DEFAULT);
    }

    /**
     * @param index   the articles
     * @param options ranking parameters
     */
    public Suggester(ArticleIndex index, SuggestOptions options) {
        this.index = index;
        this.options = options;
    }

    /**
     * @param text  what the customer wrote, or a crash text
     * @param limit how many suggestions at most, at least 1
     * @return published articles, best first; empty if nothing matches
     * @throws IOException on an index failure
     */
    public List<ArticleSuggestion> suggest(String text, int limit) throws IOException {
        return suggest(text, limit, ArticleFilter.PUBLISHED);
    }

    /**
     * @param text   what the customer wrote, or a crash text
     * @param limit  how many suggestions at most, at least 1
     * @param filter which articles may be suggested
     * @return articles, best first; empty if nothing matches
     * @throws IOException on an index failure
     */
    public List<ArticleSuggestion> suggest(String text, int limit, ArticleFilter filter) throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        return index.withSearcher(searcher -> rank(searcher, text, limit, filter));
    }

    private List<ArticleSuggestion> rank(IndexSearcher searcher, String text, int limit, ArticleFilter filter)
            throws IOException {
        Map<TextForm, List<String>> terms = analyse(index.analysis().perField(), text);
        Map<String, Double> fused = new HashMap<>();
        double neighbourWeight = 1 - options.articleWeight();
        if (neighbourWeight > 0) {
            TermBudget questions = textQuery(searcher, terms, ArticleFields.QUESTION);
            if (!questions.isEmpty()) {
                addNormalised(fused, ArticleHits.votes(searcher, questions,
                        filter.toQuery(ArticleFields.KIND_QUESTION), options.neighbours(), options.votesPerArticle()),
                        neighbourWeight);
            }
        }
        if (options.articleWeight() > 0) {
            TermBudget articles = textQuery(searcher, terms, ArticleFields.CONTENT);
            if (!articles.isEmpty()) {
                // As many articles as neighbours: an article outside both lists could not rank high.
                addNormalised(fused, ArticleHits.best(searcher, articles, filter.toQuery(ArticleFields.KIND_ARTICLE),
                        Math.max(limit, options.neighbours())), options.articleWeight());
            }
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(fused.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<Map.Entry<String, Double>> top = ranked.subList(0, Math.min(limit, ranked.size()));
        Map<String, String> titles = ArticleHits.titles(searcher, top.stream().map(Map.Entry::getKey).toList());
        return top.stream()
                .map(e -> new ArticleSuggestion(e.getKey(), titles.getOrDefault(e.getKey(), ""), e.getValue()))
                .toList();
    }

    /**
     * The distinct terms of the text in each weighted form. The analysis depends on the form only, not on the text
     * field, so the text is analysed once for both rankings.
     */
    private Map<TextForm, List<String>> analyse(Analyzer analyzer, String text) {
        Map<TextForm, List<String>> terms = new EnumMap<>(TextForm.class);
        for (TextForm form : TextForm.values()) {
            if (options.weight(form) > 0) {
                terms.put(form, QueryTerms.of(analyzer, form.field(ArticleFields.QUESTION), text).stream()
                        .map(Term::text).toList());
            }
        }
        return terms;
    }

    /**
     * Every term of every form in the field, weighted by the options: one flat disjunction, scored by the field's
     * similarity, whose frequent terms {@link TermBudget} scores on the best candidates only.
     */
    private TermBudget textQuery(IndexSearcher searcher, Map<TextForm, List<String>> terms, String field)
            throws IOException {
        TermBudget query = new TermBudget(searcher);
        for (Map.Entry<TextForm, List<String>> form : terms.entrySet()) {
            String formField = form.getKey().field(field);
            float weight = (float) options.weight(form.getKey());
            query.add(formField, form.getValue(), weight);
        }
        return query;
    }

    /** Adds each score divided by the best one, times the weight: BM25 and TF-IDF scales are not comparable. */
    private static void addNormalised(Map<String, Double> into, Map<String, Double> scores, double weight) {
        double best = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (best > 0) {
            scores.forEach((id, score) -> into.merge(id, weight * score / best, Double::sum));
        }
    }
}
