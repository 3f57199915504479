package org.alexandria.kb.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.security.Principal;
import java.util.List;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.alexandria.api.kb.ArticleStatus;
import org.alexandria.api.rest.ProblemException;
import org.alexandria.kb.internal.KnowledgeBaseService;
import org.alexandria.kb.internal.KnowledgeBaseServices;
import org.alexandria.kb.internal.SuggestionAnswer;
import org.alexandria.kb.internal.article.ArticleView;
import org.alexandria.kb.internal.article.FeedbackView;
import org.alexandria.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The resources' parameter handling and mapping, on the real service over H2. */
class ResourcesTest {

    private final TestDatabase db = TestDatabase.Kind.H2.create();
    private final KnowledgeBaseService kb = KnowledgeBaseServices.inMemory(db);
    private final ArticlesResource articles = new ArticlesResource(kb);
    private final KbSearchResource search = new KbSearchResource(kb);
    private final SecurityContext manager = caller("maria");

    @AfterEach
    void stop() {
        kb.close();
        db.close();
    }

    private static SecurityContext caller(String name) {
        SecurityContext context = mock(SecurityContext.class);
        Principal principal = () -> name;
        when(context.getUserPrincipal()).thenReturn(principal);
        return context;
    }

    private static void assertProblem(Runnable call, int status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.status()).isEqualTo(status));
    }

    private ArticleView create(String title, List<String> questions) {
        Response created = articles.create(new ArticlesResource.ArticleBody(title, "Body of " + title, null, null,
                questions, null), manager);
        return (ArticleView) created.getEntity();
    }

    @Test
    void createAnswers201WithLocationAndTheCallerAsAuthor() {
        Response created = articles.create(new ArticlesResource.ArticleBody("Card arrival", null, List.of("cards"),
                null, null, null), manager);

        ArticleView a = (ArticleView) created.getEntity();
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getLocation()).hasToString("/api/v1/kb/articles/" + a.id());
        assertThat(a.author()).isEqualTo("maria");
        assertThat(a.body()).isEmpty();
        assertThat(articles.get(a.slug())).isEqualTo(a);
        assertProblem(() -> articles.create(null, manager), 400);
    }

    @Test
    void parametersAreCheckedAs400NotAs404() {
        ArticleView a = create("Card arrival", List.of());

        assertProblem(() -> articles.list("sold", null, null, null, null), 400);
        assertProblem(() -> articles.list("draft,published", null, null, null, null), 400);
        assertProblem(() -> articles.list(null, null, null, "0", null), 400);
        assertProblem(() -> articles.list(null, null, null, "abc", null), 400);
        assertProblem(() -> articles.version(a.id(), "first"), 400);
        assertProblem(() -> articles.version(a.id(), "2"), 404);
        assertProblem(() -> search.search(" ", null, null, null, null), 400);
        assertProblem(() -> search.search("card", null, null, "gone", null), 400);
        assertProblem(() -> search.suggest(new KbSearchResource.SuggestBody("card", 51), manager), 400);
        assertThat(articles.list("DRAFT", null, null, "5", null).items()).containsExactly(a);
        assertThat(articles.version(a.id(), "1").title()).isEqualTo("Card arrival");
    }

    @Test
    void lifecycleThroughTheResources() {
        ArticleView a = create("Lost card", List.of("I lost my card"));

        articles.publish(a.id(), manager);
        SuggestionAnswer answer = search.suggest(new KbSearchResource.SuggestBody("I lost my card", null), caller("al"));
        assertThat(answer.suggestions()).singleElement().satisfies(s -> assertThat(s.articleId()).isEqualTo(a.id()));
        Response feedback = articles.feedback(a.id(), new ArticlesResource.FeedbackBody(true, answer.suggestionId(),
                null), caller("al"));
        assertThat(feedback.getStatus()).isEqualTo(201);
        assertThat(((FeedbackView) feedback.getEntity()).rank()).isEqualTo(1);
        assertThat(articles.feedbackOf(a.id())).hasSize(1);

        assertThat(search.search("lost", null, null, "published", null)).hasSize(1);
        assertThat(articles.archive(a.id(), manager).status()).isEqualTo(ArticleStatus.ARCHIVED);
        assertThat(search.search("lost", null, null, "published", null)).isEmpty();
        assertThat(articles.versions(a.id())).hasSize(3);
        assertThat(search.rebuild(caller("root"))).containsEntry("articles", 1);
        assertThat(articles.delete(a.id(), manager).getStatus()).isEqualTo(204);
        assertProblem(() -> articles.get(a.id()), 404);
    }

    @Test
    void bodiesAreReadStrictly() throws Exception {
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        ArticlesResource.ArticleBody body = strict.readValue("{\"title\":\"T\",\"tags\":[\"a\"]}",
                ArticlesResource.ArticleBody.class);
        assertThat(body.title()).isEqualTo("T");
        assertThat(body.tags()).containsExactly("a");
        assertThatThrownBy(() -> strict.readValue("{\"title\":\"T\",\"author\":\"x\"}", ArticlesResource.ArticleBody.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> strict.readValue("{\"body\":\"no title\"}", ArticlesResource.ArticleBody.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> strict.readValue("{\"suggestionId\":\"x\"}", ArticlesResource.FeedbackBody.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
