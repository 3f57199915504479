package org.alexandria.kb.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {

    private final Analyzer analyzer = new TextAnalysis(ArticleIndexOptions.DEFAULT).perField();

    private List<String> terms(TextForm form, String text) {
        return terms(analyzer, form, text);
    }

    private static List<String> terms(Analyzer analyzer, TextForm form, String text) {
        return QueryTerms.of(analyzer, form.field(ArticleFields.QUESTION), text).stream().map(Term::text).toList();
    }

    @Test
    void wordsAreLowerCasedFoldedAndStemmedWithoutDroppingStopWords() {
        assertThat(terms(TextForm.WORDS, "Why was my Card CHARGED twice? Café charges"))
                .containsExactly("why", "wa", "my", "card", "charg", "twice", "cafe");
    }

    @Test
    void negationsAreSpelledOutAlsoWithCurlyApostrophes() {
        assertThat(terms(TextForm.WORDS, "didn't arrive")).containsExactly("did", "not", "arriv");
        assertThat(terms(TextForm.WORDS, "card didn\u2019t work")).containsExactly("card", "did", "not", "work");
    }

    @Test
    void contractionsCanBeSwitchedOff() {
        Analyzer plain = new TextAnalysis(new ArticleIndexOptions(true, false, true, 6f)).perField();

        assertThat(terms(plain, TextForm.WORDS, "didn't arrive")).containsExactly("didn't", "arriv");
    }

    @Test
    void stemmingCanBeSwitchedOff() {
        Analyzer plain = new TextAnalysis(new ArticleIndexOptions(false, true, true, 6f)).perField();

        assertThat(terms(plain, TextForm.WORDS, "charges charged")).containsExactly("charges", "charged");
    }

    @Test
    void possessivesAreDropped() {
        assertThat(terms(TextForm.WORDS, "my friend's card")).containsExactly("my", "friend", "card");
    }

    @Test
    void shinglesArePairsOfStemmedWordsOnly() {
        assertThat(terms(TextForm.SHINGLES, "top up failed")).containsExactly("top up", "up fail");
        assertThat(terms(TextForm.SHINGLES, "alone")).isEmpty();
    }

    @Test
    void prefixesKeepTheFirstFourLettersOfUnstemmedWords() {
        assertThat(terms(TextForm.PREFIXES, "verify verification of my ID"))
                .containsExactly("veri", "of", "my", "id");
    }

    @Test
    void theFieldSuffixPicksTheForm() {
        assertThat(TextForm.ofField("question.shingles")).isEqualTo(TextForm.SHINGLES);
        assertThat(TextForm.ofField("content.prefixes")).isEqualTo(TextForm.PREFIXES);
        assertThat(TextForm.ofField("title")).isEqualTo(TextForm.WORDS);
        assertThat(TextForm.textField("content.prefixes")).isEqualTo("content");
        assertThat(TextForm.textField("body")).isEqualTo("body");
    }

    @Test
    void queryTermsAreDistinctAndCapped() {
        StringBuilder text = new StringBuilder("card card card ");
        for (int i = 0; i < QueryTerms.MAX_TERMS_PER_FIELD + 50; i++) {
            text.append("w").append(i).append(' ');
        }
        List<String> terms = terms(TextForm.WORDS, text.toString());

        assertThat(terms).hasSize(QueryTerms.MAX_TERMS_PER_FIELD).doesNotHaveDuplicates().startsWith("card", "w0");
    }

    @Test
    void emptyOrPunctuationOnlyTextHasNoTerms() {
        assertThat(terms(TextForm.WORDS, "")).isEmpty();
        assertThat(terms(TextForm.WORDS, " ?! -- ")).isEmpty();
    }
}
