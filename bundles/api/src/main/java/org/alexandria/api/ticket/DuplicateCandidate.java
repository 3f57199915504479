package org.alexandria.api.ticket;

/**
 * An existing ticket that may be a duplicate of another.
 *
 * @param ticketId    the existing ticket
 * @param key         its human key
 * @param subject     its subject
 * @param score       similarity, higher is more likely; comparable only within one answer
 * @param explanation what the two share, e.g. matching terms or stack frames
 */
public record DuplicateCandidate(String ticketId, String key, String subject, double score, String explanation) {
}
