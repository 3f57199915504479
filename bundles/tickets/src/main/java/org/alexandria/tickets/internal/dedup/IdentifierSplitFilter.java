package org.alexandria.tickets.internal.dedup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;

/**
 * Makes code identifiers match the words they are made of: {@code FileSystem.getStatus} stays as one token and is
 * also indexed as {@code FileSystem}, {@code getStatus}, {@code File}, {@code System}, {@code get}, {@code Status}
 * (the parts stacked at the identifier's position). Users write "file system" in prose and the identifier in a log,
 * so both must meet. Acronyms stay whole ({@code HTTPServer} gives {@code HTTP}, {@code Server}; {@code S3AFileSystem}
 * gives {@code S3A}, {@code File}, {@code System}) and version numbers are left alone ({@code 3.3.4}). Runs before
 * lower-casing: case changes are the evidence.
 */
public final class IdentifierSplitFilter extends StackingFilter {

    /** @param input tokens of a tokenizer that keeps dotted and underscored names whole, e.g. StandardTokenizer */
    public IdentifierSplitFilter(TokenStream input) {
        super(input);
    }

    @Override
    List<String> extras(String token) {
        return parts(token);
    }

    /**
     * @param token one token
     * @return its parts worth indexing besides the token itself (at least two characters, with a letter), each once
     */
    static List<String> parts(String token) {
        if (!mayBeIdentifier(token)) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        List<String> segments = segments(token);
        for (String segment : segments) {
            List<String> words = camelCaseWords(segment);
            if (segments.size() > 1) {
                addIfWord(out, segment);
            }
            if (words.size() > 1) {
                words.forEach(w -> addIfWord(out, w));
            }
        }
        out.remove(token.toLowerCase(Locale.ROOT));
        return new ArrayList<>(out);
    }

    /** Cheap test first: most tokens are plain words and must not pay for splitting. */
    private static boolean mayBeIdentifier(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.' || c == '_' || (i > 0 && Character.isUpperCase(c))) {
                return true;
            }
        }
        return false;
    }

    /** The non-empty pieces between dots and underscores. */
    private static List<String> segments(String token) {
        List<String> segments = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= token.length(); i++) {
            if (i == token.length() || token.charAt(i) == '.' || token.charAt(i) == '_') {
                if (i > start) {
                    segments.add(token.substring(start, i));
                }
                start = i + 1;
            }
        }
        return segments;
    }

    private static void addIfWord(Set<String> out, String part) {
        if (part.length() >= 2 && hasLetter(part)) {
            out.add(part.toLowerCase(Locale.ROOT));
        }
    }

    private static boolean hasLetter(String part) {
        for (int i = 0; i < part.length(); i++) {
            if (Character.isLetter(part.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Splits before an upper-case letter that follows a lower-case one or starts a capitalized word, except the
     * plural of an acronym ({@code CVEs}, {@code APIs}).
     */
    private static List<String> camelCaseWords(String segment) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < segment.length(); i++) {
            char c = segment.charAt(i);
            char before = segment.charAt(i - 1);
            boolean nextLower = i + 1 < segment.length() && Character.isLowerCase(segment.charAt(i + 1));
            boolean acronymPlural = i + 2 == segment.length() && segment.charAt(i + 1) == 's';
            if (Character.isUpperCase(c) && (Character.isLowerCase(before)
                    || (Character.isLetterOrDigit(before) && nextLower && !acronymPlural))) {
                words.add(segment.substring(start, i));
                start = i;
            }
        }
        words.add(segment.substring(start));
        return words;
    }
}
