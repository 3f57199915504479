package org.alexandria.tickets.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.alexandria.api.audit.AuditEntry;
import org.alexandria.api.audit.AuditQuery;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.audit.AuditVerification;

/** An audit trail that keeps what it is given in memory. */
public final class RecordingAudit implements AuditTrail {

    public final List<AuditRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public AuditEntry append(AuditRecord record) {
        records.add(record);
        return new AuditEntry(records.size(), Instant.now(), record.actor(), record.action(), record.target(),
                record.reason(), record.before(), record.after(), "0".repeat(64), "0".repeat(64));
    }

    public List<AuditRecord> of(String entityId) {
        return records.stream().filter(r -> r.target().id().equals(entityId)).toList();
    }

    public List<String> actions(String entityId) {
        return of(entityId).stream().map(AuditRecord::action).toList();
    }

    @Override
    public List<AuditEntry> query(AuditQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AuditVerification verify() {
        throw new UnsupportedOperationException();
    }
}
