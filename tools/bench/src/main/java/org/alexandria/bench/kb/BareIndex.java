package org.alexandria.bench.kb;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.alexandria.kb.internal.search.Article;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;

/**
 * The baseline: the same articles in a plain Lucene index, one document each, title, Markdown body and example
 * questions in one {@link StandardAnalyzer} field scored with Lucene's default BM25; a query is a disjunction
 * of {@link TermQuery}s of its distinct words, filtered to published articles; the ids of the top hits are read
 * from stored fields. No stemming, no word pairs or prefixes, no fuzzy matching, no highlighting.
 */
final class BareIndex implements Closeable {

    private final Analyzer analyzer = new StandardAnalyzer();
    private final Directory directory;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    BareIndex(Directory directory) {
        this.directory = directory;
    }

    void build(Collection<Article> articles) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory,
                new IndexWriterConfig(analyzer).setOpenMode(OpenMode.CREATE))) {
            for (Article a : articles) {
                Document doc = new Document();
                doc.add(new StringField("id", a.id(), Store.YES));
                doc.add(new StringField("status", ((Enum<?>) a.status()).name(), Store.NO));
                doc.add(new TextField("text", a.title() + "\n" + a.body() + "\n" + String.join("\n", a.questions()),
                        Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
        }
        open();
    }

    /** Opens the index a previous {@link #build} left in the directory. */
    void open() throws IOException {
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    /** @return ids of the best published articles, best first */
    List<String> search(String text, int limit) throws IOException {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        }
        if (words.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String w : words) {
            any.add(new TermQuery(new Term("text", w)), Occur.SHOULD);
        }
        BooleanQuery query = new BooleanQuery.Builder().add(any.build(), Occur.MUST)
                .add(new TermQuery(new Term("status", "PUBLISHED")), Occur.FILTER).build();
        List<String> ids = new ArrayList<>(limit);
        for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
            ids.add(searcher.storedFields().document(hit.doc).get("id"));
        }
        return ids;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
