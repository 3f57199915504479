package org.alexandria.kb.internal.search;

import java.util.Locale;

/** Lifecycle of an article; only {@link #PUBLISHED} articles are suggested by default. */
public enum ArticleStatus {
    /** Being written; visible to editors only. */
    DRAFT,
    /** Visible and suggested. */
    PUBLISHED,
    /** Kept for history, no longer suggested. */
    ARCHIVED;

    /** @return the value stored in the index, e.g. {@code published} */
    String indexValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ArticleStatus ofIndexValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
