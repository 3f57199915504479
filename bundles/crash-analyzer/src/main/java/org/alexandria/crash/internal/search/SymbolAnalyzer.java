package org.alexandria.crash.internal.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analysis shared by crash-group documents and the texts searched against them. Code identifiers are kept whole
 * and also split into their words ({@code org.jfree.chart.LegendItem.getLabel} also gives {@code legend},
 * {@code item}, {@code get}, {@code label}), because customers write "the legend label" where a trace prints the
 * identifier; then lower case, English stop words removed and Porter stemming, so that "rendering" meets
 * {@code Renderer}. Thread-safe, as every Lucene analyzer.
 */
final class SymbolAnalyzer extends Analyzer {

    private static final int SPLIT = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.PRESERVE_ORIGINAL | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    private final boolean indexing;

    /** @param indexing true for the index writer: the token graph must be flattened before it is indexed */
    SymbolAnalyzer(boolean indexing) {
        this.indexing = indexing;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream tokens = new WordDelimiterGraphFilter(source, SPLIT, null);
        if (indexing) {
            tokens = new FlattenGraphFilter(tokens);
        }
        tokens = new LowerCaseFilter(tokens);
        tokens = new StopFilter(tokens, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        tokens = new PorterStemFilter(tokens);
        return new TokenStreamComponents(source, tokens);
    }
}
