package org.alexandria.crash.internal.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.crash.internal.store.PageKey;
import org.jspecify.annotations.Nullable;

/** Page sizes and opaque cursors (base64url of the last item's sort value and id). */
final class Paging {

    private static final Pattern KEY = Pattern.compile("k:(-?\\d{1,19}):([0-9a-f-]{36})");

    private Paging() {
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
            // reported below like an out-of-range number
        }
        throw ProblemException.badRequest("limit must be a whole number between 1 and " + max + ", was '" + value + "'");
    }

    static String encode(PageKey key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("k:" + key.value() + ":" + key.id()).getBytes(StandardCharsets.UTF_8));
    }

    static @Nullable PageKey decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        ProblemException invalid = ProblemException.badRequest("cursor is not one this API returned");
        if (cursor.length() > 200) {
            throw invalid;
        }
        try {
            Matcher m = KEY.matcher(new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8));
            if (m.matches()) {
                return new PageKey(Long.parseLong(m.group(1)), m.group(2));
            }
        } catch (IllegalArgumentException e) {
            invalid.initCause(e);
        }
        throw invalid;
    }
}
