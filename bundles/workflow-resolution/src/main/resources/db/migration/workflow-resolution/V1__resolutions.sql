-- One resolution proposal per ticket, rewritten by every run of the workflow (revision counts the runs).
-- audited_revision trails revision until the run's audit entries are written: a node killed in between
-- leaves the gap, and the next run (any node) writes the missing entries once.
-- facts_hash makes processing idempotent: a ticket whose correlated facts did not change is not processed
-- again, whatever event or catch-up sweep brings it. JSON columns hold the candidates and articles as shown.
CREATE TABLE alx_wf_resolution (
  ticket_id VARCHAR(36) NOT NULL PRIMARY KEY,
  ticket_key VARCHAR(40) NOT NULL,
  state VARCHAR(20) NOT NULL,
  revision INTEGER NOT NULL,
  audited_revision INTEGER NOT NULL,
  facts_hash VARCHAR(64) NOT NULL,
  link_group_id VARCHAR(36),
  link_signature VARCHAR(500),
  link_score DOUBLE PRECISION,
  link_status VARCHAR(20),
  link_signals TEXT,
  candidates TEXT NOT NULL,
  articles TEXT NOT NULL,
  reply TEXT,
  confidence DOUBLE PRECISION NOT NULL,
  explanation TEXT NOT NULL,
  unavailable VARCHAR(200) NOT NULL,
  created_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL,
  row_version BIGINT NOT NULL
);
CREATE INDEX alx_wf_resolution_by_group ON alx_wf_resolution (link_group_id, link_status);
CREATE INDEX alx_wf_resolution_by_state ON alx_wf_resolution (state, updated_ms);
CREATE INDEX alx_wf_resolution_by_audit ON alx_wf_resolution (audited_revision, revision);

-- Agents' decisions: the audit trail has them too; here they are labelled data for calibrating thresholds
-- (score and status of the link the agent judged) and the memory of rejected links.
CREATE TABLE alx_wf_decision (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  ticket_id VARCHAR(36) NOT NULL,
  action VARCHAR(20) NOT NULL,
  group_id VARCHAR(36),
  judged_group_id VARCHAR(36),
  judged_status VARCHAR(20),
  judged_score DOUBLE PRECISION,
  actor VARCHAR(200) NOT NULL,
  reason VARCHAR(2000),
  decided_ms BIGINT NOT NULL
);
CREATE INDEX alx_wf_decision_by_ticket ON alx_wf_decision (ticket_id, decided_ms);

-- The problem ticket of a crash group. The primary key decides which node creates it; a row whose
-- problem_ticket_id is still null after claim_ms + a grace period was claimed by a node that died.
CREATE TABLE alx_wf_problem (
  group_id VARCHAR(36) NOT NULL PRIMARY KEY,
  problem_ticket_id VARCHAR(36),
  claim_ms BIGINT NOT NULL
);

-- How far the catch-up sweep has read the tickets' change feed.
CREATE TABLE alx_wf_cursor (
  name VARCHAR(50) NOT NULL PRIMARY KEY,
  position VARCHAR(100) NOT NULL,
  last_change_ms BIGINT NOT NULL
);
