package org.alexandria.tickets.internal.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class TicketQueryTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void explanationsShowTheWordAnIdentifierPartCameFrom() {
        assertThat(TicketQuery.wordContaining("org.apache.CompositeService.start", "compositeservic"))
                .isEqualTo("CompositeService");
        assertThat(TicketQuery.wordContaining("NullPointerException", "pointer")).isEqualTo("Pointer");
        assertThat(TicketQuery.wordContaining("abc", "xyz")).isEqualTo("xyz");
    }

    @Test
    void theCandidateQueryKeepsTheTellingClausesWithinThePostingsBudget() throws IOException {
        DedupSettings settings = DedupSettings.defaults();
        TicketAnalyzer analyzer = new TicketAnalyzer(true, true, true);
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (int i = 0; i < 300; i++) {
                    writer.addDocument(IndexFields.document("t" + i,
                            TicketText.of("Login fails after update", "Since the update the login page fails.", NOW),
                            new TraceSignals(java.util.List.of(), java.util.List.of())));
                }
                writer.addDocument(IndexFields.document("rare", TicketText.of("Login fails with error E4021",
                        "Android 14 only", NOW), new TraceSignals(java.util.List.of(), java.util.List.of())));
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                TicketQuery query = TicketQuery.of(TicketText.of("Login error E4021 after update",
                        "Android login fails", NOW), analyzer, new StackTraceExtractor(10), reader, settings);

                assertThat(query.candidates(1_000_000)).isSameAs(query.scoring());
                Set<String> terms = terms(query.candidates(10));
                // the rare words come first and fit; the words of all 301 tickets do not (beyond the first two clauses)
                assertThat(terms).contains("subject:e4021", "body:android").doesNotContain("subject:updat");
                assertThat(terms(query.scoring())).contains("subject:updat", "body:updat");
            }
        }
    }

    private static Set<String> terms(Query query) {
        return ((BooleanQuery) query).clauses().stream().map(BooleanClause::getQuery)
                .map(q -> q instanceof BoostQuery b ? b.getQuery() : q)
                .map(q -> ((TermQuery) q).getTerm())
                .map(Term::toString)
                .collect(Collectors.toSet());
    }
}
