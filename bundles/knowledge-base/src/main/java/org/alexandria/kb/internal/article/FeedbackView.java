package org.alexandria.kb.internal.article;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Stored feedback. The suggestion context (query, rank, score) is copied from the recorded suggestion answer,
 * not taken from the caller.
 *
 * @param id           feedback id
 * @param articleId    the article
 * @param helpful      whether it helped
 * @param suggestionId the suggestion answer, or null
 * @param query        the text the suggestion was made for, or null
 * @param rank         the article's rank in that answer, from 1, or null
 * @param score        its score there, or null
 * @param comment      free text, or null
 * @param givenBy      who gave it
 * @param created      when
 */
public record FeedbackView(String id, String articleId, boolean helpful, @Nullable String suggestionId,
        @Nullable String query, @Nullable Integer rank, @Nullable Double score, @Nullable String comment,
        String givenBy, Instant created) {
}
