package org.alexandria.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.alexandria.api.audit.Actor;
import org.alexandria.api.audit.AuditEntry;
import org.alexandria.api.audit.AuditQuery;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.audit.AuditVerification;
import org.alexandria.api.audit.EntityRef;
import org.alexandria.api.plugin.HealthReport;
import org.alexandria.api.plugin.HealthStatus;
import org.alexandria.api.plugin.PluginInfo;
import org.alexandria.api.plugin.PluginRegistry;
import org.alexandria.api.plugin.PluginState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    private static final PluginInfo CORE = new PluginInfo("core", "Alexandria core", "1.0", Set.of("audit"), "alexandria-core",
            PluginState.ACTIVE, HealthStatus.UP, null, Instant.EPOCH);
    private static final PluginInfo GONE = new PluginInfo("old", "Old plugin", "0.9", Set.of(), "old-bundle",
            PluginState.GONE, HealthStatus.DOWN, "plugin service went away", Instant.EPOCH);

    private final PluginRegistry registry = new PluginRegistry() {
        @Override
        public List<PluginInfo> plugins() {
            return List.of(CORE, GONE);
        }

        @Override
        public Optional<PluginInfo> plugin(String id) {
            return plugins().stream().filter(p -> p.id().equals(id)).findFirst();
        }

        @Override
        public HealthReport health() {
            return new HealthReport(HealthStatus.UP, Instant.EPOCH, plugins());
        }
    };

    private final List<AuditQuery> queries = new ArrayList<>();
    private AuditVerification verification = new AuditVerification(true, 3, null, List.of());
    private final AuditTrail audit = new AuditTrail() {
        @Override
        public AuditEntry append(AuditRecord record) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuditEntry> query(AuditQuery query) {
            queries.add(query);
            return List.of(new AuditEntry(7, Instant.EPOCH, Actor.user("admin"), "api-token.issue",
                    new EntityRef("api-token", "t1"), null, null, "roles=agent", "0".repeat(64), "a".repeat(64)));
        }

        @Override
        public AuditVerification verify() {
            return verification;
        }
    };

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    void pluginsListsActiveAndGone() {
        PluginsCommand command = new PluginsCommand();
        command.registry = registry;
        command.execute();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("core", "ACTIVE", "old", "GONE", "alexandria-core");
    }

    @Test
    void healthShowsOnlyActivePluginsAndCanNarrowToOne() {
        HealthCommand command = new HealthCommand();
        command.registry = registry;
        command.execute();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Platform: UP", "core").doesNotContain("old-bundle");

        command.pluginId = "nope";
        command.execute();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No plugin with id 'nope'");
    }

    @Test
    void auditPassesFiltersAndRefusesEntityWithoutType() {
        AuditCommand command = new AuditCommand();
        command.audit = audit;
        command.entityType = "api-token";
        command.actor = "admin";
        command.limit = 10;
        command.execute();
        assertThat(queries).singleElement().satisfies(q -> {
            assertThat(q.entityType()).isEqualTo("api-token");
            assertThat(q.actor()).isEqualTo("admin");
            assertThat(q.limit()).isEqualTo(10);
        });
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("api-token.issue", "api-token/t1", "user:admin");

        AuditCommand bad = new AuditCommand();
        bad.audit = audit;
        bad.entityId = "t1";
        bad.execute();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--entity needs --type");
        assertThat(queries).hasSize(1);
    }

    @Test
    void auditVerifyReportsIntactAndBrokenChains() {
        AuditVerifyCommand command = new AuditVerifyCommand();
        command.audit = audit;
        command.execute();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Audit trail intact: 3 entries verified");

        verification = new AuditVerification(false, 3, 2L, List.of("entry 2 was modified (hash mismatch)"));
        command.execute();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("BROKEN at entry 2", "entry 2 was modified");
    }
}
