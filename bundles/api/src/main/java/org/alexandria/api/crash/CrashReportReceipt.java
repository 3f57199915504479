package org.alexandria.api.crash;

import org.jspecify.annotations.Nullable;

/**
 * What became of an ingested crash report. Every report is stored, parsed or not.
 *
 * @param reportId       id of the stored report
 * @param parsed         whether a stack trace was recognised
 * @param groupId        the crash group it joined; null when unparsed
 * @param newGroup       true when the report opened a new group
 * @param signature      the group's signature; null when unparsed
 * @param unparsedReason why no trace was recognised; null when parsed
 */
public record CrashReportReceipt(String reportId, boolean parsed, @Nullable String groupId, boolean newGroup,
        @Nullable String signature, @Nullable String unparsedReason) {
}
