package org.alexandria.api.crash;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A crash report as listed.
 *
 * @param id         the report's id
 * @param receivedAt when the platform received it
 * @param occurredAt when the crash happened
 * @param app        application name
 * @param appVersion application version
 * @param os         operating system
 * @param customerId affected customer
 * @param ticketId   the ticket it came with
 * @param source     how it arrived
 * @param parsed     whether a stack trace was recognised
 * @param groupId    the crash group, when parsed
 */
public record CrashReportSummary(String id, Instant receivedAt, Instant occurredAt, @Nullable String app,
        @Nullable String appVersion, @Nullable String os, @Nullable String customerId, @Nullable String ticketId,
        String source, boolean parsed, @Nullable String groupId) {
}
