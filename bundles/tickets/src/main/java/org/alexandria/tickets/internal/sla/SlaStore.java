package org.alexandria.tickets.internal.sla;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.alexandria.api.ticket.TicketPriority;
import org.alexandria.tickets.internal.store.Sql;

/** SLA policies in {@code tkt_sla_policy} and {@code tkt_sla_target}. */
final class SlaStore {

    private static final String COLUMNS = "id, name, plan, position, time_zone, weekdays, day_start, day_end,"
            + " created_ms, updated_ms";

    List<SlaPolicy> all(Connection c) throws SQLException {
        List<SlaPolicy> rows = Sql.list(c, "SELECT " + COLUMNS + " FROM tkt_sla_policy ORDER BY position, name",
                SlaStore::row);
        Map<String, List<SlaPolicy.Target>> targets = new HashMap<>();
        Sql.list(c, "SELECT policy_id, priority, first_response_minutes, resolution_minutes FROM tkt_sla_target",
                rs -> targets.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(target(rs)));
        return rows.stream().map(p -> withTargets(p, targets.getOrDefault(p.id(), List.of()))).toList();
    }

    Optional<SlaPolicy> find(Connection c, String id) throws SQLException {
        Optional<SlaPolicy> row = Sql.one(c, "SELECT " + COLUMNS + " FROM tkt_sla_policy WHERE id = ?", SlaStore::row, id);
        if (row.isEmpty()) {
            return row;
        }
        List<SlaPolicy.Target> targets = Sql.list(c, "SELECT policy_id, priority, first_response_minutes,"
                + " resolution_minutes FROM tkt_sla_target WHERE policy_id = ?", SlaStore::target, id);
        return Optional.of(withTargets(row.get(), targets));
    }

    void insert(Connection c, SlaPolicy p) throws SQLException {
        BusinessHours h = p.businessHours();
        Sql.update(c, "INSERT INTO tkt_sla_policy (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p.id(),
                p.name(), p.plan(), p.position(), h == null ? null : h.timeZone(), h == null ? null : weekdays(h),
                h == null ? null : h.start().toString(), h == null ? null : h.end().toString(), p.createdAt(),
                p.updatedAt());
        writeTargets(c, p);
    }

    void update(Connection c, SlaPolicy p) throws SQLException {
        BusinessHours h = p.businessHours();
        Sql.update(c, "UPDATE tkt_sla_policy SET name = ?, plan = ?, position = ?, time_zone = ?, weekdays = ?,"
                + " day_start = ?, day_end = ?, updated_ms = ? WHERE id = ?", p.name(), p.plan(), p.position(),
                h == null ? null : h.timeZone(), h == null ? null : weekdays(h), h == null ? null : h.start().toString(),
                h == null ? null : h.end().toString(), p.updatedAt(), p.id());
        Sql.update(c, "DELETE FROM tkt_sla_target WHERE policy_id = ?", p.id());
        writeTargets(c, p);
    }

    boolean delete(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM tkt_sla_target WHERE policy_id = ?", id);
        return Sql.update(c, "DELETE FROM tkt_sla_policy WHERE id = ?", id) == 1;
    }

    private static void writeTargets(Connection c, SlaPolicy p) throws SQLException {
        for (SlaPolicy.Target t : p.targets()) {
            Sql.update(c, "INSERT INTO tkt_sla_target (policy_id, priority, first_response_minutes, resolution_minutes)"
                    + " VALUES (?, ?, ?, ?)", p.id(), t.priority(), t.firstResponseMinutes(), t.resolutionMinutes());
        }
    }

    private static String weekdays(BusinessHours h) {
        return EnumSet.copyOf(h.weekdays()).stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    private static SlaPolicy withTargets(SlaPolicy p, List<SlaPolicy.Target> targets) {
        List<SlaPolicy.Target> sorted = new ArrayList<>(targets);
        sorted.sort((a, b) -> a.priority().compareTo(b.priority()));
        return new SlaPolicy(p.id(), p.name(), p.plan(), p.position(), p.businessHours(), sorted, p.createdAt(),
                p.updatedAt());
    }

    private static SlaPolicy row(ResultSet rs) throws SQLException {
        String zone = rs.getString("time_zone");
        BusinessHours hours = null;
        if (zone != null) {
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String d : rs.getString("weekdays").split(",")) {
                days.add(DayOfWeek.valueOf(d));
            }
            hours = new BusinessHours(zone, days, LocalTime.parse(rs.getString("day_start")),
                    LocalTime.parse(rs.getString("day_end")));
        }
        return new SlaPolicy(rs.getString("id"), rs.getString("name"), rs.getString("plan"), rs.getInt("position"),
                hours, List.of(), Instant.ofEpochMilli(rs.getLong("created_ms")),
                Instant.ofEpochMilli(rs.getLong("updated_ms")));
    }

    private static SlaPolicy.Target target(ResultSet rs) throws SQLException {
        int first = rs.getInt(3);
        Integer firstResponse = rs.wasNull() ? null : first;
        int resolution = rs.getInt(4);
        Integer resolve = rs.wasNull() ? null : resolution;
        return new SlaPolicy.Target(TicketPriority.valueOf(rs.getString(2)), firstResponse, resolve);
    }
}
