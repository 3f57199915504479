package org.alexandria.kb.internal.rest;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.alexandria.api.kb.ArticleStatus;
import org.alexandria.api.rest.ProblemException;
import org.jspecify.annotations.Nullable;

/** Parses query and path parameters itself: JAX-RS answers a malformed typed parameter with 404, not 400. */
final class Params {

    private Params() {
    }

    /** @return the number, or the default when absent; 400 outside 1..max */
    static int number(String name, @Nullable String value, int defaultValue, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below like a number out of range
        }
        throw ProblemException.badRequest(name + " must be a whole number between 1 and " + max + ", was '"
                + abbreviate(value) + "'");
    }

    /** @return the status, or null when absent */
    static @Nullable ArticleStatus status(@Nullable String value) {
        Set<ArticleStatus> statuses = statuses(value);
        if (statuses.size() > 1) {
            throw ProblemException.badRequest("status takes one value here: draft, published or archived");
        }
        return statuses.isEmpty() ? null : statuses.iterator().next();
    }

    /** @return the statuses of a comma-separated list, empty when absent */
    static Set<ArticleStatus> statuses(@Nullable String value) {
        Set<ArticleStatus> statuses = EnumSet.noneOf(ArticleStatus.class);
        if (value == null || value.isBlank()) {
            return statuses;
        }
        for (String part : value.split(",")) {
            try {
                statuses.add(ArticleStatus.valueOf(part.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("status must be draft, published or archived, was '"
                        + abbreviate(part) + "'");
            }
        }
        return statuses;
    }

    /** @return the value stripped, or null when absent or blank */
    static @Nullable String optional(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
