package org.alexandria.crash.internal.store;

import org.jspecify.annotations.Nullable;

/**
 * Filters and order of the crash group list.
 *
 * @param status        groups of this status ({@code OPEN} or {@code MERGED})
 * @param app           only groups with reports of this application
 * @param version       only groups with reports of this application version
 * @param exceptionType only groups of this root cause type (exact)
 * @param text          only groups whose signature or message contain this text, ignoring case
 * @param sort          order: most reports first, or most recently seen first
 */
public record GroupFilter(String status, @Nullable String app, @Nullable String version, @Nullable String exceptionType,
        @Nullable String text, Sort sort) {

    /** Orders of the list; ties by id. */
    public enum Sort {
        /** Most reports first. */
        COUNT,
        /** Most recently seen first. */
        LAST_SEEN
    }
}
