package org.alexandria.api.crash;

/**
 * A crash group that matches a crash trace.
 *
 * @param groupId     the crash group
 * @param fingerprint the group's fingerprint (hex SHA-256 of its grouping key)
 * @param signature   human readable signature, e.g. {@code NullPointerException at Foo.bar}
 * @param score       similarity in [0, 1]; 1 for the same fingerprint
 * @param exact       true when the fingerprint is identical, false for a near duplicate
 */
public record CrashGroupMatch(String groupId, String fingerprint, String signature, double score, boolean exact) {
}
