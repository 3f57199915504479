package org.alexandria.core.internal.persistence;

import org.alexandria.testing.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.alexandria.api.persistence.MigrationException;
import org.alexandria.api.persistence.MigrationResult;
import org.alexandria.core.internal.TestClock;
import org.alexandria.core.internal.audit.JpaAuditTrail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbcSchemaMigrator} against embedded H2 and PostgreSQL. The test-only scripts are under
 * {@code src/test/resources/db/migration}.
 */
class JdbcSchemaMigratorTest {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(TestDatabase.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(TestDatabase.Kind.POSTGRES);
        }
    }

    abstract static class Contract {
        private final TestDatabase.Kind kind;
        private final TestClock clock = new TestClock();
        TestDatabase db;
        JdbcSchemaMigrator migrator;

        Contract(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @BeforeEach
        void createDatabase() {
            db = kind.create();
            migrator = new JdbcSchemaMigrator(db.dataSource(), clock);
        }

        @AfterEach
        void dropDatabase() {
            db.close();
        }

        private MigrationResult migrate(String module, String folder) {
            return migrator.migrate(module, JdbcSchemaMigratorTest.class, "db/migration/" + folder);
        }

        private List<Integer> appliedVersions(String module) {
            return db.query("SELECT version FROM alx_schema_history WHERE module = ? ORDER BY version", module).stream()
                    .map(row -> ((Number) row.get("version")).intValue()).toList();
        }

        @Test
        void coreSchemaIsAppliedOnceAndThenLeftAlone() {
            MigrationResult first = migrator.migrate("core", JpaAuditTrail.class, "db/migration/core");
            MigrationResult second = migrator.migrate("core", JpaAuditTrail.class, "db/migration/core");

            assertThat(first).isEqualTo(new MigrationResult("core", 2, 2));
            assertThat(second).isEqualTo(new MigrationResult("core", 0, 2));
            assertThat(appliedVersions("core")).containsExactly(1, 2);
            assertThat(db.queryLong("SELECT COUNT(*) FROM alx_audit_head")).isEqualTo(1);
            assertThat(db.queryLong("SELECT last_seq FROM alx_audit_head WHERE id = 1")).isZero();
            assertThat(db.tableExists("alx_api_token")).isTrue();
        }

        @Test
        void historyRecordsDescriptionChecksumAndTime() {
            migrate("testmod", "testmod");

            List<Map<String, Object>> rows = db.query(
                    "SELECT version, description, checksum, applied_ms FROM alx_schema_history WHERE module = 'testmod' ORDER BY version");
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).get("description")).isEqualTo("create thing");
            assertThat(rows.get(1).get("description")).isEqualTo("add note");
            assertThat((String) rows.get(0).get("checksum")).matches("[0-9a-f]{64}");
            assertThat(rows.get(0).get("checksum")).isNotEqualTo(rows.get(1).get("checksum"));
            assertThat(((Number) rows.get(0).get("applied_ms")).longValue()).isEqualTo(clock.millis());
        }

        @Test
        void scriptsRunInVersionOrderAndNonSqlFilesAreIgnored() {
            MigrationResult result = migrate("testmod", "testmod");

            assertThat(result).isEqualTo(new MigrationResult("testmod", 2, 2));
            // V2 alters the table V1 creates, so it can only have worked after V1
            assertThat(db.query("SELECT id, label, note FROM alx_test_thing"))
                    .containsExactly(Map.of("id", 1, "label", "one", "note", "from V2"));
            assertThat(migrate("testmod", "testmod")).isEqualTo(new MigrationResult("testmod", 0, 2));
        }

        @Test
        void versionsCountPerModule() {
            migrator.migrate("core", JpaAuditTrail.class, "db/migration/core");

            // testmod also has a V1 and V2; the core's do not count for it
            assertThat(migrate("testmod", "testmod")).isEqualTo(new MigrationResult("testmod", 2, 2));
            assertThat(appliedVersions("core")).containsExactly(1, 2);
            assertThat(appliedVersions("testmod")).containsExactly(1, 2);
        }

        @Test
        void missingFolderAppliesNothing() {
            assertThat(migrate("nothing", "does-not-exist")).isEqualTo(new MigrationResult("nothing", 0, 0));
            assertThat(appliedVersions("nothing")).isEmpty();
        }

        @Test
        void failedScriptIsRolledBackAndNotRecorded() {
            assertThatThrownBy(() -> migrate("testfail", "testfail"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("testfail/V2__broken.sql")
                    .hasMessageContaining("alx_test_no_such_table");

            // V1 stays applied, V2 is not recorded, V3 never ran
            assertThat(appliedVersions("testfail")).containsExactly(1);
            assertThat(db.tableExists("alx_test_never")).isFalse();
            List<Integer> ids = db.query("SELECT id FROM alx_test_ok ORDER BY id").stream()
                    .map(row -> ((Number) row.get("id")).intValue()).toList();
            if (db.transactionalDdl()) {
                // PostgreSQL: the whole script is one transaction
                assertThat(ids).containsExactly(1);
                assertThat(db.tableExists("alx_test_half")).isFalse();
            } else {
                // H2: CREATE TABLE committed the INSERT before it; the INSERT after it was rolled back
                assertThat(ids).containsExactly(1, 2);
                assertThat(db.tableExists("alx_test_half")).isTrue();
            }
        }

        @Test
        void failedMigrationCanBeRetriedAndDoesNotBlockOtherModules() {
            assertThatThrownBy(() -> migrate("testfail", "testfail")).isInstanceOf(MigrationException.class);
            // a second attempt fails again (the broken script is still not recorded) ...
            assertThatThrownBy(() -> migrate("testfail", "testfail")).isInstanceOf(MigrationException.class);
            assertThat(appliedVersions("testfail")).containsExactly(1);
            // ... and neither attempt left a lock behind
            MigrationResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> migrate("testmod", "testmod"));
            assertThat(result.applied()).isEqualTo(2);
        }

        @Test
        void changedScriptIsRefused() {
            migrate("testmod", "testmod");

            assertThatThrownBy(() -> migrate("testmod", "testmod_changed"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("V1__create_thing.sql")
                    .hasMessageContaining("changed");
            // nothing after the changed script ran either
            assertThat(appliedVersions("testmod")).containsExactly(1, 2);
            assertThat(db.tableExists("alx_test_more")).isFalse();
        }

        @Test
        void tamperedChecksumInHistoryIsRefused() {
            migrate("testmod", "testmod");
            db.update("UPDATE alx_schema_history SET checksum = ? WHERE module = 'testmod' AND version = 2", "0".repeat(64));

            assertThatThrownBy(() -> migrate("testmod", "testmod"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("V2__add_note.sql");
        }

        @Test
        void malformedScriptNameIsRefusedBeforeAnythingRuns() {
            assertThatThrownBy(() -> migrate("testbadname", "testbadname"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("V2-missing-double-underscore.sql");

            assertThat(db.tableExists("alx_test_fine")).isFalse();
            assertThat(db.tableExists("alx_test_badname")).isFalse();
        }

        @Test
        void twoScriptsWithTheSameVersionAreRefused() {
            assertThatThrownBy(() -> migrate("testdupe", "testdupe"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("version 1");

            assertThat(db.tableExists("alx_test_first")).isFalse();
            assertThat(db.tableExists("alx_test_second")).isFalse();
        }
    }
}
