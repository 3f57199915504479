package org.alexandria.crash.internal.parse.legacy;

import org.alexandria.crash.internal.fingerprint.*;
import org.alexandria.crash.internal.normalize.NormalizedFrame;
import org.alexandria.crash.internal.parse.ParseLimits;
import org.alexandria.crash.internal.trace.*;
import org.jspecify.annotations.Nullable;

/**
 * Reads a text line by line without copying it, cutting long lines to {@link ParseLimits#MAX_LINE_CHARS}
 * and stopping after {@link ParseLimits#MAX_LINES}. Accepts {@code \n}, {@code \r\n} and {@code \r}.
 */
final class LegacyLines {

    private final String text;
    private int position;
    private int read;
    private boolean truncated;

    LegacyLines(String text) {
        this.text = text;
    }

    /** @return the next line, or null at the end of the text or of the line budget */
    @Nullable
    String next() {
        if (position >= text.length()) {
            return null;
        }
        if (read == ParseLimits.MAX_LINES) {
            truncated = true;
            return null;
        }
        int end = position;
        int length = text.length();
        while (end < length) {
            char c = text.charAt(end);
            if (c == '\n' || c == '\r') {
                break;
            }
            end++;
        }
        int cut = Math.min(end, position + ParseLimits.MAX_LINE_CHARS);
        if (cut < end) {
            truncated = true;
        }
        String line = text.substring(position, cut);
        position = end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n'
                ? end + 2 : end + 1;
        read++;
        return line;
    }

    /** @return true when a line was cut or lines were left unread */
    boolean truncated() {
        return truncated;
    }
}
