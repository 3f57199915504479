package org.alexandria.api.audit;

import java.util.Objects;

/**
 * Reference to an audited entity.
 *
 * @param type entity type, e.g. {@code ticket}, {@code crash-group}, {@code plugin}
 * @param id   the entity's id
 */
public record EntityRef(String type, String id) {

    /** Requires non-blank type and id. */
    public EntityRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (type.isBlank() || id.isBlank()) {
            throw new IllegalArgumentException("entity type and id must not be blank");
        }
    }
}
