package org.alexandria.crash.internal.store;

import java.time.Instant;
import java.util.List;
import org.alexandria.api.crash.CrashExceptionInfo;
import org.alexandria.api.crash.CrashGroup;
import org.alexandria.api.crash.CrashGroupStatus;
import org.alexandria.api.crash.CrashGroupSummary;
import org.alexandria.api.crash.CrashReport;
import org.alexandria.api.crash.CrashReportSummary;
import org.alexandria.api.crash.ValueCount;

/** Entities to the API's records: nothing of the persistence layer leaves the service. */
public final class Views {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Views.class);

    private Views() {
    }

    public static CrashGroupSummary summary(CrashGroupEntity g) {
        return new CrashGroupSummary(g.id, g.signature, g.exceptionType, g.exceptionMessage,
                CrashGroupStatus.valueOf(g.status), g.mergedInto, g.reportCount, Instant.ofEpochMilli(g.firstSeenMs),
                Instant.ofEpochMilli(g.lastSeenMs));
    }

    public static CrashReportSummary summary(CrashReportEntity r) {
        return new CrashReportSummary(r.id, Instant.ofEpochMilli(r.receivedMs), Instant.ofEpochMilli(r.occurredMs),
                r.app, r.appVersion, r.os, r.customerId, r.ticketId, r.source, r.parsed, r.groupId);
    }

    public static CrashReport report(CrashReportEntity r) {
        String json = r.traceJson;
        return new CrashReport(r.id, Instant.ofEpochMilli(r.receivedMs), Instant.ofEpochMilli(r.occurredMs), r.app,
                r.appVersion, r.os, r.device, r.customerId, r.ticketId, r.source, r.contentChars, r.parsed,
                r.unparsedReason, r.platform, r.exceptionType, r.exceptionMessage, r.fingerprint, r.groupingRules,
                r.signature, r.groupId, json == null ? List.of() : exceptions(json));
    }

    public static List<ValueCount> counts(List<StatRow> rows) {
        return rows.stream().map(s -> new ValueCount(s.value(), s.count(), Instant.ofEpochMilli(s.lastSeenMs()))).toList();
    }

    /**
     * @param g         the group
     * @param stats     its statistics by kind, most reports first
     * @param customers distinct customers
     * @return the group with statistics and representative trace
     */
    public static CrashGroup group(CrashGroupEntity g, java.util.Map<StatKind, List<StatRow>> stats, long customers) {
        return new CrashGroup(g.id, g.fingerprint, g.groupingRules, g.signature, g.exceptionType, g.exceptionMessage,
                CrashGroupStatus.valueOf(g.status), g.mergedInto, g.reportCount, Instant.ofEpochMilli(g.firstSeenMs),
                Instant.ofEpochMilli(g.lastSeenMs), g.platform, exceptions(g.traceJson),
                counts(stats.getOrDefault(StatKind.APP, List.of())), counts(stats.getOrDefault(StatKind.VERSION, List.of())),
                counts(stats.getOrDefault(StatKind.OS, List.of())), counts(stats.getOrDefault(StatKind.CUSTOMER, List.of())),
                customers);
    }

    /** A damaged stored trace shows as no exceptions rather than failing the whole view. */
    private static List<CrashExceptionInfo> exceptions(String json) {
        try {
            return TraceJson.readExceptions(json);
        } catch (IllegalStateException e) {
            LOG.warn("Unreadable stored crash trace: {}", e.getMessage());
            return List.of();
        }
    }
}
