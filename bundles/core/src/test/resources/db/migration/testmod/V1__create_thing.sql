-- Test-only module used by JdbcSchemaMigratorTest.
CREATE TABLE alx_test_thing (
  id INTEGER NOT NULL PRIMARY KEY,
  label VARCHAR(50) NOT NULL
);
INSERT INTO alx_test_thing (id, label) VALUES (1, 'one');
