package org.alexandria.tickets.internal.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import javax.ws.rs.core.SecurityContext;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.rest.ProblemException;
import org.jspecify.annotations.Nullable;

/** Shared parsing of query parameters, cursors and the caller. */
final class Params {

    private Params() {
    }

    static Actor actor(SecurityContext security) {
        return Actor.user(security.getUserPrincipal().getName());
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

    static <E extends Enum<E>> @Nullable E enumValue(String name, @Nullable String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name + " must be one of " + EnumSet.allOf(type) + ", was '" + value + "'");
        }
    }

    /** @return the values of a parameter given as a comma-separated list, repeated, or both */
    static <E extends Enum<E>> Set<E> enumSet(String name, java.util.@Nullable List<String> values, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    E e = enumValue(name, part, type);
                    if (e != null) {
                        set.add(e);
                    }
                }
            }
        }
        return set;
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String encodeCursor(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static @Nullable String decodeCursor(@Nullable String cursor, String prefix) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        ProblemException invalid = ProblemException.badRequest("cursor is not one this API returned for this list: " + cursor);
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            invalid.initCause(e);
            throw invalid;
        }
        if (!text.startsWith(prefix)) {
            throw invalid;
        }
        return text.substring(prefix.length());
    }
}
