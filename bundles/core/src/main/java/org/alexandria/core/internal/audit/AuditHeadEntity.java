package org.alexandria.core.internal.audit;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The single row of {@code alx_audit_head}: the tip of the hash chain, locked by every append. */
@Entity
@Table(name = "alx_audit_head")
public class AuditHeadEntity {
    static final int ID = 1;

    @Id
    @Column(name = "id")
    int id;
    @Column(name = "last_seq")
    long lastSeq;
    @Column(name = "last_hash")
    String lastHash = "";
}
