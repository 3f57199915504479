package org.alexandria.kb.internal.suggest;

import org.alexandria.kb.internal.search.TextForm;

/**
 * Parameters of {@link Suggester}.
 *
 * @param neighbours      how many best-matching example questions are collected (the k of kNN)
 * @param votesPerArticle how many of an article's best question scores are summed into its neighbour score:
 *                        more than one rewards articles that several close questions agree on, a small number
 *                        keeps articles with many questions from winning by numbers alone
 * @param articleWeight   share of the article-level score in the mix, 0..1; the neighbour score gets the rest
 * @param shingleWeight   weight of word-pair matches, against 1 for single words
 * @param prefixWeight    weight of word-prefix matches, against 1 for single words
 */
public record SuggestOptions(int neighbours, int votesPerArticle, double articleWeight, double shingleWeight,
        double prefixWeight) {

    /** The default, chosen by cross-validation inside the training part of the evaluation data. */
    public static final SuggestOptions DEFAULT = new SuggestOptions(100, 3, 0.5, 0.5, 0.5);

    /** Checks the ranges. */
    public SuggestOptions {
        if (neighbours < 1 || votesPerArticle < 1) {
            throw new IllegalArgumentException("neighbours and votesPerArticle must be at least 1");
        }
        if (!(articleWeight >= 0 && articleWeight <= 1) || !(shingleWeight >= 0) || !(prefixWeight >= 0)) {
            throw new IllegalArgumentException("weights out of range");
        }
    }

    /**
     * @param form a text form
     * @return its weight in a query
     */
    double weight(TextForm form) {
        return switch (form) {
            case WORDS -> 1;
            case SHINGLES -> shingleWeight;
            case PREFIXES -> prefixWeight;
        };
    }
}
