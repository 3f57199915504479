package org.alexandria.kb.internal.article;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.jspecify.annotations.Nullable;

/** Row of {@code alx_kb_feedback}. */
@Entity
@Table(name = "alx_kb_feedback")
public class FeedbackEntity {
    @Id
    @Column(name = "id")
    String id = "";
    @Column(name = "article_id")
    String articleId = "";
    @Column(name = "helpful")
    boolean helpful;
    @Column(name = "suggestion_id")
    @Nullable String suggestionId;
    @Column(name = "query_text")
    @Nullable String queryText;
    @Column(name = "suggestion_rank")
    @Nullable Integer suggestionRank;
    @Column(name = "suggestion_score")
    @Nullable Double suggestionScore;
    @Column(name = "comment_text")
    @Nullable String comment;
    @Column(name = "given_by")
    String givenBy = "";
    @Column(name = "created_ms")
    long createdMs;
}
