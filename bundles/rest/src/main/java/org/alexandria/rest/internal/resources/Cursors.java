package org.alexandria.rest.internal.resources;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.alexandria.api.rest.ProblemException;
import org.jspecify.annotations.Nullable;

/** Opaque pagination cursors: base64url of the last key seen, so clients do not build them by hand. */
final class Cursors {

    private Cursors() {
    }

    static String encodeLong(long key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("k:" + key).getBytes(StandardCharsets.UTF_8));
    }

    static long decodeLong(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        ProblemException invalid = ProblemException.badRequest("cursor is not one this API returned: " + cursor);
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            invalid.initCause(e);
            throw invalid;
        }
        if (!decoded.matches("k:\\d{1,19}")) {
            throw invalid;
        }
        try {
            return Long.parseLong(decoded.substring(2));
        } catch (NumberFormatException e) {
            invalid.initCause(e);
            throw invalid;
        }
    }
}
