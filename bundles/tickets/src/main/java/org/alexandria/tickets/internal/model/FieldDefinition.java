package org.alexandria.tickets.internal.model;

import java.util.List;

/**
 * A custom ticket field.
 *
 * @param name     identifier used in requests, {@code [a-z][a-z0-9_]{0,63}}
 * @param label    display name
 * @param type     value type
 * @param options  allowed values of an ENUM field; empty for other types
 * @param required whether every new ticket must have a value
 */
public record FieldDefinition(String name, String label, FieldType type, List<String> options, boolean required) {

    /** Copies the options. */
    public FieldDefinition {
        options = List.copyOf(options);
    }
}
