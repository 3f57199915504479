package org.alexandria.kb.internal.article;

import javax.persistence.Column;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of {@code alx_kb_article_version}: one saved state of an article, never changed afterwards. */
@Entity
@Table(name = "alx_kb_article_version")
public class ArticleVersionEntity {
    @Id
    @Column(name = "id")
    String id = "";
    @Column(name = "article_id")
    String articleId = "";
    @Column(name = "version")
    int version;
    @Embedded
    ArticleContent content = new ArticleContent();
    @Column(name = "author")
    String author = "";
    @Column(name = "created_ms")
    long createdMs;
}
