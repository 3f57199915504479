package org.alexandria.tickets.internal.model;

/** Type of a custom ticket field. */
public enum FieldType {
    /** Free text, at most 4000 characters. */
    STRING,
    /** A decimal number. */
    NUMBER,
    /** true or false. */
    BOOLEAN,
    /** A calendar date, ISO {@code yyyy-mm-dd}. */
    DATE,
    /** One of the field's options. */
    ENUM
}
