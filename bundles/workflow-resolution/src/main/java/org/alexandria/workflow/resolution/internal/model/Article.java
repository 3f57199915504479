package org.alexandria.workflow.resolution.internal.model;

/**
 * A knowledge-base article suggested for a ticket.
 *
 * @param articleId article id
 * @param title     title
 * @param score     the knowledge base's score
 */
public record Article(String articleId, String title, double score) {
}
