package org.alexandria.tickets.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alexandria.api.rest.ProblemException;
import org.jspecify.annotations.Nullable;

/** Small JDBC helpers: parameter binding, row mapping, and error translation. */
public final class Sql {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        /**
         * @param rs positioned on a row
         * @return the mapped row
         * @throws SQLException on a read error
         */
        T map(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    /**
     * @param connection connection
     * @param sql        statement with {@code ?} placeholders
     * @param params     values; null, String, Number, Boolean, byte[] or Instant (stored as epoch ms)
     * @return the update count
     * @throws SQLException on a database error
     */
    public static int update(Connection connection, String sql, @Nullable Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }

    /**
     * @param connection connection
     * @param sql        query
     * @param mapper     row mapper
     * @param params     parameters
     * @param <T>        row type
     * @return all rows
     * @throws SQLException on a database error
     */
    public static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, @Nullable Object... params)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params); ResultSet rs = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        }
    }

    /**
     * @param connection connection
     * @param sql        query
     * @param mapper     row mapper
     * @param params     parameters
     * @param <T>        row type
     * @return the first row, if any
     * @throws SQLException on a database error
     */
    public static <T> Optional<T> one(Connection connection, String sql, RowMapper<T> mapper, @Nullable Object... params)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params); ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
        }
    }

    /**
     * @param connection connection
     * @param sql        a query selecting one number
     * @param params     parameters
     * @return the number
     * @throws SQLException on a database error
     */
    public static long number(Connection connection, String sql, @Nullable Object... params) throws SQLException {
        return one(connection, sql, rs -> rs.getLong(1), params).orElseThrow(() -> new SQLException("no row: " + sql));
    }

    static PreparedStatement prepare(Connection connection, String sql, @Nullable Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                Object value = params[i];
                if (value == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else if (value instanceof Instant instant) {
                    statement.setLong(i + 1, instant.toEpochMilli());
                } else if (value instanceof Enum<?> e) {
                    statement.setString(i + 1, e.name());
                } else if (value instanceof byte[] bytes) {
                    statement.setBytes(i + 1, bytes);
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /**
     * @param rs     result set
     * @param column a BIGINT epoch-ms column
     * @return the instant, or null
     * @throws SQLException on a read error
     */
    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }

    /**
     * Turns a database error into what the caller should see: a unique-constraint violation is a 409 conflict
     * (someone else created the same thing), anything else a {@link StoreException}.
     *
     * @param what what was being done
     * @param e    the error
     * @return the exception to throw
     */
    public static RuntimeException translate(String what, SQLException e) {
        if ("23505".equals(e.getSQLState())) {
            return new ProblemException(409, "conflict", "Conflict", what + ": an entry with the same unique value exists");
        }
        if ("23503".equals(e.getSQLState()) || "23506".equals(e.getSQLState())) {
            return new ProblemException(409, "conflict", "Conflict", what + ": it is still referenced, or refers to something that does not exist");
        }
        return new StoreException(what, e);
    }
}
