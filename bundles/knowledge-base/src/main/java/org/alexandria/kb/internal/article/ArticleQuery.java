package org.alexandria.kb.internal.article;

import org.alexandria.api.kb.ArticleStatus;
import org.jspecify.annotations.Nullable;

/**
 * A page of the article list, newest first.
 *
 * @param status  only this status, or null for all
 * @param tag     only articles with this tag, or null
 * @param product only this product, or null
 * @param limit   page size, 1..{@value ArticleRules#MAX_PAGE}
 * @param cursor  the previous page's next cursor, or null for the first page
 */
public record ArticleQuery(@Nullable ArticleStatus status, @Nullable String tag, @Nullable String product, int limit,
        @Nullable String cursor) {

    /** Checks the limit. */
    public ArticleQuery {
        if (limit < 1 || limit > ArticleRules.MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + ArticleRules.MAX_PAGE + ": " + limit);
        }
    }
}
