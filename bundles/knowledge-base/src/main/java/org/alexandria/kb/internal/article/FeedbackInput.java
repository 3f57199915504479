package org.alexandria.kb.internal.article;

import org.jspecify.annotations.Nullable;

/**
 * Helpful or not, on an article or on one suggestion of it.
 *
 * @param helpful      whether the article helped
 * @param suggestionId the suggestion answer the article came from, or null for feedback on the article alone
 * @param comment      optional free text, at most {@value ArticleRules#MAX_COMMENT} characters
 */
public record FeedbackInput(boolean helpful, @Nullable String suggestionId, @Nullable String comment) {
}
