package org.alexandria.api.crash;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stored crash report with what was parsed from it (the raw content is served apart).
 *
 * @param id             the report's id
 * @param receivedAt     when the platform received it
 * @param occurredAt     when the crash happened, as the sender said (the receive time otherwise)
 * @param app            application name
 * @param appVersion     application version
 * @param os             operating system
 * @param device         device model
 * @param customerId     affected customer
 * @param ticketId       the ticket it came with
 * @param source         how it arrived, e.g. {@code api}
 * @param contentChars   length of the raw content in characters
 * @param parsed         whether a stack trace was recognised
 * @param unparsedReason why not, when unparsed
 * @param platform       runtime of the trace, when parsed
 * @param exceptionType  type of the root cause, when parsed
 * @param exceptionMessage message of the root cause, when parsed
 * @param fingerprint    grouping fingerprint, when parsed
 * @param groupingRules  rules the fingerprint was computed with, when parsed
 * @param signature      human readable signature of the trace, when parsed
 * @param groupId        the crash group, when parsed
 * @param exceptions     the parsed trace, thrown exception first; empty when unparsed
 */
public record CrashReport(String id, Instant receivedAt, Instant occurredAt, @Nullable String app,
        @Nullable String appVersion, @Nullable String os, @Nullable String device, @Nullable String customerId,
        @Nullable String ticketId, String source, long contentChars, boolean parsed, @Nullable String unparsedReason,
        @Nullable String platform, @Nullable String exceptionType, @Nullable String exceptionMessage,
        @Nullable String fingerprint, @Nullable String groupingRules, @Nullable String signature, @Nullable String groupId,
        List<CrashExceptionInfo> exceptions) {

    /** Copies the exceptions. */
    public CrashReport {
        exceptions = List.copyOf(exceptions);
    }
}
