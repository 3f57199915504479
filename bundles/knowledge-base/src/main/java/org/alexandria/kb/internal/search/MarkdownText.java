package org.alexandria.kb.internal.search;

import java.util.regex.Pattern;

/** Turns article Markdown into the plain text that is indexed and highlighted. */
final class MarkdownText {

    // Link and image targets are URLs, not content: "[the app](https://x/y)" keeps "the app".
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>\\n]+>");
    private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t]*(```|~~~).*$");
    private static final Pattern LINE_MARKUP = Pattern.compile("(?m)^[ \\t]{0,3}(#{1,6}\\s+|>\\s?|[-*+]\\s+|\\d+[.)]\\s+)");
    // Underscores only at word edges, so that identifiers such as "max_retries" survive.
    private static final Pattern INLINE_MARKUP = Pattern.compile("[*`~]+|(?<![\\p{L}\\p{N}])_+|_+(?![\\p{L}\\p{N}])");

    private MarkdownText() {
    }

    static String plain(String markdown) {
        String text = LINK.matcher(markdown).replaceAll("$1");
        text = HTML_TAG.matcher(text).replaceAll(" ");
        text = FENCE.matcher(text).replaceAll("");
        text = LINE_MARKUP.matcher(text).replaceAll("");
        return INLINE_MARKUP.matcher(text).replaceAll("").strip();
    }
}
