package org.alexandria.kb.internal.search;

import java.util.List;
import java.util.Set;
import org.alexandria.api.kb.ArticleStatus;
import org.jspecify.annotations.Nullable;

/**
 * One article found by a search.
 *
 * @param articleId  the article
 * @param title      its title
 * @param status     its status
 * @param tags       its tags
 * @param product    its product, or null
 * @param score      BM25 relevance, higher is better; comparable only within one answer
 * @param highlights passages of the body that match, matches wrapped in {@code <b>}, HTML escaped
 */
public record SearchHit(String articleId, String title, ArticleStatus status, Set<String> tags,
        @Nullable String product, double score, List<String> highlights) {
}
