package org.alexandria.api.crash;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A crash report handed to the crash analyzer: the raw log plus what the sender knows about where it happened.
 *
 * @param content    the crash log or stack trace as text (may be garbage: it is then stored as unparsed)
 * @param app        application name, e.g. {@code android-app}
 * @param appVersion application version, e.g. {@code 4.2.1}
 * @param os         operating system and version, e.g. {@code Android 14}
 * @param device     device model
 * @param customerId the affected customer's id, when known
 * @param occurredAt when the crash happened; the receive time when null
 * @param ticketId   the ticket the log was attached to, when it came in as an attachment
 * @param source     how it arrived: {@code api}, {@code ticket-attachment}, {@code import}
 */
public record CrashReportSubmission(String content, @Nullable String app, @Nullable String appVersion,
        @Nullable String os, @Nullable String device, @Nullable String customerId, @Nullable Instant occurredAt,
        @Nullable String ticketId, String source) {
}
