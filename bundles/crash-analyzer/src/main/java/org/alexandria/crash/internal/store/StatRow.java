package org.alexandria.crash.internal.store;

/**
 * One row of a group's statistics.
 *
 * @param value      the counted value
 * @param count      reports with it
 * @param lastSeenMs when the latest of them was received
 */
public record StatRow(String value, long count, long lastSeenMs) {
}
