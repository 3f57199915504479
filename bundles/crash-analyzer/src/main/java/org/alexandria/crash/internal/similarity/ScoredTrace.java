package org.alexandria.crash.internal.similarity;

/**
 * A known trace ranked against a query.
 *
 * @param id    the id it was {@linkplain CrashSimilarityIndex#add added} with
 * @param score similarity in (0, 1]
 */
public record ScoredTrace(String id, double score) {
}
