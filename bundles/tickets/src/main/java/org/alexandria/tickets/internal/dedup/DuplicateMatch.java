package org.alexandria.tickets.internal.dedup;

/**
 * An indexed ticket that may report the same thing as the ticket asked about.
 *
 * @param ticketId    id of the indexed ticket
 * @param score       similarity, higher is more likely; comparable only within one answer
 * @param explanation the evidence in a few words, e.g. {@code terms: netty, upgrad; frames: S3AFileSystem.open}
 */
public record DuplicateMatch(String ticketId, double score, String explanation) {
}
