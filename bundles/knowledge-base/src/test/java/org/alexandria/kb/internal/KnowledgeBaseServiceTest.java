package org.alexandria.kb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.persistence.EntityManagerFactory;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditEntry;
import org.alexandria.api.audit.AuditQuery;
import org.alexandria.api.event.EntityChange;
import org.alexandria.api.event.EventBus;
import org.alexandria.api.event.Topics;
import org.alexandria.api.kb.ArticleStatus;
import org.alexandria.api.kb.NewArticle;
import org.alexandria.api.kb.Suggestion;
import org.alexandria.api.plugin.HealthStatus;
import org.alexandria.api.rest.Page;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.core.internal.audit.JpaAuditTrail;
import org.alexandria.core.internal.persistence.JdbcSchemaMigrator;
import org.alexandria.kb.internal.article.ArticleInput;
import org.alexandria.kb.internal.article.ArticleQuery;
import org.alexandria.kb.internal.article.ArticleRules;
import org.alexandria.kb.internal.article.ArticleVersionView;
import org.alexandria.kb.internal.article.ArticleView;
import org.alexandria.kb.internal.article.FeedbackInput;
import org.alexandria.kb.internal.article.FeedbackView;
import org.alexandria.kb.internal.search.SearchHit;
import org.alexandria.testing.TestDatabase;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link KnowledgeBaseService} with the real store, index and audit trail, against H2 and PostgreSQL. */
class KnowledgeBaseServiceTest {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(TestDatabase.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(TestDatabase.Kind.POSTGRES);
        }
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    abstract static class Contract {
        private final TestDatabase.Kind kind;
        final MovingClock clock = new MovingClock();
        final EventBus events = mock(EventBus.class);
        final AtomicBoolean diskBroken = new AtomicBoolean();
        TestDatabase db;
        EntityManagerFactory emf;
        JpaAuditTrail audit;
        KnowledgeBaseService kb;

        Contract(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @BeforeEach
        void start() {
            db = kind.create();
            audit = new JpaAuditTrail(db.entityManagerFactory(), new JdbcSchemaMigrator(db.dataSource()), mock(EventBus.class));
            emf = db.entityManagerFactory("alexandria-knowledge-base");
            kb = newService();
        }

        KnowledgeBaseService newService() {
            LiveIndex.Storage storage = wipe -> new FilterDirectory(new ByteBuffersDirectory()) {
                @Override
                public IndexOutput createOutput(String name, IOContext context) throws IOException {
                    if (diskBroken.get()) {
                        throw new IOException("disk full (test)");
                    }
                    return super.createOutput(name, context);
                }
            };
            return new KnowledgeBaseService(emf, new JdbcSchemaMigrator(db.dataSource()), events, audit, storage, 5, clock);
        }

        @AfterEach
        void stop() {
            kb.close();
            db.close();
        }

        static ArticleInput input(String title, String body, List<String> tags, String product, List<String> questions) {
            return new ArticleInput(title, body, tags, product, questions, null);
        }

        ArticleView published(String title, String body, List<String> questions) {
            ArticleView draft = kb.create(input(title, body, List.of(), null, questions), "editor");
            return kb.publish(draft.id(), "editor");
        }

        List<AuditEntry> auditOf(String articleId) {
            return audit.query(new AuditQuery(KnowledgeBaseService.ENTITY, articleId, null, null, null, 0, 100));
        }

        @Test
        void createStoresADraftAsVersionOneWithASlugFromTheTitle() {
            ArticleView a = kb.create(new ArticleInput("  Café card: top up!  ", "# Top up\nUse the app.",
                    List.of("Cards", "top-up", "cards"), " mobile ", List.of("How do I top up?", " "), null), "alice");

            assertThat(a.id()).hasSize(36);
            assertThat(a.slug()).isEqualTo("cafe-card-top-up");
            assertThat(a.title()).isEqualTo("Café card: top up!");
            assertThat(a.tags()).containsExactly("cards", "top-up");
            assertThat(a.product()).isEqualTo("mobile");
            assertThat(a.questions()).containsExactly("How do I top up?");
            assertThat(a.status()).isEqualTo(ArticleStatus.DRAFT);
            assertThat(a.author()).isEqualTo("alice");
            assertThat(a.created()).isEqualTo(clock.instant()).isEqualTo(a.updated());
            assertThat(a.version()).isEqualTo(1);
            assertThat(kb.get(a.id())).isEqualTo(a);
            assertThat(kb.get("cafe-card-top-up")).isEqualTo(a);
            assertThat(kb.versions(a.id())).singleElement().satisfies(v -> {
                assertThat(v.version()).isEqualTo(1);
                assertThat(v.author()).isEqualTo("alice");
                assertThat(v.status()).isEqualTo(ArticleStatus.DRAFT);
            });
        }

        @Test
        void otherPluginsCreateDraftsOrPublishedArticlesThroughTheApi() {
            String draft = kb.create(new NewArticle("Export fails", "Name every column.", List.of("reports"), "desktop",
                    null), false, Actor.system("demo-data"));
            String published = kb.create(new NewArticle("Reset your password", "Use **Forgot password**.",
                    List.of("account"), "web", List.of("I forgot my password")), true, Actor.user("manager"));

            assertThat(kb.get(draft).status()).isEqualTo(ArticleStatus.DRAFT);
            assertThat(kb.get(draft).author()).isEqualTo("system:demo-data");
            assertThat(kb.get(published).status()).isEqualTo(ArticleStatus.PUBLISHED);
            assertThat(kb.suggest("forgot my password", 3)).extracting(Suggestion::articleId).containsExactly(published);
            assertThatThrownBy(() -> kb.create(new NewArticle(" ", "", null, null, null), true, Actor.user("manager")))
                    .isInstanceOf(RuntimeException.class);
        }

        @Test
        void slugsStayUniqueAndAnExplicitTakenSlugIsAConflict() {
            ArticleView first = kb.create(input("Card delivery", "", List.of(), null, List.of()), "a");
            ArticleView second = kb.create(input("Card delivery", "", List.of(), null, List.of()), "a");

            assertThat(first.slug()).isEqualTo("card-delivery");
            assertThat(second.slug()).isEqualTo("card-delivery-2");
            assertThatThrownBy(() -> kb.create(new ArticleInput("x", "", null, null, null, "card-delivery"), "a"))
                    .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(409));
            assertThatThrownBy(() -> kb.create(new ArticleInput("x", "", null, null, null, "Not A Slug"), "a"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void everySaveIsAVersionWithItsAuthorAndTime() {
            ArticleView a = kb.create(input("PIN reset", "Old text", List.of(), null, List.of()), "alice");
            clock.advance(Duration.ofMinutes(1));
            kb.update(a.id(), input("PIN reset", "New text", List.of("security"), null, List.of()), "bob");
            clock.advance(Duration.ofMinutes(1));
            ArticleView published = kb.publish(a.id(), "carol");

            assertThat(published.version()).isEqualTo(3);
            assertThat(published.body()).isEqualTo("New text");
            assertThat(published.created()).isEqualTo(a.created());
            assertThat(published.updated()).isEqualTo(clock.instant());
            List<ArticleVersionView> versions = kb.versions(a.id());
            assertThat(versions).extracting(ArticleVersionView::version).containsExactly(1, 2, 3);
            assertThat(versions).extracting(ArticleVersionView::author).containsExactly("alice", "bob", "carol");
            assertThat(versions).extracting(ArticleVersionView::body).containsExactly("Old text", "New text", "New text");
            assertThat(versions).extracting(ArticleVersionView::status)
                    .containsExactly(ArticleStatus.DRAFT, ArticleStatus.DRAFT, ArticleStatus.PUBLISHED);
            assertThat(kb.version(a.id(), 1).body()).isEqualTo("Old text");
            assertThatThrownBy(() -> kb.version(a.id(), 4)).isInstanceOfSatisfying(ProblemException.class,
                    p -> assertThat(p.status()).isEqualTo(404));
        }

        @Test
        void publishingTwiceSavesNothingNew() {
            ArticleView a = published("Card arrival", "", List.of());

            assertThat(kb.publish(a.id(), "editor").version()).isEqualTo(a.version());
            assertThat(kb.versions(a.id())).hasSize(2);
            assertThat(auditOf(a.id())).extracting(AuditEntry::action)
                    .containsExactly("kb-article.create", "kb-article.publish");
        }

        @Test
        void onlyPublishedArticlesAreSuggested() {
            ArticleView card = published("Card arrival", "Cards arrive within a week.",
                    List.of("When will my card arrive?", "My card has not arrived"));
            ArticleView draft = kb.create(input("Card not arrived draft", "", List.of(), null,
                    List.of("My card has not arrived")), "editor");

            List<Suggestion> suggestions = kb.suggest("my card still has not arrived", 5);
            assertThat(suggestions).extracting(Suggestion::articleId).containsExactly(card.id());
            assertThat(suggestions.get(0).title()).isEqualTo("Card arrival");
            assertThat(suggestions.get(0).highlights()).singleElement().asString().contains("<b>arrive</b>");

            kb.archive(card.id(), "editor");
            assertThat(kb.suggest("my card still has not arrived", 5)).isEmpty();
            kb.publish(draft.id(), "editor");
            assertThat(kb.suggest("my card still has not arrived", 5)).extracting(Suggestion::articleId)
                    .containsExactly(draft.id());
            assertThat(kb.suggest("   ", 5)).isEmpty();
            assertThatThrownBy(() -> kb.suggest("card", 51)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void searchFiltersByStatusTagAndProductAndMatchesMisspellings() {
            ArticleView mobile = kb.create(input("Refund of a purchase", "A **refund** takes five days.",
                    List.of("payments"), "mobile", List.of()), "e");
            ArticleView web = kb.create(input("Refund to a card", "Refunds go to the card you paid with.",
                    List.of("payments", "cards"), "web", List.of()), "e");
            kb.publish(web.id(), "e");

            assertThat(ids(kb.search("refnud", Set.of(), null, null, 10))).containsExactlyInAnyOrder(mobile.id(), web.id());
            assertThat(ids(kb.search("refund", EnumSet.of(ArticleStatus.PUBLISHED), null, null, 10))).containsExactly(web.id());
            assertThat(ids(kb.search("refund", Set.of(), "cards", null, 10))).containsExactly(web.id());
            assertThat(ids(kb.search("refund", Set.of(), null, "mobile", 10))).containsExactly(mobile.id());
            SearchHit hit = kb.search("refund", Set.of(), null, "mobile", 10).get(0);
            assertThat(hit.highlights()).containsExactly("A <b>refund</b> takes five days.");
            assertThatThrownBy(() -> kb.search("x".repeat(ArticleRules.MAX_QUERY + 1), Set.of(), null, null, 10))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> kb.search("refund", Set.of(), "Bad Tag!", null, 10))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void updatesAreSearchableAtOnce() {
            ArticleView a = kb.create(input("Exchange rates", "We use the interbank rate.", List.of(), null, List.of()), "e");

            kb.update(a.id(), input("Exchange rates", "We use the market rate plus a margin.", List.of(), null,
                    List.of()), "e");

            assertThat(kb.search("interbank", Set.of(), null, null, 10)).isEmpty();
            assertThat(ids(kb.search("margin", Set.of(), null, null, 10))).containsExactly(a.id());
        }

        @Test
        void deleteRemovesTheArticleItsHistoryFeedbackAndIndexEntry() {
            ArticleView a = published("Lost card", "Freeze it.", List.of("I lost my card"));
            kb.feedback(a.id(), new FeedbackInput(true, null, null), "agent");

            kb.delete(a.id(), "manager");

            assertThatThrownBy(() -> kb.get(a.id())).isInstanceOfSatisfying(ProblemException.class,
                    p -> assertThat(p.status()).isEqualTo(404));
            assertThatThrownBy(() -> kb.versions(a.id())).isInstanceOf(ProblemException.class);
            assertThatThrownBy(() -> kb.delete(a.id(), "manager")).isInstanceOf(ProblemException.class);
            assertThat(kb.suggest("I lost my card", 5)).isEmpty();
            assertThat(db.queryLong("SELECT COUNT(*) FROM alx_kb_article_version")).isZero();
            assertThat(db.queryLong("SELECT COUNT(*) FROM alx_kb_feedback")).isZero();
            assertThat(auditOf(a.id())).extracting(AuditEntry::action).endsWith("kb-article.delete");
        }

        @Test
        void listFiltersAndPagesNewestFirst() {
            for (int i = 0; i < 5; i++) {
                kb.create(input("Article " + i, "", i % 2 == 0 ? List.of("even") : List.of(), i < 2 ? "web" : null,
                        List.of()), "e");
                clock.advance(Duration.ofSeconds(1));
            }

            Page<ArticleView> first = kb.list(new ArticleQuery(null, null, null, 2, null));
            Page<ArticleView> second = kb.list(new ArticleQuery(null, null, null, 2, first.nextCursor()));
            Page<ArticleView> third = kb.list(new ArticleQuery(null, null, null, 2, second.nextCursor()));

            assertThat(first.items()).extracting(ArticleView::title).containsExactly("Article 4", "Article 3");
            assertThat(second.items()).extracting(ArticleView::title).containsExactly("Article 2", "Article 1");
            assertThat(third.items()).extracting(ArticleView::title).containsExactly("Article 0");
            assertThat(third.nextCursor()).isNull();
            assertThat(kb.list(new ArticleQuery(null, "even", null, 10, null)).items()).extracting(ArticleView::title)
                    .containsExactly("Article 4", "Article 2", "Article 0");
            assertThat(kb.list(new ArticleQuery(null, null, "web", 10, null)).items()).hasSize(2);
            assertThat(kb.list(new ArticleQuery(ArticleStatus.PUBLISHED, null, null, 10, null)).items()).isEmpty();
            assertThatThrownBy(() -> kb.list(new ArticleQuery(null, null, null, 2, "bogus")))
                    .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(400));
        }

        @Test
        void feedbackOnASuggestionKeepsItsQueryRankAndScore() {
            ArticleView card = published("Card arrival", "", List.of("When will my card arrive?"));
            ArticleView lost = published("Lost card", "", List.of("I lost my card"));

            SuggestionAnswer answer = kb.suggestAndRecord("when does my card arrive", 5, "agent-1");
            assertThat(answer.suggestions()).extracting(Suggestion::articleId).containsExactly(card.id(), lost.id());

            FeedbackView feedback = kb.feedback(lost.id(), new FeedbackInput(false, answer.suggestionId(), "wrong one"),
                    "agent-1");

            assertThat(feedback.helpful()).isFalse();
            assertThat(feedback.query()).isEqualTo("when does my card arrive");
            assertThat(feedback.rank()).isEqualTo(2);
            assertThat(feedback.score()).isCloseTo(answer.suggestions().get(1).score(), org.assertj.core.data.Offset.offset(1e-5));
            assertThat(feedback.comment()).isEqualTo("wrong one");
            assertThat(feedback.givenBy()).isEqualTo("agent-1");
            FeedbackView plain = kb.feedback(card.id(), new FeedbackInput(true, null, null), "agent-2");
            assertThat(plain.suggestionId()).isNull();
            assertThat(plain.rank()).isNull();
            assertThat(kb.feedbackOf(lost.id())).containsExactly(feedback);
        }

        @Test
        void feedbackMustNameAnArticleTheSuggestionMade() {
            ArticleView card = published("Card arrival", "", List.of("When will my card arrive?"));
            ArticleView other = published("Exchange rates", "", List.of("What rate do you use?"));
            SuggestionAnswer answer = kb.suggestAndRecord("card arrive", 5, "agent");

            assertThatThrownBy(() -> kb.feedback(other.id(), new FeedbackInput(true, answer.suggestionId(), null), "a"))
                    .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(400));
            assertThatThrownBy(() -> kb.feedback(card.id(), new FeedbackInput(true, "no-such-suggestion", null), "a"))
                    .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(400));
            assertThatThrownBy(() -> kb.feedback("no-such-article", new FeedbackInput(true, null, null), "a"))
                    .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
            assertThatThrownBy(() -> kb.suggestAndRecord(" ", 5, "agent")).isInstanceOf(IllegalArgumentException.class);
            assertThat(db.queryLong("SELECT COUNT(*) FROM alx_kb_feedback")).isZero();
        }

        @Test
        void invalidContentIsRefusedAndStoresNothing() {
            assertThatThrownBy(() -> kb.create(input(" ", "", List.of(), null, List.of()), "e"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> kb.create(input("t", "x".repeat(ArticleRules.MAX_BODY + 1), List.of(), null,
                    List.of()), "e")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body");
            assertThatThrownBy(() -> kb.create(input("t", "nul \u0000 byte", List.of(), null, List.of()), "e"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> kb.create(input("t", "", List.of("no spaces allowed"), null, List.of()), "e"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> kb.create(input("t", "", List.of(), null, List.of()), " "))
                    .isInstanceOf(IllegalArgumentException.class);

            assertThat(db.queryLong("SELECT COUNT(*) FROM alx_kb_article")).isZero();
            assertThat(audit.query(AuditQuery.all(100))).isEmpty();
        }

        @Test
        void invalidMarkdownIsStoredAndSearchable() {
            String broken = "[unclosed **bold <div ``` ~~~\n# \n> > > | table | without | end";
            ArticleView a = kb.create(input("Broken markdown", broken, List.of(), null, List.of()), "e");

            assertThat(kb.get(a.id()).body()).isEqualTo(broken);
            assertThat(ids(kb.search("unclosed table", Set.of(), null, null, 10))).containsExactly(a.id());
        }

        @Test
        void changesAreAuditedAndPublished() {
            ArticleView a = kb.create(input("Card arrival", "", List.of(), null, List.of()), "alice");
            kb.update(a.id(), input("Card arrival times", "", List.of(), null, List.of()), "alice");
            kb.publish(a.id(), "system:importer");
            kb.archive(a.id(), "bob");
            kb.delete(a.id(), "bob");

            List<AuditEntry> entries = auditOf(a.id());
            assertThat(entries).extracting(AuditEntry::action).containsExactly("kb-article.create", "kb-article.update",
                    "kb-article.publish", "kb-article.archive", "kb-article.delete");
            assertThat(entries.get(2).actor()).isEqualTo(Actor.system("importer"));
            assertThat(entries.get(1).before()).contains("title=Card arrival");
            assertThat(entries.get(1).after()).contains("title=Card arrival times", "version=2");
            assertThat(audit.verify().valid()).isTrue();
            for (String action : List.of("create", "update", "publish", "archive", "delete")) {
                verify(events).publish(eq(Topics.KB_ARTICLE_CHANGED), eq(KnowledgeBaseService.PLUGIN_ID),
                        eq(new EntityChange(KnowledgeBaseService.ENTITY, a.id(), action)));
            }
        }

        @Test
        void theIndexIsRebuiltFromTheDatabaseAtActivation() {
            ArticleView a = published("Card arrival", "", List.of("When will my card arrive?"));
            kb.close();

            kb = newService();

            assertThat(kb.suggest("when will my card arrive", 3)).extracting(Suggestion::articleId).containsExactly(a.id());
            assertThat(kb.health().status()).isEqualTo(HealthStatus.UP);
        }

        @Test
        void anIndexFailureDegradesHealthUntilARebuildSucceeds() {
            ArticleView a = published("Card arrival", "", List.of("When will my card arrive?"));
            diskBroken.set(true);

            // the database write succeeds; the index cannot follow
            ArticleView b = published("Lost card", "", List.of("I lost my card"));

            assertThat(kb.get(b.id()).status()).isEqualTo(ArticleStatus.PUBLISHED);
            assertThat(kb.health().status()).isEqualTo(HealthStatus.DEGRADED);
            assertThat(kb.health().message()).contains("disk full");

            diskBroken.set(false);
            assertThat(kb.rebuildIndex("admin")).isEqualTo(2);

            assertThat(kb.health().status()).isEqualTo(HealthStatus.UP);
            assertThat(kb.suggest("I lost my card", 1)).extracting(Suggestion::articleId).containsExactly(b.id());
            assertThat(kb.suggest("when will my card arrive", 1)).extracting(Suggestion::articleId).containsExactly(a.id());
            assertThat(audit.query(AuditQuery.all(100))).extracting(AuditEntry::action).contains("kb-index.rebuild");
        }

        @Test
        void aFailedIndexWriteIsRepairedAtOnceWhenTheDiskRecovers() {
            ArticleView a = kb.create(input("Card arrival", "", List.of(), null, List.of()), "e");
            diskBroken.set(true);
            kb.update(a.id(), input("Card arrival", "Cards come by post.", List.of(), null, List.of()), "e");
            diskBroken.set(false);

            kb.update(a.id(), input("Card arrival", "Cards come by courier.", List.of(), null, List.of()), "e");

            assertThat(kb.health().status()).isEqualTo(HealthStatus.UP);
            assertThat(ids(kb.search("courier", Set.of(), null, null, 5))).containsExactly(a.id());
            verify(events, times(3)).publish(eq(Topics.KB_ARTICLE_CHANGED), eq(KnowledgeBaseService.PLUGIN_ID),
                    org.mockito.ArgumentMatchers.any());
        }

        @Test
        void healthIsDownWithoutTheDatabase() {
            emf.close();

            assertThat(kb.health().status()).isEqualTo(HealthStatus.DOWN);
        }

        private static List<String> ids(List<SearchHit> hits) {
            return hits.stream().map(SearchHit::articleId).toList();
        }
    }
}
