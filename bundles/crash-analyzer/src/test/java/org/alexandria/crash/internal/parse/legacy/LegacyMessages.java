package org.alexandria.crash.internal.parse.legacy;

import org.alexandria.crash.internal.fingerprint.*;
import org.alexandria.crash.internal.normalize.NormalizedFrame;
import org.alexandria.crash.internal.parse.ParseLimits;
import org.alexandria.crash.internal.trace.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Exception messages without the parts that change from one occurrence to the next. */
public final class LegacyMessages {

    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern HEX = Pattern.compile("\\b0x[0-9a-fA-F]+\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private LegacyMessages() {
    }

    /** @return the message with UUIDs, hex addresses and numbers replaced by placeholders, spaces collapsed */
    public static String normalize(String message) {
        String s = UUID.matcher(message).replaceAll("<uuid>");
        s = HEX.matcher(s).replaceAll("<hex>");
        s = NUMBER.matcher(s).replaceAll("<n>");
        return SPACE.matcher(s).replaceAll(" ").strip();
    }

    /**
     * Splits a message into lower-case words. Tokens holding digits (numbers, addresses, ids, hashes)
     * are dropped rather than replaced: they vary between occurrences and say nothing about the cause.
     *
     * @return words of at least two letters, in order, repeats kept
     */
    public static List<String> words(String message) {
        List<String> words = new ArrayList<>();
        int start = -1;
        boolean digit = false;
        for (int i = 0; i <= message.length(); i++) {
            char c = i < message.length() ? message.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c) || c == '_') {
                if (start < 0) {
                    start = i;
                    digit = false;
                }
                digit |= Character.isDigit(c);
            } else if (start >= 0) {
                if (!digit && i - start >= 2) {
                    words.add(message.substring(start, i).toLowerCase(Locale.ROOT));
                }
                start = -1;
            }
        }
        return words;
    }
}
