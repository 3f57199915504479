package org.alexandria.kb.internal.search;

import java.io.Reader;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
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
 * Tuned for short customer questions: negations are kept and contractions spelled out ("didn't" → "did not")
 * because "not" often carries the meaning, and Porter stemming folds "charged"/"charges"/"charging".
 */
public final class TextAnalysis {

    private static final Pattern CURLY_APOSTROPHE = Pattern.compile("[\u2018\u2019]");
    private static final Pattern NEGATION = Pattern.compile("(?i)(?<=\\p{L})n't\\b");
    private static final Pattern WORD = Pattern.compile("^(.*)$");

    // Lucene's English stop words without "no" and "not".
    private static final CharArraySet STOP_WORDS = CharArraySet.unmodifiableSet(new CharArraySet(List.of("a", "an",
            "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "of", "on", "or",
            "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with"),
            false));

    private final AnalysisOptions options;
    private final Analyzer words;
    private final Analyzer shingles;
    private final Analyzer grams;
    private final Analyzer perField;

    /** @param options switches of the chains */
    public TextAnalysis(AnalysisOptions options) {
        this.options = options;
        this.words = chain(TextForm.WORDS);
        this.shingles = chain(TextForm.SHINGLES);
        this.grams = chain(TextForm.GRAMS);
        this.perField = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return forForm(TextForm.ofField(fieldName));
            }
        };
    }

    /** @return the analyzer for every field of the index, choosing the chain by field name */
    public Analyzer perField() {
        return perField;
    }

    /**
     * @param form a text form
     * @return its chain
     */
    public Analyzer forForm(TextForm form) {
        return switch (form) {
            case WORDS -> words;
            case SHINGLES -> shingles;
            case GRAMS -> grams;
        };
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
            protected Reader initReaderForNormalization(String fieldName, Reader reader) {
                return initReader(fieldName, reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)));
                if (form == TextForm.GRAMS) {
                    // Boundary marks make "_car" differ from the "car" inside "scary".
                    stream = new PatternReplaceFilter(stream, WORD, "_$1_", false);
                    return new TokenStreamComponents(source,
                            new NGramTokenFilter(stream, options.minGram(), options.maxGram(), false));
                }
                if (options.stopWords()) {
                    stream = new StopFilter(stream, options.stopSet());
                }
                if (options.stemming()) {
                    String st = System.getProperty("kb.stem", "porter");
                    stream = st.equals("kstem") ? new org.apache.lucene.analysis.en.KStemFilter(stream)
                            : st.equals("min") ? new org.apache.lucene.analysis.en.EnglishMinimalStemFilter(stream)
                            : st.equals("snow") ? new org.apache.lucene.analysis.snowball.SnowballFilter(stream, new org.tartarus.snowball.ext.EnglishStemmer())
                            : new PorterStemFilter(stream);
                }
                if (form == TextForm.SHINGLES) {
                    ShingleFilter pairs = new ShingleFilter(stream, 2, 2);
                    pairs.setOutputUnigrams(false);
                    pairs.setFillerToken("");
                    stream = pairs;
                }
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /**
     * Switches of the analysis chains.
     *
     * @param stemming     Porter stemming of words and shingles
     * @param stopWords    drop {@link #stopSet()} from words and shingles
     * @param contractions spell out "n't" as " not"
     * @param minGram      shortest character gram
     * @param maxGram      longest character gram
     */
    public record AnalysisOptions(boolean stemming, boolean stopWords, boolean contractions, int minGram,
            int maxGram) {

        /** The tuned default. */
        public static final AnalysisOptions DEFAULT = new AnalysisOptions(true, false, true, 3, 3);

        /** @return Lucene's English stop words without the negations "no" and "not" */
        CharArraySet stopSet() {
            return STOP_WORDS;
        }
    }
}
