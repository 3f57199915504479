package org.alexandria.kb.internal.search;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.ClassicSimilarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * Scoring per field. Title and body use plain BM25. The article-level {@link ArticleFields#CONTENT} joins all
 * example questions, so a word's frequency keeps telling how typical it is of the article long after it would
 * saturate in prose: it gets a larger k1. A question is as short as the ticket it is compared with; there the
 * classic TF-IDF (square-root term frequency, 1/√length, flatter IDF than BM25) measured better on validation
 * data: the overlap of ordinary words counts more, and the article-level score already weighs rare words.
 */
final class ArticleSimilarity extends PerFieldSimilarityWrapper {

    private final Similarity standard = new BM25Similarity();
    private final Similarity content;
    private final Similarity questions;

    ArticleSimilarity(ArticleIndexOptions options) {
        this.content = new BM25Similarity(options.contentK1(), 0.75f);
        this.questions = options.tfIdfQuestions() ? new ClassicSimilarity() : standard;
    }

    @Override
    public Similarity get(String field) {
        return switch (TextForm.textField(field)) {
            case ArticleFields.QUESTION -> questions;
            case ArticleFields.CONTENT -> content;
            default -> standard;
        };
    }
}
