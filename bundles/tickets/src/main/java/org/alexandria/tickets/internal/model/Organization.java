package org.alexandria.tickets.internal.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A customer organization with its segmentation attributes.
 *
 * @param id        stable id (UUID)
 * @param name      unique name
 * @param domain    email domain, e.g. {@code example.com}
 * @param plan      subscription plan, e.g. {@code enterprise}
 * @param tier      support tier, e.g. {@code gold}
 * @param region    region, e.g. {@code EMEA}
 * @param products  products and versions in use
 * @param createdAt creation time
 * @param updatedAt last change
 */
public record Organization(String id, String name, @Nullable String domain, @Nullable String plan,
        @Nullable String tier, @Nullable String region, List<ProductUse> products, Instant createdAt,
        Instant updatedAt) {

    /** Copies the products. */
    public Organization {
        products = List.copyOf(products);
    }
}
