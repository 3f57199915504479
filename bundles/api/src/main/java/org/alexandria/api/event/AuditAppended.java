package org.alexandria.api.event;

/**
 * Payload of {@link Topics#AUDIT_APPENDED}.
 *
 * @param sequence   sequence number of the new entry
 * @param entityType type of the audited entity
 * @param entityId   id of the audited entity
 * @param action     what was done
 * @param actor      who did it
 */
public record AuditAppended(long sequence, String entityType, String entityId, String action, String actor) {
}
