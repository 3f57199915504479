package org.alexandria.kb.internal.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/** Maps an {@link Article} to its block of Lucene documents: the article itself, then one per question. */
final class ArticleDocuments {

    /**
     * The body is stored for display and indexed with offsets, so that the highlighter reads match positions from
     * the postings instead of analysing the stored text again.
     */
    static final FieldType BODY_TYPE = frozen(TextField.TYPE_STORED,
            IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    /**
     * The {@link TextForm}s are only ever matched term by term (word pairs are their own terms), never as phrases:
     * no positions.
     */
    static final FieldType FORM_TYPE = frozen(TextField.TYPE_NOT_STORED, IndexOptions.DOCS_AND_FREQS);

    private ArticleDocuments() {
    }

    static List<Document> of(Article article) {
        String body = MarkdownText.plain(article.body());
        List<Document> block = new ArrayList<>(1 + article.questions().size());

        Document main = common(article, ArticleFields.KIND_ARTICLE);
        main.add(new TextField(ArticleFields.TITLE, article.title(), Store.YES));
        // suggestions show titles only: doc values spare them decompressing the stored body
        main.add(new BinaryDocValuesField(ArticleFields.TITLE, new BytesRef(article.title())));
        main.add(new Field(ArticleFields.BODY, body, BODY_TYPE));
        StringBuilder content = new StringBuilder(article.title()).append('\n').append(body);
        for (String question : article.questions()) {
            content.append('\n').append(question);
        }
        addForms(main, ArticleFields.CONTENT, content.toString());
        block.add(main);

        for (String question : article.questions()) {
            Document doc = common(article, ArticleFields.KIND_QUESTION);
            addForms(doc, ArticleFields.QUESTION, question);
            block.add(doc);
        }
        return block;
    }

    private static Document common(Article article, String kind) {
        Document doc = new Document();
        doc.add(new StringField(ArticleFields.ID, article.id(), Store.YES));
        doc.add(new SortedDocValuesField(ArticleFields.ID, new BytesRef(article.id())));
        doc.add(new StringField(ArticleFields.KIND, kind, Store.NO));
        doc.add(new StringField(ArticleFields.STATUS, ArticleFields.statusValue(article.status()), Store.YES));
        if (article.product() != null) {
            doc.add(new StringField(ArticleFields.PRODUCT, article.product(), Store.YES));
        }
        for (String tag : article.tags()) {
            doc.add(new StringField(ArticleFields.TAG, tag, Store.YES));
        }
        return doc;
    }

    private static FieldType frozen(FieldType base, IndexOptions options) {
        FieldType type = new FieldType(base);
        type.setIndexOptions(options);
        type.freeze();
        return type;
    }

    private static void addForms(Document doc, String textField, String text) {
        for (TextForm form : TextForm.values()) {
            doc.add(new Field(form.field(textField), text, FORM_TYPE));
        }
    }
}
