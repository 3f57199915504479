package org.alexandria.kb.internal.search;

/**
 * A full-text search over articles.
 *
 * @param text   what the user typed; misspelled words are matched fuzzily when {@code fuzzy}
 * @param filter which articles may be returned
 * @param limit  how many hits at most, at least 1
 * @param fuzzy  whether words no article contains are matched to close words
 */
public record SearchRequest(String text, ArticleFilter filter, int limit, boolean fuzzy) {

    /**
     * A search that matches misspelled words fuzzily.
     *
     * @param text   what the user typed
     * @param filter which articles may be returned
     * @param limit  how many hits at most
     */
    public SearchRequest(String text, ArticleFilter filter, int limit) {
        this(text, filter, limit, true);
    }

    /** Checks the limit. */
    public SearchRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }
}
