package org.alexandria.crash.internal.parse.legacy;

import org.alexandria.crash.internal.fingerprint.*;
import org.alexandria.crash.internal.normalize.NormalizedFrame;
import org.alexandria.crash.internal.parse.ParseLimits;
import org.alexandria.crash.internal.trace.*;
import org.jspecify.annotations.Nullable;

/**
 * An exception header line, {@code Type} or {@code Type: message}.
 *
 * @param type    the exception type
 * @param message the text after the first {@code ": "}, empty when none
 */
record LegacyHeader(String type, String message) {

    /**
     * @param line  the line without prefixes such as {@code Caused by: }
     * @param extra characters allowed in type names besides identifier characters and dots
     * @param qualifiedOrErrorName true to accept a type only when it is qualified ({@code a.B}) or
     *                             named like an error; false to accept any identifier
     * @return the header, or null when the line does not start with a type name
     */
    @Nullable
    static LegacyHeader parse(String line, String extra, boolean qualifiedOrErrorName) {
        String s = line.strip();
        int colon = s.indexOf(':');
        String type = colon < 0 ? s : s.substring(0, colon);
        String message = colon < 0 ? "" : s.substring(colon + 1);
        if (colon >= 0 && !message.isEmpty() && message.charAt(0) != ' ') {
            return null; // "a.B:c" is a location or URL, not a header
        }
        if (!LegacyText.isDottedName(type, extra)) {
            return null;
        }
        if (qualifiedOrErrorName && type.indexOf('.') < 0 && !LegacyText.looksLikeErrorName(type)) {
            return null;
        }
        return new LegacyHeader(type, message.strip());
    }
}
