-- Crash groups: one per fingerprint. The fingerprint hashes the grouping rules' id, so groups made under
-- different rules never share one. The unique constraint decides which node creates a new group.
CREATE TABLE alx_crash_group (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  fingerprint VARCHAR(64) NOT NULL,
  grouping_rules VARCHAR(100) NOT NULL,
  signature VARCHAR(500) NOT NULL,
  exception_type VARCHAR(500) NOT NULL,
  exception_message VARCHAR(500) NOT NULL,
  platform VARCHAR(20) NOT NULL,
  trace_json TEXT NOT NULL,
  status VARCHAR(20) NOT NULL,
  merged_into VARCHAR(36),
  report_count BIGINT NOT NULL,
  first_seen_ms BIGINT NOT NULL,
  last_seen_ms BIGINT NOT NULL,
  created_ms BIGINT NOT NULL,
  CONSTRAINT alx_crash_group_fingerprint UNIQUE (fingerprint)
);
CREATE INDEX alx_crash_group_by_count ON alx_crash_group (status, report_count, id);
CREATE INDEX alx_crash_group_by_last_seen ON alx_crash_group (status, last_seen_ms, id);
CREATE INDEX alx_crash_group_by_type ON alx_crash_group (exception_type);

-- Every received report, parsed or not. The raw content lives in alx_crash_content so lists never load it.
CREATE TABLE alx_crash_report (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  received_ms BIGINT NOT NULL,
  occurred_ms BIGINT NOT NULL,
  app VARCHAR(200),
  app_version VARCHAR(100),
  os VARCHAR(200),
  device VARCHAR(200),
  customer_id VARCHAR(200),
  ticket_id VARCHAR(100),
  source VARCHAR(40) NOT NULL,
  content_chars BIGINT NOT NULL,
  parsed BOOLEAN NOT NULL,
  unparsed_reason VARCHAR(500),
  platform VARCHAR(20),
  exception_type VARCHAR(500),
  exception_message VARCHAR(4000),
  trace_json TEXT,
  fingerprint VARCHAR(64),
  grouping_rules VARCHAR(100),
  signature VARCHAR(500),
  group_id VARCHAR(36),
  CONSTRAINT alx_crash_report_group_fk FOREIGN KEY (group_id) REFERENCES alx_crash_group (id)
);
CREATE INDEX alx_crash_report_by_group ON alx_crash_report (group_id, received_ms, id);
CREATE INDEX alx_crash_report_by_ticket ON alx_crash_report (ticket_id);

CREATE TABLE alx_crash_content (
  report_id VARCHAR(36) NOT NULL PRIMARY KEY,
  content TEXT NOT NULL,
  CONSTRAINT alx_crash_content_report_fk FOREIGN KEY (report_id) REFERENCES alx_crash_report (id) ON DELETE CASCADE
);

-- Reports per group and app, app version, OS and customer, kept up to date on ingest and recomputed from
-- the reports on merge and split, so a group's statistics never scan its reports.
CREATE TABLE alx_crash_group_stat (
  group_id VARCHAR(36) NOT NULL,
  kind VARCHAR(10) NOT NULL,
  stat_value VARCHAR(200) NOT NULL,
  report_count BIGINT NOT NULL,
  last_seen_ms BIGINT NOT NULL,
  PRIMARY KEY (group_id, kind, stat_value),
  CONSTRAINT alx_crash_group_stat_group_fk FOREIGN KEY (group_id) REFERENCES alx_crash_group (id)
);
CREATE INDEX alx_crash_group_stat_by_value ON alx_crash_group_stat (kind, stat_value, group_id);
