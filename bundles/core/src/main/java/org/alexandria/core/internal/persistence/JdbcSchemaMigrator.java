package org.alexandria.core.internal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.alexandria.api.persistence.MigrationException;
import org.alexandria.api.persistence.MigrationResult;
import org.alexandria.api.persistence.SchemaMigrator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies versioned SQL scripts with plain JDBC, independent of EclipseLink. On PostgreSQL, nodes that
 * start together serialize on an advisory lock; an embedded H2 database belongs to one process, where a
 * JVM lock is enough.
 */
@Component(service = SchemaMigrator.class)
public final class JdbcSchemaMigrator implements SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSchemaMigrator.class);
    /** Arbitrary, fixed key of the PostgreSQL advisory lock ("alexmigr"). */
    private static final long PG_LOCK_KEY = 0x616c65786d696772L;
    private static final ReentrantLock JVM_LOCK = new ReentrantLock();

    private final DataSource dataSource;
    private final Clock clock;

    /** @param dataSource the platform database */
    @Activate
    public JdbcSchemaMigrator(@Reference(target = "(osgi.jndi.service.name=alexandria)") DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    JdbcSchemaMigrator(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public MigrationResult migrate(String module, Class<?> owner, String location) {
        List<MigrationScript> scripts = MigrationScripts.find(owner, location);
        JVM_LOCK.lock();
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            if (postgres) {
                execute(connection, "SELECT pg_advisory_lock(" + PG_LOCK_KEY + ")");
            }
            try {
                return apply(connection, module, scripts);
            } finally {
                if (postgres) {
                    connection.setAutoCommit(true);
                    execute(connection, "SELECT pg_advisory_unlock(" + PG_LOCK_KEY + ")");
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("Migrating " + module + " failed: " + e.getMessage(), e);
        } finally {
            JVM_LOCK.unlock();
        }
    }

    private MigrationResult apply(Connection connection, String module, List<MigrationScript> scripts) throws SQLException {
        connection.setAutoCommit(true);
        execute(connection, """
                CREATE TABLE IF NOT EXISTS alx_schema_history (
                  module VARCHAR(100) NOT NULL,
                  version INTEGER NOT NULL,
                  description VARCHAR(200) NOT NULL,
                  checksum VARCHAR(64) NOT NULL,
                  applied_ms BIGINT NOT NULL,
                  PRIMARY KEY (module, version))""");
        Map<Integer, String> applied = appliedVersions(connection, module);
        int count = 0;
        int version = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (MigrationScript script : scripts) {
            String checksum = script.checksum();
            String known = applied.get(script.version());
            if (known != null) {
                if (!known.equals(checksum)) {
                    throw new MigrationException("Migration " + module + "/" + script.name()
                            + " was changed after it was applied; add a new version instead");
                }
                continue;
            }
            applyOne(connection, module, script, checksum);
            count++;
            version = Math.max(version, script.version());
        }
        return new MigrationResult(module, count, version);
    }

    private void applyOne(Connection connection, String module, MigrationScript script, String checksum) throws SQLException {
        connection.setAutoCommit(false);
        String current = "";
        try (Statement statement = connection.createStatement()) {
            for (String sql : script.statements()) {
                current = sql;
                statement.execute(sql);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO alx_schema_history (module, version, description, checksum, applied_ms) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, module);
                insert.setInt(2, script.version());
                insert.setString(3, script.description());
                insert.setString(4, checksum);
                insert.setLong(5, clock.millis());
                insert.executeUpdate();
            }
            connection.commit();
            LOG.info("Applied migration {}/{}", module, script.name());
        } catch (SQLException e) {
            connection.rollback();
            throw new MigrationException("Migration " + module + "/" + script.name() + " failed at: " + current
                    + " (" + e.getMessage() + ")", e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static Map<Integer, String> appliedVersions(Connection connection, String module) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version, checksum FROM alx_schema_history WHERE module = ?")) {
            select.setString(1, module);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    applied.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return applied;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
