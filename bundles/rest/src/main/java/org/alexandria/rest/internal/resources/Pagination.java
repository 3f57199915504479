package org.alexandria.rest.internal.resources;

import org.alexandria.api.rest.ProblemException;
import org.jspecify.annotations.Nullable;

/** Shared checks of the pagination parameters. */
final class Pagination {

    private Pagination() {
    }

    /** Parses {@code limit} itself: JAX-RS would answer a non-numeric int parameter with 404. */
    static int limit(@Nullable String value, int defaultLimit, int max) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("limit must be a whole number between 1 and " + max + ", was '" + value + "'");
        }
        throw ProblemException.badRequest("limit must be between 1 and " + max + ", was " + value);
    }
}
