package org.alexandria.kb.internal.search;

import java.io.Reader;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * English analysis of article and ticket text, one chain per {@link TextForm}; the field name picks the chain.
 * Made for short customer questions: no stop words are removed, because "why", "not", "can" or "my" often carry
 * the meaning of a one-line question and BM25/TF-IDF already give frequent words little weight (removing
 * Lucene's English stop words cost accuracy on validation data); "n't" is spelled out as " not".
 */
public final class TextAnalysis {

    /** Length of the character grams. */
    static final int GRAM = 3;

    private static final Pattern CURLY_APOSTROPHE = Pattern.compile("[\u2018\u2019]");
    private static final Pattern NEGATION = Pattern.compile("(?i)(?<=\\p{L})n't\\b");
    private static final Pattern WHOLE = Pattern.compile("^(.*)$");

    private final ArticleIndexOptions options;
    private final Analyzer perField;

    /** @param options stemming and contractions switches */
    public TextAnalysis(ArticleIndexOptions options) {
        this.options = options;
        Analyzer words = chain(TextForm.WORDS);
        Analyzer shingles = chain(TextForm.SHINGLES);
        Analyzer grams = chain(TextForm.GRAMS);
        this.perField = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return switch (TextForm.ofField(fieldName)) {
                    case WORDS -> words;
                    case SHINGLES -> shingles;
                    case GRAMS -> grams;
                };
            }
        };
    }

    /** @return the analyzer of every field of the index, choosing the chain by the field's {@link TextForm} */
    public Analyzer perField() {
        return perField;
    }

    private Analyzer chain(TextForm form) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                Reader apostrophes = new PatternReplaceCharFilter(CURLY_APOSTROPHE, "'", reader);
                return options.contractions() ? new PatternReplaceCharFilter(NEGATION, " not", apostrophes)
                        : apostrophes;
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)));
                if (form == TextForm.GRAMS) {
                    // Boundary marks keep "_car" apart from the "car" inside "scary" and let short words count.
                    stream = new PatternReplaceFilter(stream, WHOLE, "_$1_", false);
                    return new TokenStreamComponents(source, new NGramTokenFilter(stream, GRAM, GRAM, false));
                }
                if (options.stemming()) {
                    stream = new PorterStemFilter(stream);
                }
                if (form == TextForm.SHINGLES) {
                    ShingleFilter pairs = new ShingleFilter(stream, 2, 2);
                    pairs.setOutputUnigrams(false);
                    stream = pairs;
                }
                return new TokenStreamComponents(source, stream);
            }
        };
    }
}
