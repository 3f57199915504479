package org.alexandria.kb.internal.search;

import java.util.Locale;
import org.alexandria.api.kb.ArticleStatus;

/**
 * Field names of the article index. Every article is one document of kind {@link #KIND_ARTICLE} plus one
 * document of kind {@link #KIND_QUESTION} per example question; all carry the article's id, status, product
 * and tags so that the same filters apply to both.
 */
public final class ArticleFields {

    /** Article id: exact term, doc values (to group question hits) and stored. */
    public static final String ID = "id";
    /** {@link #KIND_ARTICLE} or {@link #KIND_QUESTION}. */
    public static final String KIND = "kind";
    /** Value of {@link #KIND} for the article document. */
    public static final String KIND_ARTICLE = "article";
    /** Value of {@link #KIND} for an example-question document. */
    public static final String KIND_QUESTION = "question";
    /** Status, see {@link ArticleStatus}. */
    public static final String STATUS = "status";
    /** Product, exact. */
    public static final String PRODUCT = "product";
    /** Tags, exact, one value each. */
    public static final String TAG = "tag";
    /** Title, stored, analysed and in binary doc values for suggestions (article documents). */
    public static final String TITLE = "title";
    /** Body as plain text, stored and analysed (article documents). */
    public static final String BODY = "body";
    /** Title, body and questions of the article together, in every {@link TextForm} (article documents). */
    public static final String CONTENT = "content";
    /** One example question, in every {@link TextForm} (question documents). */
    public static final String QUESTION = "question";

    private ArticleFields() {
    }

    /** @return the value of {@link #STATUS} for a status, e.g. {@code published} */
    static String statusValue(ArticleStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** @return the status a {@link #STATUS} value stands for */
    static ArticleStatus status(String value) {
        return ArticleStatus.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
