package org.alexandria.api.crash;

import java.time.Instant;

/**
 * How many reports of a crash group carry one value, e.g. one application version.
 *
 * @param value    the value, e.g. {@code 4.2.1}
 * @param count    reports with it
 * @param lastSeen when the latest of them was received
 */
public record ValueCount(String value, long count, Instant lastSeen) {
}
