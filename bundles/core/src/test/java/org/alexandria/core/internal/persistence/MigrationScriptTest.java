package org.alexandria.core.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.alexandria.api.persistence.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationScriptTest {

    @Test
    void nameGivesVersionAndDescription() {
        MigrationScript script = MigrationScript.of("V12__create_ticket_tables.sql", "SELECT 1;");

        assertThat(script.version()).isEqualTo(12);
        assertThat(script.description()).isEqualTo("create ticket tables");
        assertThat(script.name()).isEqualTo("V12__create_ticket_tables.sql");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1__lower_case_v.sql", "V1_single_underscore.sql", "V__no_version.sql", "V1__.sql",
            "V1__has-dash.sql", "V1__a.SQL", "V1234567__seven_digits.sql", "V1__a.sql.bak", "1__no_v.sql"})
    void malformedNamesAreRefused(String name) {
        assertThat(MigrationScript.isScriptName(name)).isFalse();
        assertThatThrownBy(() -> MigrationScript.of(name, "SELECT 1;"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining(name);
    }

    @Test
    void statementsSplitAtSemicolonsAtLineEndsAndSkipComments() {
        String sql = """
                -- a comment; with a semicolon
                CREATE TABLE t (
                  id INTEGER,
                  note VARCHAR(10) DEFAULT 'a;b'
                );

                INSERT INTO t (id) VALUES (1);
                   -- indented comment
                UPDATE t SET id = 2""";

        assertThat(MigrationScript.of("V1__t.sql", sql).statements()).containsExactly(
                "CREATE TABLE t (\n  id INTEGER,\n  note VARCHAR(10) DEFAULT 'a;b'\n)",
                "INSERT INTO t (id) VALUES (1)",
                "UPDATE t SET id = 2");
    }

    @Test
    void checksumIgnoresLineEndingsButNotContent() {
        String unix = MigrationScript.of("V1__a.sql", "CREATE TABLE a (id INTEGER);\nINSERT INTO a VALUES (1);\n").checksum();
        String windows = MigrationScript.of("V1__a.sql", "CREATE TABLE a (id INTEGER);\r\nINSERT INTO a VALUES (1);\r\n").checksum();
        String edited = MigrationScript.of("V1__a.sql", "CREATE TABLE a (id INTEGER);\nINSERT INTO a VALUES (2);\n").checksum();

        assertThat(unix).matches("[0-9a-f]{64}").isEqualTo(windows).isNotEqualTo(edited);
    }
}
