package org.alexandria.crash.internal.parse;

import org.jspecify.annotations.Nullable;

/**
 * Reads a text line by line without copying it, cutting long lines to {@link ParseLimits#MAX_LINE_CHARS}
 * and stopping after {@link ParseLimits#MAX_LINES}. Accepts {@code \n}, {@code \r\n} and {@code \r}.
 */
final class Lines {

    private final String text;
    private int position;
    private int read;
    private boolean truncated;
    /** Index of the next {@code \n} / {@code \r} at or after {@link #position}'s last search, the length when none. */
    private int nextLf = -1;
    private int nextCr = -1;

    Lines(String text) {
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
        int length = text.length();
        if (nextLf < position) {
            nextLf = text.indexOf('\n', position);
            nextLf = nextLf < 0 ? length : nextLf;
        }
        if (nextCr < position) {
            nextCr = text.indexOf('\r', position);
            nextCr = nextCr < 0 ? length : nextCr;
        }
        int end = Math.min(nextLf, nextCr);
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
