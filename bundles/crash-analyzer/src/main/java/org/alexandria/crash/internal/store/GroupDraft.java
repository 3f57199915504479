package org.alexandria.crash.internal.store;

/**
 * What a new crash group is made of, taken from the report that opens it.
 *
 * @param fingerprint      hex SHA-256 grouping key
 * @param groupingRules    id of the rules it was computed with
 * @param signature        human readable signature
 * @param exceptionType    root cause type
 * @param exceptionMessage root cause message
 * @param platform         runtime of the trace
 * @param traceJson        the trace, as {@link TraceJson} writes it
 */
public record GroupDraft(String fingerprint, String groupingRules, String signature, String exceptionType,
        String exceptionMessage, String platform, String traceJson) {
}
