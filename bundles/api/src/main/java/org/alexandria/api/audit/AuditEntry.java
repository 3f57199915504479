package org.alexandria.api.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One stored entry of the audit trail.
 *
 * @param sequence     position in the trail, starting at 1, without gaps
 * @param time         when it was recorded (millisecond precision)
 * @param actor        who did it
 * @param action       what was done
 * @param target       what it was done to
 * @param reason       why
 * @param before       state before
 * @param after        state after
 * @param previousHash hex SHA-256 of the previous entry (64 zeros for the first)
 * @param hash         hex SHA-256 over this entry's fields and {@code previousHash}
 */
public record AuditEntry(long sequence, Instant time, Actor actor, String action, EntityRef target,
        @Nullable String reason, @Nullable String before, @Nullable String after, String previousHash, String hash) {
}
