package org.alexandria.tickets.internal.dedup;

import java.io.Reader;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analysis of ticket subjects and descriptions: wiki markup removed, Unicode word tokens, version numbers
 * also indexed as their family ({@link VersionFamilyFilter}), code identifiers also as their words
 * ({@link IdentifierSplitFilter}), lower case, English stop words removed, Porter stemming. Thread-safe, as every
 * Lucene analyzer.
 */
public final class TicketAnalyzer extends Analyzer {

    /**
     * JIRA / Confluence wiki markup such as {@code {code:java}}, {@code {noformat}}, {@code {color:#172b4d}} and
     * headings ({@code h4. Title}): formatting, not content, and the color codes would otherwise match between
     * unrelated tickets.
     */
    private static final Pattern WIKI_MARKUP = Pattern.compile("\\{[a-zA-Z]+(?::[^}\\n]*)?}|(?m)^\\s*h[1-6]\\.(?=\\s)");

    private final boolean splitIdentifiers;
    private final boolean versionFamilies;
    private final boolean stem;

    /**
     * @param splitIdentifiers whether code identifiers are also indexed as their words
     * @param versionFamilies  whether version numbers are also indexed as their major.minor family
     * @param stem             whether English words are reduced to their stem
     */
    public TicketAnalyzer(boolean splitIdentifiers, boolean versionFamilies, boolean stem) {
        this.splitIdentifiers = splitIdentifiers;
        this.versionFamilies = versionFamilies;
        this.stem = stem;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new PatternReplaceCharFilter(WIKI_MARKUP, " ", reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream tokens = source;
        if (versionFamilies) {
            tokens = new VersionFamilyFilter(tokens);
        }
        if (splitIdentifiers) {
            tokens = new IdentifierSplitFilter(tokens);
        }
        tokens = new LowerCaseFilter(tokens);
        tokens = new EnglishPossessiveFilter(tokens);
        tokens = new StopFilter(tokens, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        if (stem) {
            tokens = new PorterStemFilter(tokens);
        }
        return new TokenStreamComponents(source, tokens);
    }
}
