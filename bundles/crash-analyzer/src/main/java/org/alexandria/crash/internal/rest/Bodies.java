package org.alexandria.crash.internal.rest;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** JSON request bodies of the crash resources. */
public final class Bodies {

    private Bodies() {
    }

    /**
     * {@code POST /api/v1/crash-reports} as JSON.
     *
     * @param content    the crash log
     * @param app        application
     * @param appVersion application version
     * @param os         operating system
     * @param device     device
     * @param customerId customer
     * @param occurredAt when it crashed, ISO-8601
     * @param ticketId   the ticket it came with
     * @param source     how it arrived; {@code api} when absent
     */
    public record NewCrashReport(@Nullable String content, @Nullable String app, @Nullable String appVersion, @Nullable String os,
            @Nullable String device, @Nullable String customerId, @Nullable String occurredAt, @Nullable String ticketId,
            @Nullable String source) {
    }

    /**
     * {@code POST /api/v1/crash-groups/{id}/merge}.
     *
     * @param target the group to merge into
     * @param reason why, for the audit trail
     */
    public record MergeRequest(@Nullable String target, @Nullable String reason) {
    }

    /**
     * {@code POST /api/v1/crash-groups/{id}/split}.
     *
     * @param reportIds reports to move into a new group
     * @param reason    why, for the audit trail
     */
    public record SplitRequest(@Nullable List<String> reportIds, @Nullable String reason) {
    }

    /**
     * {@code POST /api/v1/crash-groups/similar} and {@code POST /api/v1/crash-groups/search}.
     *
     * @param text  a crash log or a text that contains a stack trace (similar), any text (search)
     * @param limit how many groups at most, 1..50, default 10
     */
    public record SimilarRequest(@Nullable String text, @Nullable Integer limit) {
    }
}
