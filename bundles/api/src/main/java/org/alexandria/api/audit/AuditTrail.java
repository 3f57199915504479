package org.alexandria.api.audit;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Append-only, persisted audit trail. Each entry carries the SHA-256 of the previous one, so editing or
 * deleting any entry is detected by {@link #verify()}. Safe to use from several platform nodes sharing a
 * database: appends are serialized by the database.
 */
@ProviderType
public interface AuditTrail {

    /**
     * @param record what to record
     * @return the stored entry with its sequence and hash
     */
    AuditEntry append(AuditRecord record);

    /**
     * @param query filter and page
     * @return matching entries, oldest first, at most {@code query.limit()}
     */
    List<AuditEntry> query(AuditQuery query);

    /** @return the result of re-computing the whole chain */
    AuditVerification verify();
}
