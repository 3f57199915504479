package org.alexandria.crash.internal.service;

import org.jspecify.annotations.Nullable;

/** Checks and cleans the text that crash reports bring. */
final class Texts {

    private Texts() {
    }

    /**
     * Makes arbitrary text storable in every supported database: NUL (refused by PostgreSQL) and unpaired
     * surrogates become U+FFFD. Returns the same string when there is nothing to replace.
     */
    static String storable(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && ok(text, i)) {
            i += Character.isHighSurrogate(text.charAt(i)) ? 2 : 1;
        }
        if (i >= n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n).append(text, 0, i);
        while (i < n) {
            if (ok(text, i)) {
                int step = Character.isHighSurrogate(text.charAt(i)) ? 2 : 1;
                out.append(text, i, i + step);
                i += step;
            } else {
                out.append('\uFFFD');
                i++;
            }
        }
        return out.toString();
    }

    private static boolean ok(String text, int i) {
        char c = text.charAt(i);
        if (c == 0) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return !Character.isLowSurrogate(c);
    }

    /**
     * @param field name for the error message
     * @param value the value; blank means absent
     * @param max   longest allowed length
     * @return the stripped value, or null when absent
     * @throws IllegalArgumentException when too long or holding control characters
     */
    static @Nullable String field(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters");
        }
        if (v.chars().anyMatch(Character::isISOControl) || !storable(v).equals(v)) {
            throw new IllegalArgumentException(field + " must not contain control characters");
        }
        return v;
    }
}
