package org.alexandria.kb.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bounded top-k disjunctions against Lucene's flat disjunction of the same terms. */
class TermBudgetTest {

    private static final String FIELD = "text";
    /** Two very common words, a medium one and rare ones, with different weights. */
    private static final Map<String, Float> QUERY = Map.of("the", 1f, "my", 0.5f, "card", 1f, "frozen", 1f,
            "w7", 2f, "w13", 0.5f);

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private DirectoryReader reader;
    private IndexSearcher searcher;

    @BeforeEach
    void index() throws IOException {
        Random random = new Random(42);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int i = 0; i < 2000; i++) {
                StringBuilder text = new StringBuilder();
                int length = 3 + random.nextInt(30);
                for (int w = 0; w < length; w++) {
                    double p = random.nextDouble();
                    text.append(p < 0.3 ? "the" : p < 0.5 ? "my" : p < 0.55 ? "card" : p < 0.56 ? "frozen"
                            : "w" + random.nextInt(500)).append(' ');
                }
                Document doc = new Document();
                doc.add(new TextField(FIELD, text.toString(), Store.NO));
                doc.add(new StringField("kind", i % 10 == 0 ? "other" : "this", Store.NO));
                writer.addDocument(doc);
                if (i % 500 == 499) {
                    writer.commit(); // several segments
                }
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        directory.close();
    }

    private ScoreDoc[] budgeted(long postings, int k) throws IOException {
        TermBudget budget = new TermBudget(searcher, postings);
        for (Map.Entry<String, Float> e : QUERY.entrySet()) {
            budget.add(new Term(FIELD, e.getKey()), e.getValue());
        }
        return budget.top(filter(), k);
    }

    private ScoreDoc[] flat(int k) throws IOException {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Map.Entry<String, Float> e : QUERY.entrySet()) {
            any.add(new BoostQuery(new TermQuery(new Term(FIELD, e.getKey())), e.getValue()), Occur.SHOULD);
        }
        Query query = new BooleanQuery.Builder().add(any.build(), Occur.MUST).add(filter(), Occur.FILTER).build();
        return searcher.search(query, k).scoreDocs;
    }

    private static Query filter() {
        return new TermQuery(new Term("kind", "this"));
    }

    private static List<Integer> docs(ScoreDoc[] hits) {
        List<Integer> docs = new ArrayList<>();
        for (ScoreDoc hit : hits) {
            docs.add(hit.doc);
        }
        return docs;
    }

    @Test
    void withinTheBudgetItIsTheFlatDisjunction() throws IOException {
        ScoreDoc[] expected = flat(20);
        ScoreDoc[] actual = budgeted(Long.MAX_VALUE, 20);
        assertThat(docs(actual)).isEqualTo(docs(expected));
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i].score).isEqualTo(expected[i].score);
        }
    }

    @Test
    void frequentTermsLeftOutOfTheCandidatesStillCountInTheScores() throws IOException {
        // Only the rare terms find candidates; "the", "my" and "card" are scored on them afterwards.
        ScoreDoc[] expected = flat(2000);
        ScoreDoc[] actual = budgeted(50, 10);
        assertThat(actual).hasSize(10);
        Map<Integer, Float> exact = new HashMap<>();
        for (ScoreDoc hit : expected) {
            exact.put(hit.doc, hit.score);
        }
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i].score).isCloseTo(exact.get(actual[i].doc), org.assertj.core.data.Offset.offset(1e-4f));
            if (i > 0) {
                assertThat(actual[i].score).isLessThanOrEqualTo(actual[i - 1].score);
            }
        }
        // the best documents contain a rare word, so they are the same as the exact top 3
        assertThat(docs(actual).subList(0, 3)).isEqualTo(docs(expected).subList(0, 3));
    }

    @Test
    void termsOfAFieldAddedTogetherScoreAsTermsAddedOneByOne() throws IOException {
        List<String> texts = List.of("w7", "the", "absent", "card", "w13", "the");
        TermBudget oneByOne = new TermBudget(searcher, 50);
        int[] expected = new int[texts.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = oneByOne.add(new Term(FIELD, texts.get(i)), 0.5f);
        }
        TermBudget together = new TermBudget(searcher, 50);

        int[] docFreqs = together.add(FIELD, texts, 0.5f);

        assertThat(docFreqs).containsExactly(expected);
        assertThat(docFreqs[2]).isZero();
        assertThat(docFreqs[1]).isEqualTo(reader.docFreq(new Term(FIELD, "the"))).isGreaterThan(1000);
        ScoreDoc[] a = oneByOne.top(filter(), 10);
        ScoreDoc[] b = together.top(filter(), 10);
        assertThat(docs(b)).isEqualTo(docs(a));
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i].score).isEqualTo(a[i].score);
        }
        assertThat(together.add(FIELD, List.of(), 1f)).isEmpty();
        assertThat(new TermBudget(searcher).add("no-such-field", List.of("the"), 1f)).containsExactly(0);
    }

    @Test
    void textsOfFrequentWordsOnlyStillFindDocuments() throws IOException {
        TermBudget budget = new TermBudget(searcher, 1);
        budget.add(new Term(FIELD, "the"), 1f);
        budget.add(new Term(FIELD, "my"), 1f);
        budget.add(new Term(FIELD, "card"), 1f);
        budget.add(new Term(FIELD, "absent"), 1f);
        assertThat(budget.top(filter(), 5)).hasSize(5);
        assertThat(new TermBudget(searcher).isEmpty()).isTrue();
    }
}
