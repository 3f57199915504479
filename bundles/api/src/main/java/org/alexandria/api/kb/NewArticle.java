package org.alexandria.api.kb;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The content of a new knowledge-base article.
 *
 * @param title     title, 1..300 characters
 * @param body      Markdown body; invalid Markdown is kept as text
 * @param tags      lower-case tags, null for none
 * @param product   product the article is about, null for general
 * @param questions example customer questions the article answers, null for none; they improve suggestions
 */
public record NewArticle(String title, String body, @Nullable List<String> tags, @Nullable String product,
        @Nullable List<String> questions) {
}
