package org.alexandria.kb.internal.search;

/**
 * A full-text search over articles.
 *
 * @param text   what the user typed; misspelled words are matched fuzzily
 * @param filter which articles may be returned
 * @param limit  how many hits at most, at least 1
 */
public record SearchRequest(String text, ArticleFilter filter, int limit) {

    /** Checks the limit. */
    public SearchRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }
}
