package org.alexandria.api.crash;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A crash group as listed.
 *
 * @param id               the group's id
 * @param signature        human readable signature, e.g. {@code NullPointerException at Foo.bar}
 * @param exceptionType    type of the root cause
 * @param exceptionMessage message of the root cause, cut to 500 characters
 * @param status           life cycle status
 * @param mergedInto       the group it was merged into, when {@link CrashGroupStatus#MERGED}
 * @param reportCount      reports in the group
 * @param firstSeen        when its first report was received
 * @param lastSeen         when its latest report was received
 */
public record CrashGroupSummary(String id, String signature, String exceptionType, String exceptionMessage,
        CrashGroupStatus status, @Nullable String mergedInto, long reportCount, Instant firstSeen, Instant lastSeen) {
}
