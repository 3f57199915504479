package org.alexandria.kb.internal.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.alexandria.api.kb.ArticleStatus;
import org.alexandria.kb.internal.search.Article;
import org.alexandria.kb.internal.search.ArticleFilter;
import org.alexandria.kb.internal.search.ArticleIndex;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The suggester on a small handmade corpus of banking articles. */
class SuggesterTest {

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private ArticleIndex index;
    private Suggester suggester;

    @BeforeEach
    void corpus() throws IOException {
        index = new ArticleIndex(directory);
        index.rebuild(List.of(
                new Article("card-arrival", "Card arrival", "Cards are delivered within 5 working days.", Set.of(),
                        null, ArticleStatus.PUBLISHED, List.of("When will my card arrive?",
                                "My new card still hasn't arrived", "How long does card delivery take?")),
                new Article("lost-card", "Lost or stolen card", "Freeze the card in the app at once.", Set.of(),
                        null, ArticleStatus.PUBLISHED, List.of("I lost my card", "My card was stolen yesterday",
                                "Someone took my wallet with the card")),
                new Article("top-up-failed", "Top up failed", "A top up can fail when the card is declined.",
                        Set.of(), null, ArticleStatus.PUBLISHED, List.of("My top up didn't work",
                                "Why did my top-up fail?", "Top up was declined")),
                new Article("exchange-rate", "Exchange rate", "We use the interbank rate.", Set.of(), null,
                        ArticleStatus.PUBLISHED, List.of("What exchange rate do you use?",
                                "The rate for my foreign payment was wrong")),
                new Article("refund-draft", "Refund not showing", "Refunds take up to 5 days.", Set.of(), null,
                        ArticleStatus.DRAFT, List.of("My refund is not showing", "Where is my refund?")),
                new Article("body-only", "Closing your account", "To close an account, withdraw the balance first.",
                        Set.of(), null, ArticleStatus.PUBLISHED, List.of())));
        suggester = new Suggester(index);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
        directory.close();
    }

    private List<String> ids(String text) throws IOException {
        return suggester.suggest(text, 3).stream().map(ArticleSuggestion::articleId).toList();
    }

    @Test
    void paraphrasesOfExampleQuestionsFindTheirArticle() throws IOException {
        assertThat(ids("my card has not arrived yet")).first().isEqualTo("card-arrival");
        assertThat(ids("somebody stole my card")).first().isEqualTo("lost-card");
        assertThat(ids("top-up did not work, why?")).first().isEqualTo("top-up-failed");
        assertThat(ids("what rate do you apply for exchanging money")).first().isEqualTo("exchange-rate");
    }

    @Test
    void articlesWithoutQuestionsAreFoundByTheirText() throws IOException {
        // no example question shares a word, pair or prefix with this text: only the article-level ranking speaks
        assertThat(ids("account closure balance")).containsExactly("body-only");
    }

    @Test
    void onlyPublishedArticlesAreSuggestedByDefault() throws IOException {
        assertThat(ids("where is my refund")).doesNotContain("refund-draft");
        List<ArticleSuggestion> drafts = suggester.suggest("where is my refund", 3,
                new ArticleFilter(EnumSet.of(ArticleStatus.DRAFT), Set.of(), null));
        assertThat(drafts).extracting(ArticleSuggestion::articleId).containsExactly("refund-draft");
    }

    @Test
    void scoresAreBestFirstInZeroToOneWithTitles() throws IOException {
        List<ArticleSuggestion> suggestions = suggester.suggest("my card was stolen, freeze it", 5);

        assertThat(suggestions).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(suggestions.get(0).title()).isEqualTo("Lost or stolen card");
        assertThat(suggestions.get(0).score()).isLessThanOrEqualTo(1.0).isGreaterThan(0.5);
        assertThat(suggestions).extracting(ArticleSuggestion::score).isSortedAccordingTo((a, b) -> Double.compare(b, a))
                .allSatisfy(score -> assertThat(score).isPositive());
    }

    @Test
    void limitCapsTheSuggestions() throws IOException {
        assertThat(suggester.suggest("card", 1)).hasSize(1);
        assertThatThrownBy(() -> suggester.suggest("card", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textWithoutMatchesSuggestsNothing() throws IOException {
        assertThat(suggester.suggest("zzzz qqqq", 3)).isEmpty();
        assertThat(suggester.suggest("", 3)).isEmpty();
    }

    @Test
    void eachRankingAloneStillWorks() throws IOException {
        Suggester neighboursOnly = new Suggester(index, new SuggestOptions(100, 3, 0, 0.5, 0.5));
        Suggester articlesOnly = new Suggester(index, new SuggestOptions(100, 3, 1, 0.5, 0.5));

        assertThat(neighboursOnly.suggest("I lost my card", 1)).extracting(ArticleSuggestion::articleId)
                .containsExactly("lost-card");
        assertThat(articlesOnly.suggest("I lost my card", 1)).extracting(ArticleSuggestion::articleId)
                .containsExactly("lost-card");
        // without article-level ranking, an article without questions cannot be found
        assertThat(neighboursOnly.suggest("close account balance", 3)).extracting(ArticleSuggestion::articleId)
                .doesNotContain("body-only");
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> new SuggestOptions(0, 3, 0.5, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SuggestOptions(10, 3, 1.5, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SuggestOptions(10, 3, 0.5, -1, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
