package org.alexandria.kb.internal.article;

import javax.persistence.Column;
import javax.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/** The saved content of an article, the same columns in the article and in each of its versions. */
@Embeddable
public class ArticleContent {
    @Column(name = "title")
    String title = "";
    @Column(name = "body")
    String body = "";
    @Column(name = "tags")
    String tags = ",";
    @Column(name = "product")
    @Nullable String product;
    @Column(name = "status")
    String status = "";
    @Column(name = "questions")
    String questions = "";

    ArticleContent copy() {
        ArticleContent c = new ArticleContent();
        c.title = title;
        c.body = body;
        c.tags = tags;
        c.product = product;
        c.status = status;
        c.questions = questions;
        return c;
    }
}
