-- SLA policies: which tickets they apply to (the requester's plan, first matching position wins), business
-- hours (time zone, weekdays as MONDAY,TUESDAY,..., local start and end; no weekdays means around the clock)
-- and per-priority first-response and resolution targets in minutes of business time.
CREATE TABLE tkt_sla_policy (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  plan VARCHAR(100),
  position INTEGER NOT NULL,
  time_zone VARCHAR(100),
  weekdays VARCHAR(100),
  day_start VARCHAR(5),
  day_end VARCHAR(5),
  created_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL
);
CREATE UNIQUE INDEX tkt_sla_policy_name ON tkt_sla_policy (name);
CREATE TABLE tkt_sla_target (
  policy_id VARCHAR(36) NOT NULL REFERENCES tkt_sla_policy (id) ON DELETE CASCADE,
  priority VARCHAR(20) NOT NULL,
  first_response_minutes INTEGER,
  resolution_minutes INTEGER,
  PRIMARY KEY (policy_id, priority)
);
