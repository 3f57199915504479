package org.alexandria.kb.internal.article;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;
import org.alexandria.api.kb.ArticleStatus;
import org.alexandria.api.kb.Suggestion;
import org.alexandria.api.rest.Page;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.kb.internal.search.Article;
import org.jspecify.annotations.Nullable;

/**
 * The articles, their versions, recorded suggestions and feedback in the platform database. Every save of an
 * article writes its new version in the same transaction. Knows nothing of the index, events or audit.
 */
public final class ArticleStore {

    private static final Pattern CURSOR = Pattern.compile("(\\d{1,19}):([0-9a-f-]{36})");

    private final EntityManagerFactory emf;
    private final Clock clock;

    /**
     * @param emf   the {@code alexandria-knowledge-base} unit, schema migrated
     * @param clock time of saves
     */
    public ArticleStore(EntityManagerFactory emf, Clock clock) {
        this.emf = emf;
        this.clock = clock;
    }

    /**
     * @param input  content
     * @param author who writes it
     * @return the new draft, version 1
     * @throws IllegalArgumentException on invalid content
     * @throws ProblemException         409 when the slug is taken
     */
    public ArticleView create(ArticleInput input, String author) {
        ArticleInput in = ArticleRules.normalise(input);
        return Transactions.inTransaction(emf, em -> {
            ArticleEntity e = new ArticleEntity();
            e.id = UUID.randomUUID().toString();
            e.slug = in.slug() != null ? free(em, in.slug(), null) : freeSlugLike(em, ArticleRules.slugOf(in.title()));
            e.content.status = ArticleStatus.DRAFT.name();
            e.createdMs = clock.millis();
            apply(e, in);
            save(em, e, author);
            em.persist(e);
            return view(e);
        });
    }

    /** @return the article with this id or slug */
    public Optional<ArticleView> find(String idOrSlug) {
        return Transactions.read(emf, em -> entity(em, idOrSlug).map(ArticleStore::view));
    }

    /**
     * @param id     the article
     * @param input  its new content; a null slug keeps the current one
     * @param author who saves it
     * @return the new state, or empty if there is no such article
     */
    public Optional<ArticleView> update(String id, ArticleInput input, String author) {
        ArticleInput in = ArticleRules.normalise(input);
        return Transactions.inTransaction(emf, em -> {
            ArticleEntity e = em.find(ArticleEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (e == null) {
                return Optional.empty();
            }
            if (in.slug() != null && !in.slug().equals(e.slug)) {
                e.slug = free(em, in.slug(), e.id);
            }
            apply(e, in);
            save(em, e, author);
            return Optional.of(view(e));
        });
    }

    /**
     * @param id     the article
     * @param status its new status
     * @param author who changes it
     * @return the change (a new version unless the status was already this one), or empty if no such article
     */
    public Optional<StatusChange> setStatus(String id, ArticleStatus status, String author) {
        return Transactions.inTransaction(emf, em -> {
            ArticleEntity e = em.find(ArticleEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (e == null) {
                return Optional.empty();
            }
            ArticleStatus before = ArticleStatus.valueOf(e.content.status);
            if (before == status) {
                return Optional.of(new StatusChange(view(e), before, false));
            }
            e.content.status = status.name();
            save(em, e, author);
            return Optional.of(new StatusChange(view(e), before, true));
        });
    }

    /**
     * Deletes an article with its versions and feedback.
     *
     * @param id the article
     * @return its last state, or empty if there was none
     */
    public Optional<ArticleView> delete(String id) {
        return Transactions.inTransaction(emf, em -> {
            ArticleEntity e = em.find(ArticleEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (e == null) {
                return Optional.empty();
            }
            // explicit, not only ON DELETE CASCADE: the persistence context must not keep removed rows
            em.createQuery("DELETE FROM FeedbackEntity f WHERE f.articleId = :id").setParameter("id", id).executeUpdate();
            em.createQuery("DELETE FROM ArticleVersionEntity v WHERE v.articleId = :id").setParameter("id", id)
                    .executeUpdate();
            ArticleView last = view(e);
            em.remove(e);
            return Optional.of(last);
        });
    }

    /**
     * @param query filters and page
     * @return articles newest first
     * @throws ProblemException 400 on a cursor this store did not make
     */
    public Page<ArticleView> list(ArticleQuery query) {
        StringBuilder jpql = new StringBuilder("SELECT a FROM ArticleEntity a WHERE 1 = 1");
        if (query.status() != null) {
            jpql.append(" AND a.content.status = :status");
        }
        if (query.tag() != null) {
            jpql.append(" AND a.content.tags LIKE :tag");
        }
        if (query.product() != null) {
            jpql.append(" AND a.content.product = :product");
        }
        long[] afterMs = {0};
        String[] afterId = {null};
        if (query.cursor() != null && !query.cursor().isBlank()) {
            Matcher m = decodeCursor(query.cursor());
            afterMs[0] = Long.parseLong(m.group(1));
            afterId[0] = m.group(2);
            jpql.append(" AND (a.createdMs < :ms OR (a.createdMs = :ms AND a.id < :id))");
        }
        jpql.append(" ORDER BY a.createdMs DESC, a.id DESC");
        List<ArticleView> rows = Transactions.read(emf, em -> {
            TypedQuery<ArticleEntity> q = em.createQuery(jpql.toString(), ArticleEntity.class);
            if (query.status() != null) {
                q.setParameter("status", query.status().name());
            }
            if (query.tag() != null) {
                q.setParameter("tag", "%," + ArticleRules.tag(query.tag()) + ",%");
            }
            if (query.product() != null) {
                q.setParameter("product", query.product());
            }
            if (afterId[0] != null) {
                q.setParameter("ms", afterMs[0]).setParameter("id", afterId[0]);
            }
            return q.setMaxResults(query.limit() + 1).getResultList().stream().map(ArticleStore::view).toList();
        });
        if (rows.size() <= query.limit()) {
            return new Page<>(rows, query.limit(), null);
        }
        List<ArticleView> page = rows.subList(0, query.limit());
        ArticleView last = page.get(page.size() - 1);
        return new Page<>(List.copyOf(page), query.limit(), encodeCursor(last.created().toEpochMilli(), last.id()));
    }

    /** @return the article's versions, oldest first; empty if there is no such article */
    public List<ArticleVersionView> versions(String articleId) {
        return Transactions.read(emf, em -> em.createQuery(
                "SELECT v FROM ArticleVersionEntity v WHERE v.articleId = :id ORDER BY v.version",
                        ArticleVersionEntity.class)
                .setParameter("id", articleId).getResultList().stream().map(ArticleStore::view).toList());
    }

    /** @return one version of an article */
    public Optional<ArticleVersionView> version(String articleId, int version) {
        return Transactions.read(emf, em -> em.createQuery(
                "SELECT v FROM ArticleVersionEntity v WHERE v.articleId = :id AND v.version = :version",
                        ArticleVersionEntity.class)
                .setParameter("id", articleId).setParameter("version", version).getResultList().stream()
                .findFirst().map(ArticleStore::view));
    }

    /** @return every article in the form the index takes, whatever its status */
    public List<Article> all() {
        return Transactions.read(emf, em -> em.createQuery("SELECT a FROM ArticleEntity a", ArticleEntity.class)
                .getResultList().stream().map(e -> toIndexed(view(e))).toList());
    }

    /** @return the article's state in the form the index takes */
    public static Article toIndexed(ArticleView a) {
        return new Article(a.id(), a.title(), a.body(), Set.copyOf(a.tags()), a.product(), a.status(), a.questions());
    }

    /** @return how many articles there are; also a cheap check that the database answers */
    public long count() {
        return Transactions.read(emf, em -> em.createQuery("SELECT COUNT(a) FROM ArticleEntity a", Long.class)
                .getSingleResult());
    }

    /**
     * Keeps what a suggest call answered, so that feedback on it can name the query, rank and score.
     *
     * @param query       the text, cut to 2,000 characters for the record
     * @param suggestions the answer, best first
     * @param requestedBy who asked
     * @return the suggestion id
     */
    public String recordSuggestion(String query, List<Suggestion> suggestions, String requestedBy) {
        SuggestionEntity e = new SuggestionEntity();
        e.id = UUID.randomUUID().toString();
        e.queryText = query.length() <= ArticleRules.MAX_COMMENT ? query : query.substring(0, ArticleRules.MAX_COMMENT);
        StringBuilder results = new StringBuilder();
        for (Suggestion s : suggestions) {
            results.append(s.articleId()).append(' ').append(String.format(Locale.ROOT, "%.6f", s.score())).append('\n');
        }
        e.results = results.toString();
        e.requestedBy = requestedBy;
        e.createdMs = clock.millis();
        Transactions.inTransaction(emf, em -> {
            em.persist(e);
            return e;
        });
        return e.id;
    }

    /**
     * @param articleId the article
     * @param input     helpful or not, and the suggestion it came from
     * @param givenBy   who gives it
     * @return the stored feedback
     * @throws ProblemException 404 for an unknown article; 400 for an unknown suggestion or one that did not
     *                          suggest this article
     */
    public FeedbackView addFeedback(String articleId, FeedbackInput input, String givenBy) {
        String comment = input.comment() == null || input.comment().isBlank() ? null
                : ArticleRules.text("comment", input.comment(), ArticleRules.MAX_COMMENT).strip();
        return Transactions.inTransaction(emf, em -> {
            if (em.find(ArticleEntity.class, articleId) == null) {
                throw ProblemException.notFound("No article with id '" + articleId + "'");
            }
            FeedbackEntity f = new FeedbackEntity();
            f.id = UUID.randomUUID().toString();
            f.articleId = articleId;
            f.helpful = input.helpful();
            f.comment = comment;
            f.givenBy = givenBy;
            f.createdMs = clock.millis();
            if (input.suggestionId() != null) {
                SuggestionEntity s = em.find(SuggestionEntity.class, input.suggestionId());
                if (s == null) {
                    throw ProblemException.badRequest("No suggestion with id '" + input.suggestionId() + "'");
                }
                String[] lines = s.results.split("\n");
                for (int i = 0; i < lines.length && f.suggestionId == null; i++) {
                    String[] parts = lines[i].split(" ");
                    if (parts[0].equals(articleId)) {
                        f.suggestionId = s.id;
                        f.queryText = s.queryText;
                        f.suggestionRank = i + 1;
                        f.suggestionScore = Double.parseDouble(parts[1]);
                    }
                }
                if (f.suggestionId == null) {
                    throw ProblemException.badRequest("Suggestion '" + s.id + "' did not suggest article '" + articleId + "'");
                }
            }
            em.persist(f);
            return view(f);
        });
    }

    /** @return the article's feedback, oldest first */
    public List<FeedbackView> feedback(String articleId) {
        return Transactions.read(emf, em -> em.createQuery(
                "SELECT f FROM FeedbackEntity f WHERE f.articleId = :id ORDER BY f.createdMs, f.id", FeedbackEntity.class)
                .setParameter("id", articleId).getResultList().stream().map(ArticleStore::view).toList());
    }

    private static Optional<ArticleEntity> entity(EntityManager em, String idOrSlug) {
        ArticleEntity byId = em.find(ArticleEntity.class, idOrSlug);
        if (byId != null) {
            return Optional.of(byId);
        }
        return em.createQuery("SELECT a FROM ArticleEntity a WHERE a.slug = :slug", ArticleEntity.class)
                .setParameter("slug", idOrSlug).getResultList().stream().findFirst();
    }

    /** @return the slug if no other article has it, else a 409 */
    private static String free(EntityManager em, String slug, @Nullable String ownId) {
        if (slugTaken(em, slug, ownId)) {
            throw new ProblemException(409, "conflict", "Conflict", "Slug '" + slug + "' is taken by another article");
        }
        return slug;
    }

    /** @return the base, or base-2, base-3, ... whichever is free first */
    private static String freeSlugLike(EntityManager em, String base) {
        String slug = base;
        for (int n = 2; slugTaken(em, slug, null); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private static boolean slugTaken(EntityManager em, String slug, @Nullable String ownId) {
        return em.createQuery("SELECT a.id FROM ArticleEntity a WHERE a.slug = :slug", String.class)
                .setParameter("slug", slug).getResultList().stream().anyMatch(id -> !id.equals(ownId));
    }

    private static void apply(ArticleEntity e, ArticleInput in) {
        e.content.title = in.title();
        e.content.body = in.body();
        e.content.tags = ArticleRules.joinTags(in.tags());
        e.content.product = in.product();
        e.content.questions = ArticleRules.joinQuestions(in.questions());
    }

    /** Bumps the version and writes it to the history; the caller persists or has loaded {@code e}. */
    private void save(EntityManager em, ArticleEntity e, String author) {
        e.author = author;
        e.updatedMs = clock.millis();
        e.version++;
        ArticleVersionEntity v = new ArticleVersionEntity();
        v.id = UUID.randomUUID().toString();
        v.articleId = e.id;
        v.version = e.version;
        v.content = e.content.copy();
        v.author = author;
        v.createdMs = e.updatedMs;
        em.persist(v);
    }

    private static String encodeCursor(long createdMs, String id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdMs + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static Matcher decodeCursor(String cursor) {
        ProblemException invalid = ProblemException.badRequest("cursor is not one this API returned");
        try {
            Matcher m = CURSOR.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (m.matches()) {
                return m;
            }
        } catch (IllegalArgumentException e) {
            invalid.initCause(e);
        }
        throw invalid;
    }

    private static ArticleView view(ArticleEntity e) {
        ArticleContent c = e.content;
        return new ArticleView(e.id, e.slug, c.title, c.body, ArticleRules.splitTags(c.tags), c.product,
                ArticleStatus.valueOf(c.status), ArticleRules.splitQuestions(c.questions), e.author,
                Instant.ofEpochMilli(e.createdMs), Instant.ofEpochMilli(e.updatedMs), e.version);
    }

    private static ArticleVersionView view(ArticleVersionEntity v) {
        ArticleContent c = v.content;
        return new ArticleVersionView(v.articleId, v.version, c.title, c.body, ArticleRules.splitTags(c.tags),
                c.product, ArticleStatus.valueOf(c.status), ArticleRules.splitQuestions(c.questions), v.author,
                Instant.ofEpochMilli(v.createdMs));
    }

    private static FeedbackView view(FeedbackEntity f) {
        return new FeedbackView(f.id, f.articleId, f.helpful, f.suggestionId, f.queryText, f.suggestionRank,
                f.suggestionScore, f.comment, f.givenBy, Instant.ofEpochMilli(f.createdMs));
    }
}
