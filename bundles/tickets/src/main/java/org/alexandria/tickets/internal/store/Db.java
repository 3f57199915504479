package org.alexandria.tickets.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Plain JDBC transactions on the platform database. */
public final class Db {

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param connection the connection, in a transaction for {@link Db#tx}
         * @return the result
         * @throws SQLException on a database error
         */
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    /** @param dataSource the platform database */
    public Db(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs the work in one transaction: committed when it returns, rolled back when it throws.
     *
     * @param what describes the work for error messages
     * @param work the work
     * @param <T>  result type
     * @return the work's result
     */
    public <T> T tx(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw Sql.translate(what, e);
        }
    }

    /**
     * Runs read-only work in auto-commit mode.
     *
     * @param what describes the work for error messages
     * @param work the work
     * @param <T>  result type
     * @return the work's result
     */
    public <T> T read(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw Sql.translate(what, e);
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
