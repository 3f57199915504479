package org.alexandria.kb.internal.article;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Limits and normalisation of article content; every violation is an {@link IllegalArgumentException} (400). */
public final class ArticleRules {

    /** Longest title. */
    public static final int MAX_TITLE = 300;
    /** Longest Markdown body, in characters (the column's size). */
    public static final int MAX_BODY = 100_000;
    /** Most tags per article. */
    public static final int MAX_TAGS = 20;
    /** Longest tag. */
    public static final int MAX_TAG = 50;
    /** Longest product name. */
    public static final int MAX_PRODUCT = 100;
    /** Most example questions per article. */
    public static final int MAX_QUESTIONS = 100;
    /** Longest example question. */
    public static final int MAX_QUESTION = 500;
    /** Longest slug. */
    public static final int MAX_SLUG = 100;
    /** Longest feedback comment. */
    public static final int MAX_COMMENT = 2000;
    /** Longest search or suggestion text; a longer text is refused, not cut. */
    public static final int MAX_QUERY = 10_000;
    /** Largest page of articles. */
    public static final int MAX_PAGE = 100;

    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    // C0/C1 controls other than tab, line feed and carriage return cannot be stored in PostgreSQL text (NUL) or shown
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private ArticleRules() {
    }

    /**
     * @param input what the editor sent
     * @return the same content checked, stripped, tags lower-cased, sorted and distinct
     */
    static ArticleInput normalise(ArticleInput input) {
        String title = text("title", input.title(), MAX_TITLE).strip();
        if (title.isEmpty()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        String body = text("body", input.body(), MAX_BODY);
        List<String> tags = tags(input.tags());
        String product = input.product() == null || input.product().isBlank() ? null
                : text("product", input.product(), MAX_PRODUCT).strip();
        List<String> questions = questions(input.questions());
        String slug = input.slug() == null ? null : slug(input.slug());
        return new ArticleInput(title, body, tags, product, questions, slug);
    }

    /** @return a valid slug or an explanation why not */
    static String slug(String slug) {
        if (slug.length() > MAX_SLUG || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("slug must be 1.." + MAX_SLUG
                    + " lower-case letters, digits and inner dashes: '" + abbreviate(slug) + "'");
        }
        return slug;
    }

    /** @return a slug made from a title: "Café card — top up!" gives "cafe-card-top-up" */
    static String slugOf(String title) {
        String ascii = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFD)).replaceAll("");
        String slug = NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = slug.substring(0, Math.min(slug.length(), MAX_SLUG - 10));
        slug = slug.replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "article" : slug;
    }

    /** @return a tag filter value, checked */
    public static String tag(String tag) {
        String t = tag.strip().toLowerCase(Locale.ROOT);
        if (t.length() > MAX_TAG || !TAG.matcher(t).matches()) {
            throw new IllegalArgumentException("tag must be 1.." + MAX_TAG
                    + " lower-case letters, digits, '.', '-' or '_', starting with a letter or digit: '"
                    + abbreviate(tag) + "'");
        }
        return t;
    }

    /** @return tags as stored: ",a,b," */
    static String joinTags(List<String> tags) {
        return tags.isEmpty() ? "," : "," + String.join(",", tags) + ",";
    }

    static List<String> splitTags(String stored) {
        return Arrays.stream(stored.split(",")).filter(t -> !t.isEmpty()).toList();
    }

    static String joinQuestions(List<String> questions) {
        return String.join("\n", questions);
    }

    static List<String> splitQuestions(String stored) {
        return stored.isEmpty() ? List.of() : List.of(stored.split("\n"));
    }

    /**
     * @param name  what the text is, for the message
     * @param text  the text
     * @param max   longest allowed
     * @return the text, checked for length and control characters
     */
    public static String text(String name, @Nullable String text, int max) {
        if (text == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (text.length() > max) {
            throw new IllegalArgumentException(name + " is longer than " + max + " characters (" + text.length() + ")");
        }
        if (CONTROL.matcher(text).find()) {
            throw new IllegalArgumentException(name + " contains control characters");
        }
        return text;
    }

    private static List<String> tags(@Nullable List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        TreeSet<String> distinct = new TreeSet<>();
        for (String tag : tags) {
            if (tag == null) {
                throw new IllegalArgumentException("tags must not contain null");
            }
            distinct.add(tag(tag));
        }
        if (distinct.size() > MAX_TAGS) {
            throw new IllegalArgumentException("at most " + MAX_TAGS + " tags, got " + distinct.size());
        }
        return List.copyOf(distinct);
    }

    private static List<String> questions(@Nullable List<String> questions) {
        if (questions == null) {
            return List.of();
        }
        if (questions.size() > MAX_QUESTIONS) {
            throw new IllegalArgumentException("at most " + MAX_QUESTIONS + " questions, got " + questions.size());
        }
        List<String> kept = new ArrayList<>();
        for (String question : questions) {
            // one question a line in the store: a line break inside one becomes a space
            String q = text("question", question, MAX_QUESTION).replaceAll("[\\r\\n]+", " ").strip();
            if (!q.isEmpty()) {
                kept.add(q);
            }
        }
        return List.copyOf(kept);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
