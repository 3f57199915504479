package org.alexandria.kb.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManagerFactory;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.audit.EntityRef;
import org.alexandria.api.event.EntityChange;
import org.alexandria.api.event.EventBus;
import org.alexandria.api.event.Topics;
import org.alexandria.api.kb.ArticleStatus;
import org.alexandria.api.kb.KnowledgeBase;
import org.alexandria.api.kb.NewArticle;
import org.alexandria.api.kb.Suggestion;
import org.alexandria.api.persistence.SchemaMigrator;
import org.alexandria.api.plugin.PluginHealth;
import org.alexandria.api.rest.Page;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.kb.internal.article.ArticleInput;
import org.alexandria.kb.internal.article.ArticleQuery;
import org.alexandria.kb.internal.article.ArticleRules;
import org.alexandria.kb.internal.article.ArticleStore;
import org.alexandria.kb.internal.article.ArticleVersionView;
import org.alexandria.kb.internal.article.ArticleView;
import org.alexandria.kb.internal.article.FeedbackInput;
import org.alexandria.kb.internal.article.FeedbackView;
import org.alexandria.kb.internal.article.StatusChange;
import org.alexandria.kb.internal.search.ArticleFilter;
import org.alexandria.kb.internal.search.SearchHit;
import org.alexandria.kb.internal.search.SearchRequest;
import org.alexandria.kb.internal.suggest.ArticleSuggestion;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base: articles in the database, the index kept in step with them, search and suggestions.
 * Every change is written to the database first, then to the index, then audited and published as
 * {@link Topics#KB_ARTICLE_CHANGED}.
 */
@Component(service = {KnowledgeBase.class, KnowledgeBaseService.class}, configurationPid = KbConfig.PID)
@Designate(ocd = KbConfig.class)
public final class KnowledgeBaseService implements KnowledgeBase {

    /** Plugin id, event source and migration module. */
    public static final String PLUGIN_ID = "knowledge-base";
    /** Entity type in audit entries and events. */
    public static final String ENTITY = "kb-article";
    /** Most suggestions in one answer. */
    public static final int MAX_SUGGESTIONS = 50;
    /** Most search hits in one answer. */
    public static final int MAX_HITS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseService.class);

    private final ArticleStore store;
    private final LiveIndex index;
    private final EventBus events;
    private final AuditTrail audit;
    private final int defaultSuggestions;

    /**
     * @param emf      the plugin's persistence unit
     * @param migrator applies the plugin's schema
     * @param events   where changes are published
     * @param audit    where changes are recorded
     * @param config   index location and defaults
     */
    @Activate
    public KnowledgeBaseService(@Reference(target = "(osgi.unit.name=alexandria-knowledge-base)") EntityManagerFactory emf,
            @Reference SchemaMigrator migrator, @Reference EventBus events, @Reference AuditTrail audit, KbConfig config) {
        this(emf, migrator, events, audit, storage(config.indexLocation()), config.defaultSuggestions(),
                Clock.systemUTC());
    }

    KnowledgeBaseService(EntityManagerFactory emf, SchemaMigrator migrator, EventBus events, AuditTrail audit,
            LiveIndex.Storage storage, int defaultSuggestions, Clock clock) {
        migrator.migrate(PLUGIN_ID, KnowledgeBaseService.class, "db/migration/" + PLUGIN_ID);
        this.store = new ArticleStore(emf, clock);
        this.events = events;
        this.audit = audit;
        this.defaultSuggestions = Math.max(1, Math.min(MAX_SUGGESTIONS, defaultSuggestions));
        this.index = new LiveIndex(storage, store::all,
                id -> store.find(id).filter(a -> a.id().equals(id)).map(ArticleStore::toIndexed));
        try {
            int count = index.rebuild();
            LOG.info("Knowledge-base index built with {} articles", count);
        } catch (IOException | RuntimeException e) {
            LOG.error("Knowledge-base index could not be built; rebuild it with POST /api/v1/kb/index/rebuild", e);
        }
    }

    static LiveIndex.Storage storage(String location) {
        if ("memory".equals(location.strip())) {
            return LiveIndex.Storage.memory();
        }
        if (!location.isBlank()) {
            return LiveIndex.Storage.folder(Path.of(location.strip()));
        }
        String data = System.getProperty("karaf.data");
        return data == null ? LiveIndex.Storage.memory()
                : LiveIndex.Storage.folder(Path.of(data, "alexandria", "kb-index"));
    }

    /** Closes the index. */
    @Deactivate
    public void close() {
        try {
            index.close();
        } catch (IOException e) {
            LOG.warn("Closing the knowledge-base index failed", e);
        }
    }

    /** @return how many suggestions a call gets when it does not say */
    public int defaultSuggestions() {
        return defaultSuggestions;
    }

    /**
     * @param input  content
     * @param author who writes it ({@code system:<component>} for automation)
     * @return the new draft
     */
    public ArticleView create(ArticleInput input, String author) {
        Actor actor = actor(author);
        ArticleView created = store.create(input, author);
        changed(created.id(), actor, "create", null, summary(created));
        return created;
    }

    @Override
    public String create(NewArticle article, boolean publish, Actor actor) {
        String author = actor.type() == Actor.Type.SYSTEM ? "system:" + actor.name() : actor.name();
        ArticleView created = create(new ArticleInput(article.title(), article.body(), article.tags(), article.product(),
                article.questions(), null), author);
        return publish ? publish(created.id(), author).id() : created.id();
    }

    /**
     * @param idOrSlug id or slug
     * @return the article
     * @throws ProblemException 404 if none
     */
    public ArticleView get(String idOrSlug) {
        return store.find(idOrSlug).orElseThrow(() -> notFound(idOrSlug));
    }

    /**
     * @param id     the article
     * @param input  its new content
     * @param author who saves it
     * @return its new state
     */
    public ArticleView update(String id, ArticleInput input, String author) {
        Actor actor = actor(author);
        ArticleView before = get(id);
        ArticleView after = store.update(id, input, author).orElseThrow(() -> notFound(id));
        changed(id, actor, "update", summary(before), summary(after));
        return after;
    }

    /** @return the article, published (visible and suggested) */
    public ArticleView publish(String id, String author) {
        return setStatus(id, ArticleStatus.PUBLISHED, "publish", author);
    }

    /** @return the article, archived (kept, no longer suggested) */
    public ArticleView archive(String id, String author) {
        return setStatus(id, ArticleStatus.ARCHIVED, "archive", author);
    }

    /**
     * Deletes an article with its history and feedback.
     *
     * @param id     the article
     * @param author who deletes it
     */
    public void delete(String id, String author) {
        Actor actor = actor(author);
        ArticleView last = store.delete(id).orElseThrow(() -> notFound(id));
        changed(id, actor, "delete", summary(last), null);
    }

    /** @return a page of articles, newest first */
    public Page<ArticleView> list(ArticleQuery query) {
        return store.list(query);
    }

    /** @return the article's versions, oldest first; 404 if there is no such article */
    public List<ArticleVersionView> versions(String id) {
        List<ArticleVersionView> versions = store.versions(id);
        if (versions.isEmpty()) {
            throw notFound(id);
        }
        return versions;
    }

    /** @return one version; 404 if there is no such article or version */
    public ArticleVersionView version(String id, int version) {
        return store.version(id, version).orElseThrow(() -> ProblemException.notFound(
                "No version " + version + " of article '" + id + "'"));
    }

    /**
     * Full-text search with fuzzy matching and highlighted passages.
     *
     * @param text     what to look for, at most {@value ArticleRules#MAX_QUERY} characters
     * @param statuses allowed statuses (empty: all)
     * @param tag      required tag, or null
     * @param product  required product, or null
     * @param limit    1..{@value #MAX_HITS}
     * @return hits, best first
     */
    public List<SearchHit> search(String text, Set<ArticleStatus> statuses, @Nullable String tag,
            @Nullable String product, int limit) {
        ArticleRules.text("q", text, ArticleRules.MAX_QUERY);
        if (limit < 1 || limit > MAX_HITS) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_HITS + ": " + limit);
        }
        ArticleFilter filter = new ArticleFilter(statuses.isEmpty() ? EnumSet.allOf(ArticleStatus.class) : statuses,
                tag == null || tag.isBlank() ? Set.of() : Set.of(ArticleRules.tag(tag)),
                product == null || product.isBlank() ? null : product.strip());
        try {
            return index.search(new SearchRequest(text, filter, limit));
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /**
     * Suggests published articles; a text longer than {@value ArticleRules#MAX_QUERY} characters is cut.
     */
    @Override
    public List<Suggestion> suggest(String text, int limit) {
        if (limit < 1 || limit > MAX_SUGGESTIONS) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_SUGGESTIONS + ": " + limit);
        }
        String query = text.length() <= ArticleRules.MAX_QUERY ? text : text.substring(0, ArticleRules.MAX_QUERY);
        if (query.isBlank()) {
            return List.of();
        }
        try {
            List<ArticleSuggestion> ranked = index.suggest(query, limit, ArticleFilter.PUBLISHED);
            // the passages of the suggested articles only, with the exact words (no second ranking of the index, no
            // fuzzy matching of a ticket's unknown words, e.g. the identifiers of a pasted trace)
            Map<String, List<String>> highlights = ranked.isEmpty() ? Map.of()
                    : index.highlights(query, ranked.stream().map(ArticleSuggestion::articleId).toList());
            return ranked.stream().map(s -> new Suggestion(s.articleId(), s.title(), s.score(),
                    highlights.getOrDefault(s.articleId(), List.of()))).toList();
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /**
     * Suggests published articles and records the answer so that feedback can refer to it.
     *
     * @param text        ticket text, at most {@value ArticleRules#MAX_QUERY} characters
     * @param limit       1..{@value #MAX_SUGGESTIONS}
     * @param requestedBy who asks
     * @return the suggestions with the id of this answer
     */
    public SuggestionAnswer suggestAndRecord(String text, int limit, String requestedBy) {
        ArticleRules.text("text", text, ArticleRules.MAX_QUERY);
        if (text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
        actor(requestedBy);
        List<Suggestion> suggestions = suggest(text, limit);
        return new SuggestionAnswer(store.recordSuggestion(text, suggestions, requestedBy), suggestions);
    }

    /** @return the stored feedback; see {@link ArticleStore#addFeedback} */
    public FeedbackView feedback(String articleId, FeedbackInput input, String givenBy) {
        actor(givenBy);
        return store.addFeedback(articleId, input, givenBy);
    }

    /** @return the article's feedback, oldest first */
    public List<FeedbackView> feedbackOf(String articleId) {
        get(articleId);
        return store.feedback(articleId);
    }

    /**
     * Rebuilds the index from the database.
     *
     * @param requestedBy who asks
     * @return number of articles indexed
     */
    public int rebuildIndex(String requestedBy) {
        Actor actor = actor(requestedBy);
        try {
            int count = index.rebuild();
            audit.append(new AuditRecord(actor, "kb-index.rebuild", new EntityRef("kb-index", PLUGIN_ID), null, null,
                    "articles=" + count));
            return count;
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /** @return down when the database does not answer, degraded when the index may be out of step */
    public PluginHealth health() {
        long articles;
        try {
            articles = store.count();
        } catch (RuntimeException e) {
            return PluginHealth.down("database unavailable: " + e.getMessage());
        }
        String problem = index.problem();
        return problem == null ? PluginHealth.up()
                : PluginHealth.degraded(problem + " (" + articles + " articles in the database)");
    }

    private ArticleView setStatus(String id, ArticleStatus status, String action, String author) {
        Actor actor = actor(author);
        StatusChange change = store.setStatus(id, status, author).orElseThrow(() -> notFound(id));
        if (change.changed()) {
            changed(id, actor, action, "status=" + change.before().name().toLowerCase(Locale.ROOT),
                    summary(change.article()));
        }
        return change.article();
    }

    /** After the database commit: the index, the audit trail, the event. */
    private void changed(String id, Actor actor, String action, @Nullable String before, @Nullable String after) {
        index.refresh(id);
        audit.append(new AuditRecord(actor, ENTITY + "." + action, new EntityRef(ENTITY, id), null, before, after));
        events.publish(Topics.KB_ARTICLE_CHANGED, PLUGIN_ID, new EntityChange(ENTITY, id, action));
    }

    private static String summary(ArticleView a) {
        String title = a.title().length() <= 300 ? a.title() : a.title().substring(0, 300);
        return "status=" + a.status().name().toLowerCase(Locale.ROOT) + " version=" + a.version()
                + " slug=" + a.slug() + " title=" + title;
    }

    private static Actor actor(@Nullable String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("the acting user must be named (1..200 characters)");
        }
        return name.startsWith("system:") && name.length() > 7 ? Actor.system(name.substring(7)) : Actor.user(name);
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No article '" + id + "'");
    }

    private static ProblemException unavailable(IOException e) {
        LOG.warn("Knowledge-base index failure", e);
        ProblemException problem = new ProblemException(503, "index-unavailable", "Search index unavailable",
                "The article index failed; an admin can rebuild it with POST /api/v1/kb/index/rebuild");
        problem.initCause(e);
        return problem;
    }
}
