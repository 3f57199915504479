package org.alexandria.api.crash;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A crash group with its statistics and the trace of its representative (first) report.
 *
 * @param id               the group's id
 * @param fingerprint      hex SHA-256 grouping key (synthetic for a group made by a split)
 * @param groupingRules    id of the grouping rules the fingerprint was computed with, e.g. {@code alexandria:1}
 * @param signature        human readable signature
 * @param exceptionType    type of the root cause
 * @param exceptionMessage message of the root cause, cut to 500 characters
 * @param status           life cycle status
 * @param mergedInto       the group it was merged into, when {@link CrashGroupStatus#MERGED}
 * @param reportCount      reports in the group
 * @param firstSeen        when its first report was received
 * @param lastSeen         when its latest report was received
 * @param platform         runtime of the representative trace, e.g. {@code JAVA}
 * @param exceptions       the representative trace: thrown exception first, with frames
 * @param apps             reports per application, most first (at most 50)
 * @param versions         reports per application version, most first (at most 50)
 * @param operatingSystems reports per operating system, most first (at most 50)
 * @param customers        reports per customer id, most first (at most 50)
 * @param customerCount    distinct customers affected
 */
public record CrashGroup(String id, String fingerprint, String groupingRules, String signature, String exceptionType,
        String exceptionMessage, CrashGroupStatus status, @Nullable String mergedInto, long reportCount,
        Instant firstSeen, Instant lastSeen, String platform, List<CrashExceptionInfo> exceptions,
        List<ValueCount> apps, List<ValueCount> versions, List<ValueCount> operatingSystems,
        List<ValueCount> customers, long customerCount) {

    /** Copies the lists. */
    public CrashGroup {
        exceptions = List.copyOf(exceptions);
        apps = List.copyOf(apps);
        versions = List.copyOf(versions);
        operatingSystems = List.copyOf(operatingSystems);
        customers = List.copyOf(customers);
    }
}
