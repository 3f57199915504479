package org.alexandria.tickets.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alexandria.tickets.internal.model.FieldDefinition;
import org.alexandria.tickets.internal.model.FieldType;

/** Custom field definitions in {@code tkt_field_def}. */
public final class FieldStore {

    /**
     * @param connection connection
     * @return every definition by name, in name order
     * @throws SQLException on a database error
     */
    public Map<String, FieldDefinition> all(Connection connection) throws SQLException {
        Map<String, FieldDefinition> defs = new LinkedHashMap<>();
        Sql.list(connection, "SELECT name, label, field_type, options, required FROM tkt_field_def ORDER BY name",
                rs -> {
                    String options = rs.getString(4);
                    FieldDefinition def = new FieldDefinition(rs.getString(1), rs.getString(2),
                            FieldType.valueOf(rs.getString(3)),
                            options == null || options.isEmpty() ? List.of() : Arrays.asList(options.split("\n")),
                            rs.getBoolean(5));
                    defs.put(def.name(), def);
                    return def;
                });
        return defs;
    }

    /**
     * Creates or replaces a definition.
     *
     * @param connection connection
     * @param def        the definition
     * @param now        creation time of a new one
     * @return true when it was created, false when replaced
     * @throws SQLException on a database error
     */
    public boolean put(Connection connection, FieldDefinition def, Instant now) throws SQLException {
        String options = def.options().isEmpty() ? null : String.join("\n", def.options());
        int updated = Sql.update(connection, "UPDATE tkt_field_def SET label = ?, field_type = ?, options = ?, required = ?"
                + " WHERE name = ?", def.label(), def.type(), options, def.required(), def.name());
        if (updated == 0) {
            Sql.update(connection, "INSERT INTO tkt_field_def (name, label, field_type, options, required, created_ms)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", def.name(), def.label(), def.type(), options, def.required(), now);
            return true;
        }
        return false;
    }
}
