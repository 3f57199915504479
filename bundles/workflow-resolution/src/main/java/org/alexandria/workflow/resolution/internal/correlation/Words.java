package org.alexandria.workflow.resolution.internal.correlation;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word sets for comparing a ticket's text with a crash group's message. */
final class Words {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Words() {
    }

    /** @return the distinct lower-case words (letters and digits) of a text, in order */
    static Set<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /**
     * @return whether the text names an identifier as a whole word, e.g. {@code NullPointerException} but not
     *         {@code MyNullPointerException}
     */
    static boolean names(String text, String identifier) {
        int from = 0;
        while (true) {
            int at = text.indexOf(identifier, from);
            if (at < 0) {
                return false;
            }
            int end = at + identifier.length();
            if ((at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isJavaIdentifierPart(text.charAt(end)))) {
                return true;
            }
            from = at + 1;
        }
    }
}
