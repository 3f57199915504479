package org.alexandria.kb.internal.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/** Maps an {@link Article} to its block of Lucene documents: the article itself, then one per question. */
final class ArticleDocuments {

    private ArticleDocuments() {
    }

    static List<Document> of(Article article) {
        String body = MarkdownText.plain(article.body());
        List<Document> block = new ArrayList<>(1 + article.questions().size());

        Document main = common(article, ArticleFields.KIND_ARTICLE);
        main.add(new TextField(ArticleFields.TITLE, article.title(), Store.YES));
        main.add(new TextField(ArticleFields.BODY, body, Store.YES));
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

    private static void addForms(Document doc, String textField, String text) {
        for (TextForm form : TextForm.values()) {
            doc.add(new TextField(form.field(textField), text, Store.NO));
        }
    }
}
