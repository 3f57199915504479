package org.alexandria.tickets.internal.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class AnalysisTest {

    private static final TicketAnalyzer FULL = new TicketAnalyzer(true, true, true);

    @Test
    void identifierIsKeptWholeAndSplitIntoItsWords() {
        assertThat(IdentifierSplitFilter.parts("FileSystem.getStatus"))
                .containsExactly("filesystem", "file", "system", "getstatus", "get", "status");
    }

    @Test
    void acronymsStayWhole() {
        assertThat(IdentifierSplitFilter.parts("HTTPServer")).containsExactly("http", "server");
        assertThat(IdentifierSplitFilter.parts("S3AFileSystem")).containsExactly("s3a", "file", "system");
        assertThat(IdentifierSplitFilter.parts("ITestAbfsInputStream")).containsExactly("test", "abfs", "input",
                "stream");
        assertThat(IdentifierSplitFilter.parts("CVEs")).isEmpty();
        assertThat(IdentifierSplitFilter.parts("NPE")).isEmpty();
    }

    @Test
    void plainWordsAndVersionsAreNotSplit() {
        assertThat(IdentifierSplitFilter.parts("upgrade")).isEmpty();
        assertThat(IdentifierSplitFilter.parts("Upgrade")).isEmpty();
        assertThat(IdentifierSplitFilter.parts("3.3.4")).isEmpty();
        assertThat(IdentifierSplitFilter.parts("fs.s3a.connection.ssl.enabled")).containsExactly("fs", "s3a",
                "connection", "ssl", "enabled");
    }

    @Property
    void partsAreLowerCaseWordsDifferentFromTheToken(
            @ForAll @StringLength(max = 40) @AlphaChars @Chars({'.', '_', '1', '2'}) String token) {
        List<String> parts = IdentifierSplitFilter.parts(token);

        assertThat(parts).doesNotHaveDuplicates().doesNotContain(token.toLowerCase(java.util.Locale.ROOT));
        assertThat(parts).allSatisfy(p -> {
            assertThat(p).hasSizeGreaterThanOrEqualTo(2).isLowerCase();
            assertThat(p.chars().anyMatch(Character::isLetter)).isTrue();
        });
    }

    @Test
    void versionsAlsoGiveTheirFamily() {
        assertThat(VersionFamilyFilter.families("3.8.2")).containsExactly("3.8");
        assertThat(VersionFamilyFilter.families("4.1.89.Final")).containsExactly("4.1", "4.1.89");
        assertThat(VersionFamilyFilter.families("2.0-M7")).containsExactly("2.0");
        assertThat(VersionFamilyFilter.families("3.8")).isEmpty();
        assertThat(VersionFamilyFilter.families("s3a")).isEmpty();
        assertThat(VersionFamilyFilter.families("404")).isEmpty();
    }

    @Test
    void analyzerStemsSplitsAndStacks() {
        assertThat(terms(FULL, "Upgrading ZooKeeper to 3.8.2 breaks FileSystem.getStatus"))
                .containsExactly("upgrad", "zookeep", "zoo", "keeper", "3.8.2", "3.8", "break",
                        "filesystem.getstatu", "filesystem", "file", "system", "getstatu", "get", "statu");
    }

    @Test
    void switchesTurnComponentsOff() {
        assertThat(terms(new TicketAnalyzer(false, false, false), "Upgrading ZooKeeper to 3.8.2"))
                .containsExactly("upgrading", "zookeeper", "3.8.2");
    }

    @Test
    void wikiMarkupIsNotContent() {
        String text = """
                h4. Netty
                {code:java}see CVE-2022-41881{code}
                {color:#172b4d}fixed{color} in h4 {noformat}""";

        assertThat(terms(new TicketAnalyzer(false, false, false), text))
                .containsExactly("netty", "see", "cve", "2022", "41881", "fixed", "h4");
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
