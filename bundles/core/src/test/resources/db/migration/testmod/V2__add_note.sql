ALTER TABLE alx_test_thing ADD COLUMN note VARCHAR(100);
UPDATE alx_test_thing SET note = 'from V2' WHERE id = 1;
