package org.alexandria.kb.internal.article;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of {@code alx_kb_suggestion}: what one suggest call answered, for feedback to refer to. */
@Entity
@Table(name = "alx_kb_suggestion")
public class SuggestionEntity {
    @Id
    @Column(name = "id")
    String id = "";
    @Column(name = "query_text")
    String queryText = "";
    @Column(name = "results")
    String results = "";
    @Column(name = "requested_by")
    String requestedBy = "";
    @Column(name = "created_ms")
    long createdMs;
}
