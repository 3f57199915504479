package org.alexandria.kb.internal.article;

import java.time.Instant;
import java.util.List;
import org.alexandria.api.kb.ArticleStatus;
import org.jspecify.annotations.Nullable;

/**
 * One saved state of an article.
 *
 * @param articleId the article
 * @param version   number, from 1
 * @param title     title then
 * @param body      Markdown body then
 * @param tags      tags then, sorted
 * @param product   product then, or null
 * @param status    status then
 * @param questions example questions then
 * @param author    who saved it
 * @param created   when
 */
public record ArticleVersionView(String articleId, int version, String title, String body, List<String> tags,
        @Nullable String product, ArticleStatus status, List<String> questions, String author, Instant created) {
}
