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
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * English analysis of article and ticket text, one chain per {@link TextForm}; the field name picks the chain.
 * Made for short customer questions: no stop words are removed, because "why", "not", "can" or "my" often carry
 * the meaning of a one-line question and BM25/TF-IDF already give frequent words little weight (removing
 * Lucene's English stop words cost accuracy on validation data); "n't" is spelled out as " not".
 */
public final class TextAnalysis {

    /**
     * Letters kept by {@link TextForm#PREFIXES}. Four matched best on validation data (five and six were close);
     * character trigrams matched as well but made a query over 100,000 articles several times slower.
     */
    static final int PREFIX_LENGTH = 4;

    private static final Pattern CURLY_APOSTROPHE = Pattern.compile("[\u2018\u2019]");
    private static final Pattern NEGATION = Pattern.compile("(?i)(?<=\\p{L})n't\\b");

    private final ArticleIndexOptions options;
    private final Analyzer perField;

    /** @param options stemming and contractions switches */
    public TextAnalysis(ArticleIndexOptions options) {
        this.options = options;
        Analyzer words = chain(TextForm.WORDS);
        Analyzer shingles = chain(TextForm.SHINGLES);
        Analyzer prefixes = chain(TextForm.PREFIXES);
        this.perField = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return switch (TextForm.ofField(fieldName)) {
                    case WORDS -> words;
                    case SHINGLES -> shingles;
                    case PREFIXES -> prefixes;
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
                if (form == TextForm.PREFIXES) {
                    return new TokenStreamComponents(source, new TruncateTokenFilter(stream, PREFIX_LENGTH));
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
