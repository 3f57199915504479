package org.alexandria.kb.internal.suggest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alexandria.kb.internal.search.ArticleFields;
import org.alexandria.kb.internal.search.ArticleFilter;
import org.alexandria.kb.internal.search.ArticleIndex;
import org.alexandria.kb.internal.search.QueryTerms;
import org.alexandria.kb.internal.search.TextForm;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Suggests articles for a ticket or crash text by combining two BM25 rankings over the {@link ArticleIndex}:
 * <ul>
 *   <li>neighbours: the text is matched against every example question on its own; each article gets the sum
 *       of its best {@link SuggestOptions#votesPerArticle()} question scores among the top
 *       {@link SuggestOptions#neighbours()} (kNN voting), so one close paraphrase is strong evidence;</li>
 *   <li>article: the text is matched against the whole article (title, body and questions together), which
 *       also covers articles without example questions.</li>
 * </ul>
 * Each ranking is divided by its best score, then they are mixed with {@link SuggestOptions#articleWeight()}.
 * Both queries match stemmed words, word pairs and character grams, weighted by the options. Per query the
 * work is two top-k Lucene searches, independent of the number of articles beyond what Lucene does.
 * Thread-safe and stateless apart from the index it reads.
 */
public final class Suggester {

    private final ArticleIndex index;
    private final SuggestOptions options;
    private IndexSearcher currentSearcher;

    /** @param index the articles, with the default options */
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
     * @return published articles, best first
     * @throws IOException on an index failure
     */
    public List<ArticleSuggestion> suggest(String text, int limit) throws IOException {
        return suggest(text, limit, ArticleFilter.PUBLISHED);
    }

    /**
     * @param text   what the customer wrote, or a crash text
     * @param limit  how many suggestions at most, at least 1
     * @param filter which articles may be suggested
     * @return articles, best first
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
        Analyzer analyzer = index.analysis().perField();
        currentSearcher = searcher;
        Map<String, Double> neighbour = new HashMap<>();
        Map<String, Double> article = new HashMap<>();
        if (options.articleWeight() < 1) {
            Query questions = filtered(textQuery(analyzer, ArticleFields.QUESTION, text),
                    filter.toQuery(ArticleFields.KIND_QUESTION));
            neighbour = ArticleHits.votes(searcher, questions, options.neighbours(), options.votesPerArticle());
        }
        if (options.articleWeight() > 0) {
            Query contentQ = textQuery(analyzer, ArticleFields.CONTENT, text);
            double tw = Double.parseDouble(System.getProperty("kb.title", "0"));
            if (tw > 0) {
                contentQ = new BooleanQuery.Builder().add(contentQ, Occur.SHOULD).add(new BoostQuery(QueryTerms.anyOf(QueryTerms.of(analyzer, ArticleFields.TITLE, text)), (float) tw), Occur.SHOULD).build();
            }
            Query articles = filtered(contentQ,
                    filter.toQuery(ArticleFields.KIND_ARTICLE));
            article = ArticleHits.best(searcher, articles, Math.max(limit, options.neighbours()));
        }
        Map<String, Double> fused = new HashMap<>();
        addNormalised(fused, neighbour, 1 - options.articleWeight());
        addNormalised(fused, article, options.articleWeight());
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(fused.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<Map.Entry<String, Double>> top = ranked.subList(0, Math.min(limit, ranked.size()));
        Map<String, String> titles = ArticleHits.titles(searcher, top.stream().map(Map.Entry::getKey).toList());
        return top.stream()
                .map(e -> new ArticleSuggestion(e.getKey(), titles.getOrDefault(e.getKey(), ""), e.getValue()))
                .toList();
    }

    private Query textQuery(Analyzer analyzer, String field, String text) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (Boolean.getBoolean("kb.fuzzy")) {
            BooleanQuery.Builder w = new BooleanQuery.Builder();
            for (Term t : QueryTerms.of(analyzer, field, text)) {
                int len = t.text().length();
                int edits = len < 4 ? 0 : len < 7 ? 1 : 2;
                boolean known;
                try { known = currentSearcher.getIndexReader().docFreq(t) > 0; } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
                w.add(known || edits == 0 ? new org.apache.lucene.search.TermQuery(t) : new org.apache.lucene.search.FuzzyQuery(t, edits), Occur.SHOULD);
            }
            query.add(w.build(), Occur.SHOULD);
        } else
        addForm(query, analyzer, field, TextForm.WORDS, text, 1);
        String lv = field.equals(ArticleFields.QUESTION) ? "q" : "c";
        addForm(query, analyzer, field, TextForm.SHINGLES, text, Double.parseDouble(System.getProperty("kb.sw" + lv, "" + options.shingleWeight())));
        addForm(query, analyzer, field, TextForm.GRAMS, text, Double.parseDouble(System.getProperty("kb.gw" + lv, "" + options.gramWeight())));
        return query.build();
    }

    private void addForm(BooleanQuery.Builder query, Analyzer analyzer, String field, TextForm form,
            String text, double weight) {
        if (weight > 0) {
            List<Term> terms = QueryTerms.of(analyzer, form.field(field), text);
            if (!terms.isEmpty()) {
                double gamma = Double.parseDouble(System.getProperty("kb.gamma", "0"));
                if (gamma > 0 && field.equals(ArticleFields.QUESTION)) {
                    BooleanQuery.Builder b = new BooleanQuery.Builder();
                    try {
                        var r = currentSearcher.getIndexReader();
                        int n = r.getDocCount(form.field(ArticleFields.CONTENT));
                        for (Term t : terms) {
                            int df = r.docFreq(new Term(form.field(ArticleFields.CONTENT), t.bytes()));
                            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
                            b.add(new BoostQuery(new org.apache.lucene.search.TermQuery(t), (float) Math.pow(idf, gamma)), Occur.SHOULD);
                        }
                    } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
                    query.add(new BoostQuery(b.build(), (float) weight), Occur.SHOULD);
                    return;
                }
                query.add(new BoostQuery(QueryTerms.anyOf(terms), (float) weight), Occur.SHOULD);
            }
        }
    }

    private static Query filtered(Query text, Query filter) {
        return new BooleanQuery.Builder().add(text, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    private static void addNormalised(Map<String, Double> into, Map<String, Double> scores, double weight) {
        double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        String norm = System.getProperty("kb.norm", "max");
        if (norm.equals("sum")) max = scores.values().stream().mapToDouble(Double::doubleValue).sum();
        if (norm.equals("second")) { var l = scores.values().stream().sorted(Comparator.reverseOrder()).toList(); max = l.size() > 1 ? l.get(1) : max; }
        if (norm.equals("mean10")) { var l = scores.values().stream().sorted(Comparator.reverseOrder()).limit(10).toList(); max = l.stream().mapToDouble(Double::doubleValue).average().orElse(0); }
        if (max > 0 && weight > 0) {
            final double mx = max;
            scores.forEach((id, score) -> into.merge(id, weight * score / mx, Double::sum));
        }
    }
}
