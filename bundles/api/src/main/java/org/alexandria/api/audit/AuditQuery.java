package org.alexandria.api.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Filter for {@link AuditTrail#query}. Every field but {@code limit} is optional; results are ordered by
 * sequence, oldest first, and start after {@code afterSequence} (keyset pagination).
 *
 * @param entityType    only entries about entities of this type
 * @param entityId      only entries about this entity id (with {@code entityType})
 * @param actor         only entries by this actor name
 * @param from          only entries at or after this time
 * @param to            only entries before this time
 * @param afterSequence only entries with a larger sequence (the cursor)
 * @param limit         maximum number of entries, 1..1000
 */
public record AuditQuery(@Nullable String entityType, @Nullable String entityId, @Nullable String actor,
        @Nullable Instant from, @Nullable Instant to, long afterSequence, int limit) {

    /** Largest page. */
    public static final int MAX_LIMIT = 1000;

    /** Validates the limit. */
    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (afterSequence < 0) {
            throw new IllegalArgumentException("cursor must not be negative");
        }
    }

    /**
     * @param limit page size
     * @return a query for every entry
     */
    public static AuditQuery all(int limit) {
        return new AuditQuery(null, null, null, null, null, 0, limit);
    }
}
