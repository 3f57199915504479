package org.alexandria.kb.internal.article;

import org.alexandria.api.kb.ArticleStatus;

/**
 * Result of setting an article's status.
 *
 * @param article the article afterwards
 * @param before  its status before
 * @param changed false when it already had the status (nothing was saved)
 */
public record StatusChange(ArticleView article, ArticleStatus before, boolean changed) {
}
