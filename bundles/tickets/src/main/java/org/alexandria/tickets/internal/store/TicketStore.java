package org.alexandria.tickets.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.alexandria.api.ticket.Channel;
import org.alexandria.api.ticket.Environment;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.api.ticket.TicketPriority;
import org.alexandria.api.ticket.TicketStatus;
import org.alexandria.api.ticket.TicketType;
import org.alexandria.tickets.internal.model.FieldType;
import org.alexandria.tickets.internal.model.FieldValues;
import org.jspecify.annotations.Nullable;

/** Tickets, their tags and custom field values in {@code tkt_ticket}, {@code tkt_ticket_tag}, {@code tkt_ticket_field}. */
public final class TicketStore {

    /** Prefix of human ticket keys. */
    public static final String KEY_PREFIX = "ALX-";

    private static final String COLUMNS = "id, number, ticket_key, subject, description, status, priority, ticket_type,"
            + " channel, requester_id, organization_id, assignee, group_name, product, app_version, env_os, env_device,"
            + " created_ms, updated_ms, first_response_ms, solved_ms, sla_policy_id, first_response_due_ms,"
            + " resolution_due_ms, first_response_breached, resolution_breached";

    /**
     * Allocates the next ticket number. The counter row stays locked until the caller's transaction ends, so two
     * transactions (on any node) never get the same number and numbers of committed tickets have no gaps.
     *
     * @param connection a connection in a transaction
     * @return the number
     * @throws SQLException on a database error
     */
    public long nextNumber(Connection connection) throws SQLException {
        if (Sql.update(connection, "UPDATE tkt_counter SET last_value = last_value + 1 WHERE name = 'ticket'") != 1) {
            throw new SQLException("ticket counter row missing");
        }
        return Sql.number(connection, "SELECT last_value FROM tkt_counter WHERE name = 'ticket'");
    }

    /**
     * @param connection connection
     * @param ticket     the new ticket
     * @param fields     custom field values in stored form
     * @throws SQLException on a database error
     */
    public void insert(Connection connection, Ticket ticket, Map<String, String> fields) throws SQLException {
        Sql.update(connection, "INSERT INTO tkt_ticket (" + COLUMNS + ", priority_rank) VALUES"
                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ticket.id(), number(ticket.key()), ticket.key(), ticket.subject(), ticket.description(),
                ticket.status(), ticket.priority(), ticket.type(), ticket.channel(), ticket.requesterId(),
                ticket.organizationId(), ticket.assignee(), ticket.group(), ticket.product(), ticket.appVersion(),
                ticket.environment().os(), ticket.environment().device(), ticket.createdAt(), ticket.updatedAt(),
                ticket.firstResponseAt(), ticket.solvedAt(), ticket.slaPolicyId(), ticket.firstResponseDueAt(),
                ticket.resolutionDueAt(), ticket.firstResponseBreached(), ticket.resolutionBreached(),
                ticket.priority().ordinal());
        writeTags(connection, ticket.id(), ticket.tags());
        writeFields(connection, ticket.id(), fields);
    }

    /**
     * Rewrites a ticket's row, tags and custom field values.
     *
     * @param connection connection
     * @param ticket     the ticket as it is now
     * @param fields     all its custom field values in stored form
     * @throws SQLException on a database error
     */
    public void update(Connection connection, Ticket ticket, Map<String, String> fields) throws SQLException {
        Sql.update(connection, "UPDATE tkt_ticket SET subject = ?, description = ?, status = ?, priority = ?,"
                + " priority_rank = ?, ticket_type = ?, channel = ?, requester_id = ?, organization_id = ?, assignee = ?,"
                + " group_name = ?, product = ?, app_version = ?, env_os = ?, env_device = ?, updated_ms = ?,"
                + " first_response_ms = ?, solved_ms = ?, sla_policy_id = ?, first_response_due_ms = ?,"
                + " resolution_due_ms = ?, first_response_breached = ?, resolution_breached = ? WHERE id = ?",
                ticket.subject(), ticket.description(), ticket.status(), ticket.priority(), ticket.priority().ordinal(),
                ticket.type(), ticket.channel(), ticket.requesterId(), ticket.organizationId(), ticket.assignee(),
                ticket.group(), ticket.product(), ticket.appVersion(), ticket.environment().os(),
                ticket.environment().device(), ticket.updatedAt(), ticket.firstResponseAt(), ticket.solvedAt(),
                ticket.slaPolicyId(), ticket.firstResponseDueAt(), ticket.resolutionDueAt(),
                ticket.firstResponseBreached(), ticket.resolutionBreached(), ticket.id());
        Sql.update(connection, "DELETE FROM tkt_ticket_tag WHERE ticket_id = ?", ticket.id());
        writeTags(connection, ticket.id(), ticket.tags());
        Sql.update(connection, "DELETE FROM tkt_ticket_field WHERE ticket_id = ?", ticket.id());
        writeFields(connection, ticket.id(), fields);
    }

    /**
     * @param connection connection
     * @param sourceId   the merged ticket
     * @param targetId   the ticket it was merged into
     * @throws SQLException on a database error
     */
    public void markMerged(Connection connection, String sourceId, String targetId) throws SQLException {
        Sql.update(connection, "UPDATE tkt_ticket SET merged_into = ? WHERE id = ?", targetId, sourceId);
    }

    /**
     * @param connection connection
     * @param idOrKey    ticket id or key (case-insensitive key)
     * @param forUpdate  whether to lock the row until the transaction ends
     * @return the ticket
     * @throws SQLException on a database error
     */
    public Optional<Ticket> find(Connection connection, String idOrKey, boolean forUpdate) throws SQLException {
        String lookup = idOrKey.strip();
        boolean byKey = lookup.toUpperCase(Locale.ROOT).startsWith(KEY_PREFIX);
        String sql = "SELECT " + COLUMNS + " FROM tkt_ticket WHERE " + (byKey ? "ticket_key" : "id") + " = ?"
                + (forUpdate ? " FOR UPDATE" : "");
        Optional<Ticket> row = Sql.one(connection, sql, TicketStore::row,
                byKey ? lookup.toUpperCase(Locale.ROOT) : lookup);
        if (row.isEmpty()) {
            return row;
        }
        return Optional.of(complete(connection, List.of(row.get())).get(0));
    }

    /**
     * @param connection connection
     * @param ticketId   a ticket
     * @return the id of the ticket it was merged into, if it was
     * @throws SQLException on a database error
     */
    public Optional<String> mergedInto(Connection connection, String ticketId) throws SQLException {
        return Sql.one(connection, "SELECT merged_into FROM tkt_ticket WHERE id = ?",
                rs -> Optional.ofNullable(rs.getString(1)), ticketId).flatMap(id -> id);
    }

    /**
     * @param connection connection
     * @param search     filters, sort and page
     * @return one page of tickets in the requested order
     * @throws SQLException on a database error
     */
    public List<Ticket> search(Connection connection, TicketSearch search) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM tkt_ticket t WHERE 1 = 1");
        List<@Nullable Object> params = new ArrayList<>();
        if (search.text() != null && !search.text().isBlank()) {
            for (String word : search.text().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                String pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                sql.append(" AND (LOWER(subject) LIKE ? ESCAPE '\\' OR LOWER(description) LIKE ? ESCAPE '\\'"
                        + " OR LOWER(ticket_key) = ?)");
                params.add(pattern);
                params.add(pattern);
                params.add(word);
            }
        }
        if (!search.statuses().isEmpty()) {
            sql.append(" AND status IN (").append(placeholders(search.statuses().size())).append(')');
            search.statuses().stream().sorted().forEach(params::add);
        }
        filter(sql, params, "priority", search.priority());
        filter(sql, params, "assignee", search.assignee());
        filter(sql, params, "group_name", search.group());
        filter(sql, params, "requester_id", search.requesterId());
        filter(sql, params, "organization_id", search.organizationId());
        filter(sql, params, "product", search.product());
        if (search.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM tkt_ticket_tag g WHERE g.ticket_id = t.id AND g.tag = ?)");
            params.add(search.tag().toLowerCase(Locale.ROOT));
        }
        String column = search.sort().column();
        String cmp = search.descending() ? "<" : ">";
        if (search.after() != null) {
            sql.append(" AND (").append(column).append(' ').append(cmp).append(" ? OR (").append(column)
                    .append(" = ? AND number ").append(cmp).append(" ?))");
            params.add(search.after().value());
            params.add(search.after().value());
            params.add(search.after().number());
        }
        String dir = search.descending() ? " DESC" : " ASC";
        sql.append(" ORDER BY ").append(column).append(dir).append(", number").append(dir);
        sql.append(" FETCH FIRST ").append(search.limit()).append(" ROWS ONLY");
        List<Ticket> rows = Sql.list(connection, sql.toString(), TicketStore::row, params.toArray());
        return complete(connection, rows);
    }

    /**
     * @param ticket a ticket
     * @param sort   a sort column
     * @return the ticket's keyset position for that sort
     */
    public static TicketSearch.Position position(Ticket ticket, TicketSearch.Sort sort) {
        long value = switch (sort) {
            case CREATED -> ticket.createdAt().toEpochMilli();
            case UPDATED -> ticket.updatedAt().toEpochMilli();
            case PRIORITY -> ticket.priority().ordinal();
            case NUMBER -> number(ticket.key());
        };
        return new TicketSearch.Position(value, number(ticket.key()));
    }

    /**
     * Feeds every ticket that was not merged away to the consumer, for rebuilding the duplicate index.
     *
     * @param connection connection
     * @param consumer   receives id, subject, description, product and creation time
     * @throws SQLException on a database error
     */
    public void forEachIndexable(Connection connection, Consumer<Indexable> consumer) throws SQLException {
        try (var statement = Sql.prepare(connection,
                "SELECT id, subject, description, product, created_ms FROM tkt_ticket WHERE merged_into IS NULL");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                consumer.accept(new Indexable(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5))));
            }
        }
    }

    /**
     * What the duplicate index needs of a ticket.
     *
     * @param id          ticket id
     * @param subject     subject
     * @param description description
     * @param product     product
     * @param createdAt   creation time
     */
    public record Indexable(String id, String subject, String description, @Nullable String product,
            Instant createdAt) {
    }

    /**
     * @param connection connection
     * @param ids        ticket ids
     * @return key and subject of those that exist, by id
     * @throws SQLException on a database error
     */
    public Map<String, String[]> keysAndSubjects(Connection connection, Collection<String> ids) throws SQLException {
        Map<String, String[]> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Sql.list(connection, "SELECT id, ticket_key, subject FROM tkt_ticket WHERE id IN (" + placeholders(ids.size())
                + ")", rs -> found.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}),
                ids.toArray());
        return found;
    }

    /**
     * @param key a ticket key
     * @return its number
     */
    public static long number(String key) {
        return Long.parseLong(key.substring(KEY_PREFIX.length()));
    }

    private static void filter(StringBuilder sql, List<@Nullable Object> params, String column, @Nullable Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value instanceof Enum<?> e ? e.name() : value);
        }
    }

    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static void writeTags(Connection connection, String ticketId, Set<String> tags) throws SQLException {
        for (String tag : new java.util.TreeSet<>(tags)) {
            Sql.update(connection, "INSERT INTO tkt_ticket_tag (ticket_id, tag) VALUES (?, ?)", ticketId, tag);
        }
    }

    private static void writeFields(Connection connection, String ticketId, Map<String, String> fields)
            throws SQLException {
        for (Map.Entry<String, String> field : new TreeMap<>(fields).entrySet()) {
            Sql.update(connection, "INSERT INTO tkt_ticket_field (ticket_id, field_name, field_value) VALUES (?, ?, ?)",
                    ticketId, field.getKey(), field.getValue());
        }
    }

    /** Adds tags and custom fields to rows read without them. */
    private static List<Ticket> complete(Connection connection, List<Ticket> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        List<String> ids = rows.stream().map(Ticket::id).toList();
        String in = " IN (" + placeholders(ids.size()) + ")";
        Map<String, Set<String>> tags = new HashMap<>();
        Sql.list(connection, "SELECT ticket_id, tag FROM tkt_ticket_tag WHERE ticket_id" + in,
                rs -> tags.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)), ids.toArray());
        Map<String, Map<String, Object>> fields = new HashMap<>();
        Sql.list(connection, "SELECT f.ticket_id, f.field_name, f.field_value, d.field_type FROM tkt_ticket_field f"
                + " JOIN tkt_field_def d ON d.name = f.field_name WHERE f.ticket_id" + in,
                rs -> fields.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                        FieldValues.typed(FieldType.valueOf(rs.getString(4)), rs.getString(3))),
                ids.toArray());
        List<Ticket> complete = new ArrayList<>(rows.size());
        for (Ticket t : rows) {
            complete.add(new Ticket(t.id(), t.key(), t.subject(), t.description(), t.status(), t.priority(), t.type(),
                    t.channel(), t.requesterId(), t.organizationId(), t.assignee(), t.group(),
                    tags.getOrDefault(t.id(), Set.of()), fields.getOrDefault(t.id(), Map.of()), t.product(),
                    t.appVersion(), t.environment(), t.createdAt(), t.updatedAt(), t.firstResponseAt(), t.solvedAt(),
                    t.slaPolicyId(), t.firstResponseDueAt(), t.resolutionDueAt(), t.firstResponseBreached(),
                    t.resolutionBreached()));
        }
        return complete;
    }

    private static Ticket row(ResultSet rs) throws SQLException {
        return new Ticket(rs.getString("id"), rs.getString("ticket_key"), rs.getString("subject"),
                rs.getString("description"), TicketStatus.valueOf(rs.getString("status")),
                TicketPriority.valueOf(rs.getString("priority")), TicketType.valueOf(rs.getString("ticket_type")),
                Channel.valueOf(rs.getString("channel")), rs.getString("requester_id"), rs.getString("organization_id"),
                rs.getString("assignee"), rs.getString("group_name"), Set.of(), Map.of(), rs.getString("product"),
                rs.getString("app_version"), new Environment(rs.getString("env_os"), rs.getString("env_device")),
                Instant.ofEpochMilli(rs.getLong("created_ms")), Instant.ofEpochMilli(rs.getLong("updated_ms")),
                Sql.instant(rs, "first_response_ms"), Sql.instant(rs, "solved_ms"), rs.getString("sla_policy_id"),
                Sql.instant(rs, "first_response_due_ms"), Sql.instant(rs, "resolution_due_ms"),
                rs.getBoolean("first_response_breached"), rs.getBoolean("resolution_breached"));
    }
}
