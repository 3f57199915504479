package org.alexandria.tickets.internal.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alexandria.api.ticket.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A customer (ticket requester) with segmentation attributes.
 *
 * @param id              stable id (UUID)
 * @param name            display name
 * @param email           email address, unique, lower case
 * @param phone           phone number
 * @param organizationId  the organization, if any
 * @param plan            plan, e.g. {@code pro}
 * @param tier            support tier
 * @param region          region
 * @param products        products and versions in use
 * @param contactChannels channels the customer may be contacted on
 * @param consents        consent flags by purpose, e.g. {@code marketing=false}
 * @param createdAt       creation time
 * @param updatedAt       last change
 */
public record Customer(String id, String name, @Nullable String email, @Nullable String phone,
        @Nullable String organizationId, @Nullable String plan, @Nullable String tier, @Nullable String region,
        List<ProductUse> products, Set<Channel> contactChannels, Map<String, Boolean> consents, Instant createdAt,
        Instant updatedAt) {

    /** Copies the collections. */
    public Customer {
        products = List.copyOf(products);
        contactChannels = Set.copyOf(contactChannels);
        consents = Map.copyOf(consents);
    }
}
