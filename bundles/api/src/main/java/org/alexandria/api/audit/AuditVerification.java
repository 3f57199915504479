package org.alexandria.api.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Result of re-computing the hash chain.
 *
 * @param valid          true when every entry's hash and link is intact and nothing is missing
 * @param entriesChecked number of entries read
 * @param firstBadSequence sequence of the first entry found edited, out of place or missing, if any
 * @param problems       human readable findings, empty when valid
 */
public record AuditVerification(boolean valid, long entriesChecked, @Nullable Long firstBadSequence,
        List<String> problems) {
}
