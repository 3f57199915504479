package org.alexandria.kb.internal.article;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an editor writes: the content of a new article or the new content of an existing one. Checked and
 * normalised by {@link ArticleRules}.
 *
 * @param title     1..{@value ArticleRules#MAX_TITLE} characters
 * @param body      Markdown, at most {@value ArticleRules#MAX_BODY} characters; invalid Markdown is kept as text
 * @param tags      lower-case tags (letters, digits, {@code .-_}), null for none
 * @param product   product the article is about, null for general
 * @param questions example customer questions the article answers, null for none; they drive suggestions
 * @param slug      URL name, null to derive it from the title (on create) or keep it (on update)
 */
public record ArticleInput(String title, String body, @Nullable List<String> tags, @Nullable String product,
        @Nullable List<String> questions, @Nullable String slug) {
}
