package org.alexandria.kb.internal.search;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.alexandria.api.kb.ArticleStatus;
import org.jspecify.annotations.Nullable;

/**
 * A knowledge-base article as the index sees it.
 *
 * @param id        unique, stable id
 * @param title     short title
 * @param body      Markdown text
 * @param tags      free tags, matched exactly
 * @param product   product it is about, or null if general
 * @param status    lifecycle state
 * @param questions example customer questions the article answers (may be empty); each one is also indexed
 *                  as its own small document so that a ticket phrased like one of them finds the article
 */
public record Article(String id, String title, String body, Set<String> tags, @Nullable String product,
        ArticleStatus status, List<String> questions) {

    /** Copies the collections and checks the id. */
    public Article {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("blank article id");
        }
        tags = Set.copyOf(tags);
        questions = List.copyOf(questions);
    }
}
