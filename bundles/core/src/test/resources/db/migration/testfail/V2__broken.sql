-- Fails at its last statement. On PostgreSQL everything before it is rolled back. On H2 the CREATE TABLE
-- commits the open transaction (and itself), so only the statements after it are rolled back.
INSERT INTO alx_test_ok (id) VALUES (2);
CREATE TABLE alx_test_half (id INTEGER NOT NULL PRIMARY KEY);
INSERT INTO alx_test_ok (id) VALUES (3);
INSERT INTO alx_test_no_such_table (id) VALUES (1);
