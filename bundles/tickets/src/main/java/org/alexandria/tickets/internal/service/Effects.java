package org.alexandria.tickets.internal.service;

import java.util.ArrayList;
import java.util.List;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.event.EntityChange;

/**
 * What a change does outside its database transaction, collected while it runs and carried out after it
 * committed: audit entries, events and duplicate-index updates. A rolled-back change thus leaves no trace.
 */
final class Effects {

    record Event(String topic, EntityChange payload) {
    }

    final List<AuditRecord> audit = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<String> reindex = new ArrayList<>();
    final List<String> unindex = new ArrayList<>();
    final List<Runnable> after = new ArrayList<>();
}
