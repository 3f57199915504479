package org.alexandria.kb.internal.suggest;

/**
 * An article suggested for a text.
 *
 * @param articleId the article
 * @param title     its title
 * @param score     relevance in (0, 1], higher is better; comparable only within one answer
 */
public record ArticleSuggestion(String articleId, String title, double score) {
}
