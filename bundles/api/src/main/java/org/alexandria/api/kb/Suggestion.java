package org.alexandria.api.kb;

import java.util.List;

/**
 * An article suggested for a text, e.g. a ticket or a crash group.
 *
 * @param articleId  the article
 * @param title      its title
 * @param score      relevance, higher is better; comparable only within one answer
 * @param highlights short passages of the article that match the text
 */
public record Suggestion(String articleId, String title, double score, List<String> highlights) {
}
