package org.alexandria.crash.internal.store;

import org.jspecify.annotations.Nullable;

/**
 * A crash report to store, before it is filed into a group. Text fields are already checked against the column
 * sizes, except the message and signature, which are cut.
 *
 * @param id               new id
 * @param receivedMs       receive time
 * @param occurredMs       crash time
 * @param app              application
 * @param appVersion       application version
 * @param os               operating system
 * @param device           device
 * @param customerId       customer
 * @param ticketId         ticket
 * @param source           how it arrived
 * @param contentChars     raw content length
 * @param parsed           whether a trace was recognised
 * @param unparsedReason   why not
 * @param platform         the trace's runtime
 * @param exceptionType    root cause type
 * @param exceptionMessage root cause message
 * @param traceJson        the trace as {@link TraceJson} writes it
 * @param fingerprint      grouping fingerprint
 * @param groupingRules    rules of the fingerprint
 * @param signature        signature of the trace
 */
public record ReportDraft(String id, long receivedMs, long occurredMs, @Nullable String app, @Nullable String appVersion,
        @Nullable String os, @Nullable String device, @Nullable String customerId, @Nullable String ticketId, String source,
        long contentChars, boolean parsed, @Nullable String unparsedReason, @Nullable String platform,
        @Nullable String exceptionType, @Nullable String exceptionMessage, @Nullable String traceJson,
        @Nullable String fingerprint, @Nullable String groupingRules, @Nullable String signature) {
}
