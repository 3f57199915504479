package org.alexandria.tickets.internal.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import org.alexandria.tickets.internal.model.FieldDefinition;
import org.alexandria.tickets.internal.model.FieldType;

/** Custom field definitions in {@code tkt_field_def}. */
public final class FieldStore {

    /**
     * @param em entity manager
     * @return every definition by name, in name order
     */
    public Map<String, FieldDefinition> all(EntityManager em) {
        Map<String, FieldDefinition> defs = new LinkedHashMap<>();
        for (FieldDefEntity e : em.createQuery("SELECT f FROM FieldDefEntity f ORDER BY f.name", FieldDefEntity.class)
                .getResultList()) {
            defs.put(e.name, new FieldDefinition(e.name, e.label, FieldType.valueOf(e.fieldType),
                    e.options == null || e.options.isEmpty() ? List.of() : Arrays.asList(e.options.split("\n")),
                    e.required));
        }
        return defs;
    }

    /**
     * Creates or replaces a definition.
     *
     * @param em  entity manager
     * @param def the definition
     * @param now creation time of a new one
     * @return true when it was created, false when replaced
     */
    public boolean put(EntityManager em, FieldDefinition def, Instant now) {
        FieldDefEntity e = em.find(FieldDefEntity.class, def.name());
        boolean created = e == null;
        if (e == null) {
            e = new FieldDefEntity();
            e.name = def.name();
            e.createdMs = now.toEpochMilli();
            em.persist(e);
        }
        e.label = def.label();
        e.fieldType = def.type().name();
        e.options = def.options().isEmpty() ? null : String.join("\n", def.options());
        e.required = def.required();
        em.flush();
        return created;
    }
}
