package org.alexandria.kb.internal.article;

import java.time.Instant;
import java.util.List;
import org.alexandria.api.kb.ArticleStatus;
import org.jspecify.annotations.Nullable;

/**
 * An article as it is now.
 *
 * @param id        stable id (UUID)
 * @param slug      unique URL name
 * @param title     title
 * @param body      Markdown body
 * @param tags      tags, sorted
 * @param product   product, or null
 * @param status    lifecycle state
 * @param questions example customer questions
 * @param author    who saved the current version
 * @param created   when it was created
 * @param updated   when the current version was saved
 * @param version   number of the current version, from 1
 */
public record ArticleView(String id, String slug, String title, String body, List<String> tags,
        @Nullable String product, ArticleStatus status, List<String> questions, String author, Instant created,
        Instant updated, int version) {
}
