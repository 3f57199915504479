package org.alexandria.core.internal.audit;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.jspecify.annotations.Nullable;

/** Row of {@code alx_audit_entry}; never updated or deleted by the platform. */
@Entity
@Table(name = "alx_audit_entry")
public class AuditEntryEntity {
    @Id
    @Column(name = "seq")
    long seq;
    @Column(name = "recorded_ms")
    long recordedMs;
    @Column(name = "actor_type")
    String actorType = "";
    @Column(name = "actor_name")
    String actorName = "";
    @Column(name = "action")
    String action = "";
    @Column(name = "entity_type")
    String entityType = "";
    @Column(name = "entity_id")
    String entityId = "";
    @Column(name = "reason")
    @Nullable String reason;
    @Column(name = "before_state")
    @Nullable String beforeState;
    @Column(name = "after_state")
    @Nullable String afterState;
    @Column(name = "prev_hash")
    String prevHash = "";
    @Column(name = "hash")
    String hash = "";
}
