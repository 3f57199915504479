package org.alexandria.kb.internal.search;

/**
 * How an {@link ArticleIndex} analyses and scores text. An existing index must be reopened with the analysis
 * options it was written with (stemming, contractions); the scoring options may change at any time.
 *
 * @param stemming       Porter-stem words and word pairs ("charged", "charges" → "charg")
 * @param contractions   spell out "n't" as " not" so that "didn't arrive" matches "did not arrive"
 * @param tfIdfQuestions score example questions with Lucene's classic TF-IDF instead of BM25 (see
 *                       {@link ArticleSimilarity})
 * @param contentK1      BM25 term-frequency saturation of the article-level text (see {@link ArticleSimilarity})
 */
public record ArticleIndexOptions(boolean stemming, boolean contractions, boolean tfIdfQuestions, float contentK1) {

    /** The tuned default. */
    public static final ArticleIndexOptions DEFAULT = new ArticleIndexOptions(true, true, true, 6f);

    /** Checks the saturation. */
    public ArticleIndexOptions {
        if (!(contentK1 >= 0)) {
            throw new IllegalArgumentException("contentK1 must be non-negative: " + contentK1);
        }
    }
}
