package org.alexandria.bench.kb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.alexandria.bench.kb.Vocabulary.Topic;
import org.alexandria.kb.internal.search.Article;
import org.alexandria.kb.internal.search.ArticleFilter;

/**
 * Deterministic generator of knowledge-base articles and of the queries that hit them. Article {@code i} depends
 * only on the seed and {@code i} (its own random stream), so any subset can be regenerated alone.
 *
 * <p>An article is about one of 20 support topics ({@link Vocabulary#TOPICS}: login, billing, cards, transfers,
 * shipping, installation, sync, API, ...), chosen with a Zipf law (s = 0.8: a few topics dominate), and a
 * second topic in 30% of the articles. Its words come from three lists, each sampled with a Zipf law:
 * the ~190 words every support text uses (55% of the words, s = 1.1), the topic's nouns and verbs (30%, s = 1),
 * and a tail of 20,000 rare terms — invented feature names, error codes, versions (15%, s = 1). It has
 * <ul>
 *   <li>a title from 8 templates ("How to reset your password", "Card is declined", "Troubleshooting sync
 *       conflict", ...);</li>
 *   <li>a Markdown body: an overview paragraph, 3-8 numbered steps with bold, inline code and links, an error
 *       block in a third of the articles, and notes; 80 to 700 words;</li>
 *   <li>0-5 example questions (uniform), phrased as customers ask them;</li>
 *   <li>1-3 tags of its topic, a product (80% of the articles) and a status: 90% published, 7% draft,
 *       3% archived.</li>
 * </ul>
 * Queries come from the same vocabulary but their own random streams, so none is an indexed text:
 * {@link #keywords} (what people type in a search box: 1-4 words, 15% with a typo), {@link #question} (a
 * held-back question) and {@link #ticket} (a ticket: greeting, question, 2-5 sentences of context, closing).
 */
public final class ArticleGenerator {

    private static final Zipf TOPIC = new Zipf(Vocabulary.TOPICS.size(), 0.8);
    private static final Zipf COMMON = new Zipf(Vocabulary.COMMON.size(), 1.1);
    private static final Zipf RARE = new Zipf(Vocabulary.RARE_TERMS, 1.0);
    private static final Zipf PRODUCT = new Zipf(Vocabulary.PRODUCTS.size(), 0.7);
    private static final Map<Integer, Zipf> WORD_LISTS = new ConcurrentHashMap<>();
    private static final String[] ERROR_WORDS = {"Error", "Failed", "Exception", "Warning", "Timeout"};

    private final long seed;
    private final Vocabulary vocabulary = new Vocabulary();
    /** The index's own status type, taken from the published filter so this code survives its package moving. */
    private final Object[] statuses;

    /** @param seed the whole corpus and query set follow from it */
    public ArticleGenerator(long seed) {
        this.seed = seed;
        var published = ArticleFilter.PUBLISHED.statuses().iterator().next();
        this.statuses = published.getDeclaringClass().getEnumConstants();
    }

    /** @return article {@code i}: id {@code kb-<i>} */
    public Article article(int i) {
        SplittableRandom r = stream(1, i);
        Topic topic = topic(r);
        Topic second = r.nextInt(10) < 3 ? topic(r) : topic;
        String title = title(r, topic);
        String body = body(r, topic, second);
        int questionCount = r.nextInt(6);
        List<String> questions = new ArrayList<>(questionCount);
        for (int q = 0; q < questionCount; q++) {
            questions.add(question(r, topic));
        }
        Set<String> tags = new LinkedHashSet<>();
        int tagCount = 1 + r.nextInt(Math.min(3, topic.tags().size()));
        while (tags.size() < tagCount) {
            tags.add(topic.tags().get(r.nextInt(topic.tags().size())));
        }
        String product = r.nextInt(10) < 8 ? Vocabulary.PRODUCTS.get(PRODUCT.next(r)) : null;
        int s = r.nextInt(100);
        return newArticle("kb-" + i, title, body, tags, product, s < 90 ? "PUBLISHED" : s < 97 ? "DRAFT" : "ARCHIVED",
                questions);
    }

    /** @return search-box query {@code i}: 1-4 topic words (sometimes a rare term), 15% with one typo */
    public String keywords(int i) {
        SplittableRandom r = stream(2, i);
        Topic topic = topic(r);
        int words = 1 + Math.min(3, (int) Math.abs(r.nextGaussian() * 1.5));
        List<String> out = new ArrayList<>();
        for (int w = 0; w < words; w++) {
            int kind = r.nextInt(10);
            out.add(kind < 6 ? noun(r, topic) : kind < 9 ? verb(r, topic) : vocabulary.rare(RARE.next(r)));
        }
        if (r.nextInt(100) < 15) {
            int at = r.nextInt(out.size());
            out.set(at, typo(r, out.get(at)));
        }
        return String.join(" ", out);
    }

    /** @return a held-back customer question {@code i}, never one of the indexed example questions */
    public String question(int i) {
        SplittableRandom r = stream(3, i);
        return question(r, topic(r));
    }

    /** @return ticket text {@code i}: greeting, question, 2-5 sentences of context, closing (30-150 words) */
    public String ticket(int i) {
        SplittableRandom r = stream(4, i);
        Topic topic = topic(r);
        StringBuilder t = new StringBuilder(pick(r, Vocabulary.OPENERS)).append(' ').append(question(r, topic));
        int sentences = 2 + r.nextInt(4);
        for (int s = 0; s < sentences; s++) {
            t.append(' ').append(sentence(r, topic, topic, 6 + r.nextInt(12)));
        }
        return t.append(' ').append(pick(r, Vocabulary.CLOSERS)).toString().strip();
    }

    private SplittableRandom stream(int kind, int i) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + kind * 1_000_000_007L + i);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Article newArticle(String id, String title, String body, Set<String> tags, String product, String status,
            List<String> questions) {
        Object value = statuses[0];
        for (Object s : statuses) {
            if (((Enum) s).name().equals(status)) {
                value = s;
            }
        }
        var type = ArticleFilter.PUBLISHED.statuses().iterator().next();
        return new Article(id, title, body, tags, product, type.getDeclaringClass().cast(value), questions);
    }

    private static Zipf zipf(int size) {
        return WORD_LISTS.computeIfAbsent(size, n -> new Zipf(n, 1.0));
    }

    private static Topic topic(SplittableRandom r) {
        return Vocabulary.TOPICS.get(TOPIC.next(r));
    }

    private static String noun(SplittableRandom r, Topic t) {
        return t.nouns().get(zipf(t.nouns().size()).next(r));
    }

    private static String verb(SplittableRandom r, Topic t) {
        return t.verbs().get(zipf(t.verbs().size()).next(r));
    }

    private static String problem(SplittableRandom r, Topic t) {
        return pick(r, t.problems());
    }

    private static String pick(SplittableRandom r, List<String> list) {
        return list.get(r.nextInt(list.size()));
    }

    private String word(SplittableRandom r, Topic topic) {
        int kind = r.nextInt(100);
        if (kind < 55) {
            return Vocabulary.COMMON.get(COMMON.next(r));
        }
        if (kind < 85) {
            return r.nextInt(3) == 0 ? verb(r, topic) : noun(r, topic);
        }
        return vocabulary.rare(RARE.next(r));
    }

    private String sentence(SplittableRandom r, Topic a, Topic b, int words) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            s.append(w == 0 ? "" : " ").append(word(r, r.nextInt(4) == 0 ? b : a));
        }
        return capitalise(s.toString()) + ".";
    }

    private String title(SplittableRandom r, Topic t) {
        return switch (r.nextInt(8)) {
            case 0 -> "How to " + verb(r, t) + " your " + noun(r, t);
            case 1 -> capitalise(noun(r, t)) + " " + problem(r, t);
            case 2 -> "Why my " + noun(r, t) + " " + problem(r, t);
            case 3 -> "Troubleshooting " + noun(r, t) + " " + noun(r, t);
            case 4 -> capitalise(verb(r, t)) + " a " + noun(r, t) + " in " + vocabulary.rare(RARE.next(r));
            case 5 -> "What to do when the " + noun(r, t) + " " + problem(r, t);
            case 6 -> capitalise(vocabulary.rare(RARE.next(r))) + " " + noun(r, t) + ": " + verb(r, t) + " and "
                    + verb(r, t);
            default -> capitalise(noun(r, t)) + " and " + noun(r, t) + " FAQ";
        };
    }

    private String body(SplittableRandom r, Topic t, Topic second) {
        StringBuilder md = new StringBuilder("## Overview\n\n");
        paragraph(md, r, t, second, 2 + r.nextInt(5));
        md.append("## Steps\n\n");
        int steps = 3 + r.nextInt(6);
        for (int s = 1; s <= steps; s++) {
            md.append(s).append(". ").append(capitalise(verb(r, t))).append(" the **").append(noun(r, t))
                    .append("** in *Settings > ").append(capitalise(noun(r, second))).append("*");
            if (r.nextInt(3) == 0) {
                md.append(" and run `").append(vocabulary.rare(RARE.next(r))).append(" --").append(verb(r, t)
                        .replace(' ', '-')).append('`');
            }
            if (r.nextInt(4) == 0) {
                md.append(" (see [").append(noun(r, t)).append(" help](https://help.example.com/").append(t.name())
                        .append('/').append(r.nextInt(10_000)).append("))");
            }
            md.append(". ").append(sentence(r, t, second, 5 + r.nextInt(15))).append('\n');
        }
        if (r.nextInt(3) == 0) {
            md.append("\n## Error messages\n\n```\n").append(ERROR_WORDS[r.nextInt(ERROR_WORDS.length)]).append(' ')
                    .append(vocabulary.rare(RARE.next(r))).append(": ").append(noun(r, t)).append(' ')
                    .append(problem(r, t)).append("\n```\n");
        }
        md.append("\n## Notes\n\n");
        paragraph(md, r, t, second, 1 + r.nextInt(6));
        return md.toString();
    }

    private void paragraph(StringBuilder md, SplittableRandom r, Topic t, Topic second, int sentences) {
        for (int s = 0; s < sentences; s++) {
            md.append(s == 0 ? "" : " ").append(sentence(r, t, second, 6 + r.nextInt(18)));
        }
        md.append("\n\n");
    }

    private String question(SplittableRandom r, Topic t) {
        String q = switch (r.nextInt(7)) {
            case 0 -> "How do I " + verb(r, t) + " my " + noun(r, t) + "?";
            case 1 -> "Why " + (r.nextBoolean() ? "my " : "the ") + noun(r, t) + " " + problem(r, t) + "?";
            case 2 -> "My " + noun(r, t) + " " + problem(r, t) + ", what should I do?";
            case 3 -> "Can I " + verb(r, t) + " the " + noun(r, t) + " " + word(r, t) + " " + word(r, t) + "?";
            case 4 -> "I can't " + verb(r, t) + " my " + noun(r, t) + " since " + word(r, t) + " " + noun(r, t) + ".";
            case 5 -> "Is it possible to " + verb(r, t) + " a " + noun(r, t) + " without " + noun(r, t) + "?";
            default -> "The " + noun(r, t) + " " + problem(r, t) + " when I " + verb(r, t) + " the " + noun(r, t)
                    + ".";
        };
        return capitalise(q);
    }

    /** One slip of the fingers in a word of five letters or more: two letters swapped, or one dropped. */
    private static String typo(SplittableRandom r, String word) {
        if (word.length() < 5 || word.indexOf(' ') >= 0) {
            return word;
        }
        int at = 1 + r.nextInt(word.length() - 2);
        if (r.nextBoolean()) {
            char[] c = word.toCharArray();
            char tmp = c[at];
            c[at] = c[at + 1];
            c[at + 1] = tmp;
            return new String(c);
        }
        return word.substring(0, at) + word.substring(at + 1);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
