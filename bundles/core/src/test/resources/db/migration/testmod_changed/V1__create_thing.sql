-- Same version as testmod/V1__create_thing.sql, edited after it was applied.
CREATE TABLE alx_test_thing (
  id INTEGER NOT NULL PRIMARY KEY,
  label VARCHAR(80) NOT NULL
);
INSERT INTO alx_test_thing (id, label) VALUES (1, 'one');
