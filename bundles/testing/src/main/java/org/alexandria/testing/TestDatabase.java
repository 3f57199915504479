package org.alexandria.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throw-away database for one test: a private in-memory H2 database, or a private schema in the
 * PostgreSQL database given by the system properties {@code alexandria.test.postgres.url} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code alexandria.test.postgres.user} (default
 * {@code postgres}) and {@code alexandria.test.postgres.password} (default empty); PostgreSQL
 * connections are pooled, as in the platform. Closing it closes the entity manager factories made from
 * it and drops the database or schema. Shared by the tests of every bundle with a persistence unit.
 */
public abstract class TestDatabase implements AutoCloseable {

    /** The database products the core supports. */
    public enum Kind {
        H2, POSTGRES;

        public TestDatabase create() {
            return this == H2 ? new H2Database() : new PostgresDatabase();
        }
    }

    private final List<EntityManagerFactory> factories = new ArrayList<>();

    public abstract Kind kind();

    public abstract DataSource dataSource();

    /**
     * @return true when DDL takes part in transactions and is rolled back with them (PostgreSQL); false
     *         when each DDL statement commits the open transaction (H2)
     */
    public boolean transactionalDdl() {
        return kind() == Kind.POSTGRES;
    }

    /** The core persistence unit ({@code alexandria-core}) on this database; see {@link #entityManagerFactory(String)}. */
    public EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory("alexandria-core");
    }

    /**
     * A persistence unit of the test's class path on this database, built outside OSGi. The unit's JNDI data
     * source name ({@code osgi:service/...}) is overridden with this database's {@link DataSource}.
     *
     * @param unitName name of the persistence unit in a {@code META-INF/persistence.xml}
     * @return a factory closed with this database
     */
    public EntityManagerFactory entityManagerFactory(String unitName) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource());
        // EclipseLink caches deployed sessions by name; a unique name keeps each test on its own database
        properties.put(PersistenceUnitProperties.SESSION_NAME, unitName + "-test-" + UUID.randomUUID());
        EntityManagerFactory emf = new PersistenceProvider().createEntityManagerFactory(unitName, properties);
        if (emf == null) {
            throw new IllegalStateException("EclipseLink did not find the persistence unit " + unitName);
        }
        synchronized (factories) {
            factories.add(emf);
        }
        return emf;
    }

    /** Runs one statement with plain JDBC in auto-commit mode and returns the update count. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs a query with plain JDBC; column names of the rows are lower case. */
    public List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(rs.getMetaData().getColumnLabel(c).toLowerCase(Locale.ROOT), rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** @return the single number the query selects */
    public long queryLong(String sql, Object... parameters) {
        List<Map<String, Object>> rows = query(sql, parameters);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException(sql + " did not select exactly one value: " + rows);
        }
        return ((Number) rows.get(0).values().iterator().next()).longValue();
    }

    /** @return whether a table of that (unquoted) name is visible in this test's database or schema */
    public boolean tableExists(String table) {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM " + table).close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        synchronized (factories) {
            factories.forEach(emf -> {
                if (emf.isOpen()) {
                    emf.close();
                }
            });
            factories.clear();
        }
        drop();
    }

    protected abstract void drop();

    @Override
    public String toString() {
        return kind().name();
    }

    private static final class H2Database extends TestDatabase {
        private final JdbcDataSource dataSource = new JdbcDataSource();

        H2Database() {
            // LOCK_TIMEOUT: concurrent appends wait on the audit head's row lock; be generous on slow machines
            dataSource.setURL("jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
            dataSource.setUser("sa");
            dataSource.setPassword("");
        }

        @Override
        public Kind kind() {
            return Kind.H2;
        }

        @Override
        public DataSource dataSource() {
            return dataSource;
        }

        @Override
        protected void drop() {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot shut down " + dataSource.getURL(), e);
            }
        }
    }

    private static final class PostgresDatabase extends TestDatabase {
        private static final String URL = System.getProperty("alexandria.test.postgres.url",
                "jdbc:postgresql://127.0.0.1:5432/test");
        private static final String USER = System.getProperty("alexandria.test.postgres.user", "postgres");
        private static final String PASSWORD = System.getProperty("alexandria.test.postgres.password", "");

        private final String schema = "alx_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        private final BasicDataSource dataSource;

        PostgresDatabase() {
            admin("CREATE SCHEMA " + schema);
            // pooled like in the distribution (pax-jdbc's dbcp2 pool): EclipseLink opens one per transaction
            dataSource = new BasicDataSource();
            dataSource.setUrl(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema
                    + "&ApplicationName=alexandria-tests&connectTimeout=5");
            dataSource.setUsername(USER);
            dataSource.setPassword(PASSWORD);
            dataSource.setMaxTotal(16);
        }

        private static PGSimpleDataSource newDataSource() {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(URL);
            ds.setUser(USER);
            if (!PASSWORD.isEmpty()) {
                ds.setPassword(PASSWORD);
            }
            ds.setConnectTimeout(5);
            ds.setApplicationName("alexandria-tests");
            return ds;
        }

        private static void admin(String sql) {
            try (Connection connection = newDataSource().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SET lock_timeout = '20s'");
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + URL + " (user " + USER + ") is needed by this test: "
                        + sql + ": " + e.getMessage(), e);
            }
        }

        @Override
        public Kind kind() {
            return Kind.POSTGRES;
        }

        @Override
        public DataSource dataSource() {
            return dataSource;
        }

        @Override
        protected void drop() {
            try {
                dataSource.close();
            } catch (SQLException e) {
                throw new IllegalStateException("closing the test pool failed", e);
            }
            admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }

        @Override
        public String toString() {
            return "POSTGRES(" + schema + ")";
        }
    }
}
