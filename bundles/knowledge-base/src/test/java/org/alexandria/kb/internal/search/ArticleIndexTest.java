package org.alexandria.kb.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alexandria.api.kb.ArticleStatus;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleIndexTest {

    private static final ArticleFilter ANY_STATUS = new ArticleFilter(EnumSet.allOf(ArticleStatus.class), Set.of(),
            null);

    private final Directory directory = new ByteBuffersDirectory();
    private final ArticleIndex index = open(directory);

    private static ArticleIndex open(Directory directory) {
        try {
            return new ArticleIndex(directory);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() throws IOException {
        index.close();
        directory.close();
    }

    static Article article(String id, String title, String body, ArticleStatus status) {
        return new Article(id, title, body, Set.of(), null, status, List.of());
    }

    private List<String> ids(String text, ArticleFilter filter) throws IOException {
        return index.search(new SearchRequest(text, filter, 10)).stream().map(SearchHit::articleId).toList();
    }

    @Test
    void putAddsAndReplacesByIdWithItsQuestions() throws IOException {
        index.put(new Article("a", "Reset your PIN", "Open settings.", Set.of(), null, ArticleStatus.PUBLISHED,
                List.of("I forgot my code")));
        assertThat(index.articleCount()).isEqualTo(1);
        assertThat(ids("forgot", ANY_STATUS)).containsExactly("a");

        index.put(new Article("a", "Reset your PIN", "Open settings.", Set.of(), null, ArticleStatus.PUBLISHED,
                List.of("How do I change my PIN")));

        assertThat(index.articleCount()).isEqualTo(1);
        assertThat(ids("forgot", ANY_STATUS)).isEmpty();
        assertThat(ids("change", ANY_STATUS)).containsExactly("a");
    }

    @Test
    void deleteRemovesTheArticleAndUnknownIdsAreIgnored() throws IOException {
        index.put(article("a", "Card delivery", "When does my card arrive", ArticleStatus.PUBLISHED));
        index.put(article("b", "Card activation", "Activate the card in the app", ArticleStatus.PUBLISHED));

        index.delete("a");
        index.delete("no-such-article");

        assertThat(index.articleCount()).isEqualTo(1);
        assertThat(ids("card", ANY_STATUS)).containsExactly("b");
    }

    @Test
    void rebuildReplacesEverythingAndRefusesDuplicateIds() throws IOException {
        index.put(article("old", "Old article", "text", ArticleStatus.PUBLISHED));

        index.rebuild(List.of(article("x", "Exchange rates", "text", ArticleStatus.PUBLISHED),
                article("y", "Transfer limits", "text", ArticleStatus.DRAFT)));

        assertThat(index.articleCount()).isEqualTo(2);
        assertThat(ids("old", ANY_STATUS)).isEmpty();
        assertThatThrownBy(() -> index.rebuild(List.of(article("x", "a", "", ArticleStatus.DRAFT),
                article("x", "b", "", ArticleStatus.DRAFT)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate");
        assertThat(index.articleCount()).isEqualTo(2);
    }

    @Test
    void filtersByStatusTagsAndProduct() throws IOException {
        index.put(new Article("pub", "Card payments", "x", Set.of("cards", "payments"), "mobile",
                ArticleStatus.PUBLISHED, List.of()));
        index.put(new Article("draft", "Card limits", "x", Set.of("cards"), "web", ArticleStatus.DRAFT, List.of()));
        index.put(new Article("arch", "Card fees", "x", Set.of(), null, ArticleStatus.ARCHIVED, List.of()));

        assertThat(ids("card", ArticleFilter.PUBLISHED)).containsExactly("pub");
        assertThat(ids("card", ANY_STATUS)).containsExactlyInAnyOrder("pub", "draft", "arch");
        assertThat(ids("card", new ArticleFilter(EnumSet.of(ArticleStatus.DRAFT, ArticleStatus.ARCHIVED), Set.of(),
                null))).containsExactlyInAnyOrder("draft", "arch");
        assertThat(ids("card", new ArticleFilter(EnumSet.allOf(ArticleStatus.class), Set.of("cards"), null)))
                .containsExactlyInAnyOrder("pub", "draft");
        assertThat(ids("card", new ArticleFilter(EnumSet.allOf(ArticleStatus.class), Set.of("cards", "payments"),
                null))).containsExactly("pub");
        assertThat(ids("card", new ArticleFilter(EnumSet.allOf(ArticleStatus.class), Set.of(), "web")))
                .containsExactly("draft");
        assertThat(ids("card", new ArticleFilter(EnumSet.allOf(ArticleStatus.class), Set.of("nope"), null)))
                .isEmpty();
        assertThatThrownBy(() -> new ArticleFilter(Set.of(), Set.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hitsCarryTheArticlesMetadata() throws IOException {
        index.put(new Article("pub", "Card payments", "Paying by card", Set.of("cards"), "mobile",
                ArticleStatus.PUBLISHED, List.of()));

        SearchHit hit = index.search(new SearchRequest("card", ANY_STATUS, 5)).get(0);

        assertThat(hit.articleId()).isEqualTo("pub");
        assertThat(hit.title()).isEqualTo("Card payments");
        assertThat(hit.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(hit.tags()).containsExactly("cards");
        assertThat(hit.product()).isEqualTo("mobile");
        assertThat(hit.score()).isPositive();
    }

    @Test
    void bm25RanksTheMoreSpecificArticleFirstAndTitlesCountMore() throws IOException {
        index.put(article("rare", "Exchange rates", "The exchange rate applied to foreign payments.",
                ArticleStatus.PUBLISHED));
        index.put(article("common", "Payments", "Payments payments and more about payments in general.",
                ArticleStatus.PUBLISHED));
        index.put(article("title", "Foreign currency", "About money abroad.", ArticleStatus.PUBLISHED));
        index.put(article("body", "Travelling", "Paying in a foreign currency while abroad.",
                ArticleStatus.PUBLISHED));

        assertThat(ids("exchange rate", ANY_STATUS)).first().isEqualTo("rare");
        List<String> currency = ids("currency", ANY_STATUS);
        assertThat(currency).containsExactly("title", "body");
    }

    @Test
    void limitCapsTheHits() throws IOException {
        for (int i = 0; i < 5; i++) {
            index.put(article("a" + i, "Card " + i, "card", ArticleStatus.PUBLISHED));
        }

        assertThat(index.search(new SearchRequest("card", ANY_STATUS, 3))).hasSize(3);
        assertThatThrownBy(() -> new SearchRequest("card", ANY_STATUS, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void misspelledWordsAreMatchedFuzzily() throws IOException {
        index.put(article("refund", "Refund for a purchase", "How a merchant refund reaches your account.",
                ArticleStatus.PUBLISHED));
        index.put(article("other", "Card delivery", "When the card arrives.", ArticleStatus.PUBLISHED));

        assertThat(ids("refnud", ANY_STATUS)).containsExactly("refund");
        assertThat(index.search(new SearchRequest("refnud", ANY_STATUS, 5, false))).as("exact words only").isEmpty();
        assertThat(ids("mercahnt", ANY_STATUS)).containsExactly("refund");
        assertThat(ids("crd", ANY_STATUS)).containsExactly("other");
        // words shorter than three letters must match exactly
        assertThat(ids("ca", ANY_STATUS)).isEmpty();
        // so must long tokens: identifiers of a pasted trace, not typos
        index.put(article("presenter", "Checkout presenter", "About checkoutpresenterbuildorder.", ArticleStatus.PUBLISHED));
        assertThat(ids("checkoutpresenterbuildordr", ANY_STATUS)).isEmpty();
        assertThat(ArticleSearch.edits("checkoutpresenterbuildordr")).isZero();
        assertThat(ArticleSearch.edits("presentre")).isEqualTo(2);
    }

    @Test
    void theClosestTermsOfAMisspelledWordAreHighlighted() throws IOException {
        index.put(article("refund", "Refund for a purchase", "How a merchant refund reaches your account.",
                ArticleStatus.PUBLISHED));

        assertThat(index.search(new SearchRequest("mercahnt refnud", ANY_STATUS, 5))).singleElement()
                .satisfies(hit -> assertThat(String.join(" ", hit.highlights()))
                        .contains("<b>merchant</b>", "<b>refund</b>"));
    }

    @Test
    void highlightsArePassagesOfTheBodyWithMatchesInBoldAndHtmlEscaped() throws IOException {
        index.put(article("a", "Top up", """
                ## Topping up

                You can top up with a **bank transfer**. It takes a day.

                Cards are instant & cost < 1 EUR.""", ArticleStatus.PUBLISHED));

        SearchHit hit = index.search(new SearchRequest("transfer cards", ANY_STATUS, 5)).get(0);

        assertThat(hit.highlights()).isNotEmpty().hasSizeLessThanOrEqualTo(ArticleSearch.PASSAGES);
        String all = String.join(" ", hit.highlights());
        assertThat(all).contains("<b>transfer</b>", "<b>Cards</b>", "&amp;", "&lt; 1").doesNotContain("**", "##");
    }

    @Test
    void highlightsOfChosenArticlesAreTheirPassagesInAnExactSearch() throws IOException {
        index.put(article("a", "Top up", "You can top up with a bank transfer. It takes a day.", ArticleStatus.PUBLISHED));
        index.put(article("b", "Cards", "Cards arrive in five days. A transfer is free.", ArticleStatus.PUBLISHED));
        index.put(article("c", "Fees", "Nothing about the words asked for.", ArticleStatus.PUBLISHED));
        String text = "how long does a transfer take, trnasfer";

        Map<String, List<String>> chosen = index.highlights(text, List.of("b", "c", "no-such-article"));

        Map<String, List<String>> searched = new HashMap<>();
        index.search(new SearchRequest(text, ANY_STATUS, 10, false)).forEach(h -> searched.put(h.articleId(), h.highlights()));
        assertThat(chosen).containsOnlyKeys("b", "c");
        assertThat(chosen.get("b")).isEqualTo(searched.get("b")).anySatisfy(p -> assertThat(p).contains("<b>transfer</b>"));
        // as for a search hit whose body does not match: the start of the body
        assertThat(chosen.get("c")).containsExactly("Nothing about the words asked for.");
        assertThat(index.highlights(text, List.of())).isEmpty();
        assertThat(index.highlights("   ", List.of("a"))).isEmpty();
    }

    @Test
    void aTitleOnlyMatchShowsTheStartOfTheBody() throws IOException {
        index.put(article("a", "Disputes", "Something else entirely. More text.", ArticleStatus.PUBLISHED));

        assertThat(index.search(new SearchRequest("disputes", ANY_STATUS, 5)))
                .singleElement().satisfies(hit -> assertThat(hit.highlights()).containsExactly("Something else entirely.", "More text."));
    }

    @Test
    void textWithoutWordsFindsNothing() throws IOException {
        index.put(article("a", "Anything", "x", ArticleStatus.PUBLISHED));

        assertThat(ids("  ?! ", ANY_STATUS)).isEmpty();
        assertThat(ids("", ANY_STATUS)).isEmpty();
    }

    @Test
    void invalidMarkdownIsIndexedAsText() throws IOException {
        index.put(article("broken", "Broken", "[unclosed **link(http://x <div ``` ~~~\n# \n> > >", ArticleStatus.PUBLISHED));

        assertThat(ids("unclosed", ANY_STATUS)).containsExactly("broken");
    }

    @Test
    void anFsIndexSurvivesReopening(@TempDir Path dir) throws IOException {
        try (Directory fs = FSDirectory.open(dir); ArticleIndex first = new ArticleIndex(fs)) {
            first.put(article("a", "Card delivery", "x", ArticleStatus.PUBLISHED));
        }
        try (Directory fs = FSDirectory.open(dir); ArticleIndex reopened = new ArticleIndex(fs)) {
            assertThat(reopened.articleCount()).isEqualTo(1);
            assertThat(reopened.search(new SearchRequest("delivery", ANY_STATUS, 5))).hasSize(1);
        }
    }

    @Test
    void anIndexWrittenWithAnOlderLayoutOpensEmptyAndIsRebuilt(@TempDir Path dir) throws IOException {
        try (Directory fs = FSDirectory.open(dir);
                IndexWriter older = new IndexWriter(fs, new IndexWriterConfig(new StandardAnalyzer()))) {
            // the layout before format 2: body without offsets, text forms with positions, no format marker
            Document doc = new Document();
            doc.add(new StringField(ArticleFields.ID, "old", Store.YES));
            doc.add(new StringField(ArticleFields.KIND, ArticleFields.KIND_ARTICLE, Store.NO));
            doc.add(new TextField(ArticleFields.BODY, "Card delivery takes a day", Store.YES));
            doc.add(new TextField(ArticleFields.CONTENT, "Card delivery takes a day", Store.NO));
            older.addDocument(doc);
            older.commit();
        }
        try (Directory fs = FSDirectory.open(dir); ArticleIndex reopened = new ArticleIndex(fs)) {
            assertThat(reopened.articleCount()).isZero();

            reopened.rebuild(List.of(article("new", "Card delivery", "Delivery takes a day.",
                    ArticleStatus.PUBLISHED)));
            reopened.put(article("other", "Card activation", "Activate the card.", ArticleStatus.PUBLISHED));

            assertThat(reopened.search(new SearchRequest("delivery", ANY_STATUS, 5))).singleElement()
                    .satisfies(hit -> assertThat(hit.highlights()).containsExactly("<b>Delivery</b> takes a day."));
        }
        try (Directory fs = FSDirectory.open(dir); ArticleIndex again = new ArticleIndex(fs)) {
            assertThat(again.articleCount()).isEqualTo(2); // the current layout is kept
        }
    }

    @Test
    void blankIdsAreRefused() {
        assertThatThrownBy(() -> article(" ", "t", "b", ArticleStatus.DRAFT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
