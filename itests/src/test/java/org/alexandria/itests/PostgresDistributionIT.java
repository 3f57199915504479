package org.alexandria.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.alexandria.itests.Http.Reply;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.spi.PaxExamRuntime;

/**
 * The production set-up: the distribution with etc/org.ops4j.datasource-alexandria.cfg pointed at the
 * local PostgreSQL (a schema of its own per run). Checks that migrations create the schema there and
 * that the platform serves, audits and verifies on it.
 */
public class PostgresDistributionIT {

    private static final String URL = System.getProperty("alexandria.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("alexandria.test.postgres.user", "postgres");
    private static final String PASSWORD = System.getProperty("alexandria.test.postgres.password", "");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http http = new Http(AlexandriaOptions.HTTP_PORT);

    @Test
    public void platformRunsOnPostgresChosenByOneConfigFile() throws Exception {
        String schema = "alx_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        sql("CREATE SCHEMA " + schema);
        TestContainer container = null;
        try {
            container = PaxExamRuntime.createContainer(PaxExamRuntime.createServerSystem(AlexandriaOptions.distribution(
                    datasource("osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"),
                    datasource("url", URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema),
                    datasource("user", USER),
                    datasource("password", PASSWORD),
                    datasource("dataSourceName", "alexandria"),
                    datasource("pool", "dbcp2"),
                    datasource("xa", "false"), AlexandriaOptions.withoutDemoData()))).start();

            Reply health = http.awaitPlatform(Duration.ofSeconds(120));
            assertEquals("UP", JSON.readTree(health.body()).get("status").asText());
            http.await("/api/v1/audit", "admin", r -> r.status() == 200, Duration.ofSeconds(30));

            Reply created = http.postJson("/api/v1/tokens", "admin", "{\"name\":\"pg\",\"roles\":[\"agent\"]}");
            assertEquals(created.body(), 201, created.status());
            JsonNode verify = JSON.readTree(http.get("/api/v1/audit/verify", "admin").body());
            assertTrue(verify.toString(), verify.get("valid").asBoolean());

            assertEquals(1, count("SELECT count(*) FROM " + schema + ".alx_audit_entry WHERE entity_type = 'api-token'"));
            assertEquals(2, count("SELECT count(*) FROM " + schema + ".alx_schema_history WHERE module = 'core'"));
            // every domain plugin migrated its own tables into the same PostgreSQL schema
            for (String plugin : AlexandriaOptions.DOMAIN_PLUGINS) {
                assertTrue(plugin, count("SELECT count(*) FROM " + schema + ".alx_schema_history WHERE module = '" + plugin + "'") >= 1);
            }
        } finally {
            if (container != null) {
                container.stop();
            }
            sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static Option datasource(String key, String value) {
        return editConfigurationFilePut("etc/org.ops4j.datasource-alexandria.cfg", key, value);
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static long count(String query) throws Exception {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
