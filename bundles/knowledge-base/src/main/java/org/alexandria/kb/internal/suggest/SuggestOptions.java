package org.alexandria.kb.internal.suggest;

/**
 * Parameters of {@link Suggester}.
 *
 * @param neighbours      how many best-matching example questions are collected (the k of kNN)
 * @param votesPerArticle how many of an article's best neighbour scores are summed into its neighbour score,
 *                        so that articles with many examples do not win by numbers alone
 * @param articleWeight   weight of the article-level score against the neighbour score (1 - articleWeight)
 * @param shingleWeight   weight of word-pair matches against single words (1)
 * @param gramWeight      weight of character-gram matches against single words (1)
 */
public record SuggestOptions(int neighbours, int votesPerArticle, double articleWeight, double shingleWeight,
        double gramWeight) {

    /** The default, tuned on a validation part of the training data. */
    public static final SuggestOptions DEFAULT = new SuggestOptions(100, 3, 0.5, 0.5, 0);

    /** Checks the ranges. */
    public SuggestOptions {
        if (neighbours < 1 || votesPerArticle < 1) {
            throw new IllegalArgumentException("neighbours and votesPerArticle must be at least 1");
        }
        if (articleWeight < 0 || articleWeight > 1 || shingleWeight < 0 || gramWeight < 0) {
            throw new IllegalArgumentException("weights out of range");
        }
    }
}
