-- Append-only audit trail with a hash chain. alx_audit_head holds the chain's tip and is locked
-- (SELECT ... FOR UPDATE) by every append, which serializes appends across platform nodes.
CREATE TABLE alx_audit_entry (
  seq BIGINT NOT NULL PRIMARY KEY,
  recorded_ms BIGINT NOT NULL,
  actor_type VARCHAR(16) NOT NULL,
  actor_name VARCHAR(200) NOT NULL,
  action VARCHAR(200) NOT NULL,
  entity_type VARCHAR(100) NOT NULL,
  entity_id VARCHAR(200) NOT NULL,
  reason VARCHAR(4000),
  before_state VARCHAR(4000),
  after_state VARCHAR(4000),
  prev_hash VARCHAR(64) NOT NULL,
  hash VARCHAR(64) NOT NULL
);
CREATE INDEX alx_audit_entity ON alx_audit_entry (entity_type, entity_id, seq);
CREATE INDEX alx_audit_actor ON alx_audit_entry (actor_name, seq);
CREATE INDEX alx_audit_time ON alx_audit_entry (recorded_ms);
CREATE TABLE alx_audit_head (
  id INTEGER NOT NULL PRIMARY KEY,
  last_seq BIGINT NOT NULL,
  last_hash VARCHAR(64) NOT NULL
);
INSERT INTO alx_audit_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
