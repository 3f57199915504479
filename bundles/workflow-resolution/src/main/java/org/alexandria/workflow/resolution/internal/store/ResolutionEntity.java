package org.alexandria.workflow.resolution.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.jspecify.annotations.Nullable;

/** Row of {@code alx_wf_resolution}: the current proposal of one ticket. */
@Entity
@Table(name = "alx_wf_resolution")
public class ResolutionEntity {
    @Id
    @Column(name = "ticket_id")
    String ticketId = "";
    @Column(name = "ticket_key")
    String ticketKey = "";
    @Column(name = "state")
    String state = "";
    @Column(name = "revision")
    int revision;
    @Column(name = "audited_revision")
    int auditedRevision;
    @Column(name = "facts_hash")
    String factsHash = "";
    @Column(name = "link_group_id")
    @Nullable String linkGroupId;
    @Column(name = "link_signature")
    @Nullable String linkSignature;
    @Column(name = "link_score")
    @Nullable Double linkScore;
    @Column(name = "link_status")
    @Nullable String linkStatus;
    @Column(name = "link_signals")
    @Nullable String linkSignals;
    @Column(name = "candidates")
    String candidates = "[]";
    @Column(name = "articles")
    String articles = "[]";
    @Column(name = "reply")
    @Nullable String reply;
    @Column(name = "confidence")
    double confidence;
    @Column(name = "explanation")
    String explanation = "";
    @Column(name = "unavailable")
    String unavailable = "";
    @Column(name = "created_ms")
    long createdMs;
    @Column(name = "updated_ms")
    long updatedMs;
    @Column(name = "incident_of")
    @Nullable String incidentOf;
    @Version
    @Column(name = "row_version")
    long rowVersion;
}
