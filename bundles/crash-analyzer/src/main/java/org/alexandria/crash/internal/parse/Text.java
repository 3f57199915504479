package org.alexandria.crash.internal.parse;

/** Small, linear-time string checks shared by the parsers (no regular expressions on untrusted lines). */
final class Text {

    private Text() {
    }

    /** @return the count of leading spaces and tabs */
    static int indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** @return the digits as an int, or -1 when empty, not all digits or too large */
    static int number(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(s);
    }

    /**
     * A dotted name such as {@code java.lang.IllegalStateException}: identifier characters (letters,
     * digits, {@code _ $}) and dots, not starting or ending with a dot, no empty segment.
     *
     * @param extra further characters allowed inside a name, e.g. {@code `+} for .NET
     */
    static boolean isDottedName(String s, String extra) {
        if (s.isEmpty() || s.length() > 300 || s.charAt(0) == '.' || s.charAt(s.length() - 1) == '.'
                || Character.isDigit(s.charAt(0))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || (c == '.' && s.charAt(i - 1) != '.') || Character.isLetterOrDigit(c) || c == '_' || c == '$' || extra.indexOf(c) >= 0
                    || (c == '.' && s.charAt(i - 1) != '.');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** @return true for names the platforms give to exceptions and errors */
    static boolean looksLikeErrorName(String type) {
        return type.endsWith("Exception") || type.endsWith("Error") || type.endsWith("Throwable")
                || type.endsWith("Failure") || type.endsWith("Exit") || type.endsWith("Interrupt")
                || type.endsWith("Warning");
    }

    /** Removes the first matching prefix. */
    static String stripPrefix(String s, String... prefixes) {
        for (String p : prefixes) {
            if (s.startsWith(p)) {
                return s.substring(p.length());
            }
        }
        return s;
    }
}
