package org.alexandria.kb.internal.article;

import javax.persistence.Column;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of {@code alx_kb_article}: the current state of an article. */
@Entity
@Table(name = "alx_kb_article")
public class ArticleEntity {
    @Id
    @Column(name = "id")
    String id = "";
    @Column(name = "slug")
    String slug = "";
    @Embedded
    ArticleContent content = new ArticleContent();
    @Column(name = "author")
    String author = "";
    @Column(name = "created_ms")
    long createdMs;
    @Column(name = "updated_ms")
    long updatedMs;
    @Column(name = "version")
    int version;
}
