package org.alexandria.api.kb;

/** Lifecycle of a knowledge-base article; only published articles are suggested. */
public enum ArticleStatus {
    /** Being written; visible to editors only. */
    DRAFT,
    /** Visible and suggested. */
    PUBLISHED,
    /** Kept for history, no longer suggested. */
    ARCHIVED
}
