package org.alexandria.tickets.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.jspecify.annotations.Nullable;

/** Row of {@code tkt_field_def}: a custom field definition; enum options are separated by newlines. */
@Entity
@Table(name = "tkt_field_def")
public class FieldDefEntity {
    @Id
    @Column(name = "name")
    String name = "";
    @Column(name = "label")
    String label = "";
    @Column(name = "field_type")
    String fieldType = "";
    @Column(name = "options")
    @Nullable String options;
    @Column(name = "required")
    boolean required;
    @Column(name = "created_ms")
    long createdMs;
}
