package org.alexandria.api.event;

import org.jspecify.annotations.Nullable;

/**
 * Generic payload for domain entity changes until a domain defines a richer one.
 *
 * @param entityType entity type, e.g. {@code ticket}
 * @param entityId   entity id
 * @param summary    short human readable summary of the change
 */
public record EntityChange(String entityType, String entityId, @Nullable String summary) {
}
