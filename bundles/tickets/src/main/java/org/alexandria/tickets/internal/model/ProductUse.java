package org.alexandria.tickets.internal.model;

/**
 * A product version a customer or organization uses.
 *
 * @param product product name
 * @param version version in use
 */
public record ProductUse(String product, String version) {
}
