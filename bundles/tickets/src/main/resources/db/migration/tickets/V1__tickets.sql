-- Tickets plugin schema: organizations and customers with segmentation attributes, custom field definitions,
-- tickets with tags and typed custom field values, conversation, attachments and links.
-- Times are epoch milliseconds (BIGINT); ids are UUIDs as text.

-- Ticket numbers: one counter row per sequence, incremented with UPDATE inside the creating transaction, so
-- concurrent creations (on one node or several sharing the database) wait for each other's row lock and never
-- get the same number.
CREATE TABLE tkt_counter (
  name VARCHAR(50) NOT NULL PRIMARY KEY,
  last_value BIGINT NOT NULL
);
INSERT INTO tkt_counter (name, last_value) VALUES ('ticket', 0);

CREATE TABLE tkt_organization (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  domain VARCHAR(200),
  plan VARCHAR(100),
  tier VARCHAR(100),
  region VARCHAR(100),
  created_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL
);
CREATE UNIQUE INDEX tkt_organization_name ON tkt_organization (name);

CREATE TABLE tkt_customer (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  email VARCHAR(320),
  phone VARCHAR(50),
  organization_id VARCHAR(36) REFERENCES tkt_organization (id),
  plan VARCHAR(100),
  tier VARCHAR(100),
  region VARCHAR(100),
  created_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL
);
CREATE UNIQUE INDEX tkt_customer_email ON tkt_customer (email);
CREATE INDEX tkt_customer_org ON tkt_customer (organization_id);

-- Products and versions in use, by a customer (owner_type 'customer') or an organization ('organization').
CREATE TABLE tkt_product_use (
  owner_type VARCHAR(20) NOT NULL,
  owner_id VARCHAR(36) NOT NULL,
  product VARCHAR(200) NOT NULL,
  version VARCHAR(100) NOT NULL,
  PRIMARY KEY (owner_type, owner_id, product, version)
);

-- How a customer may be contacted (channel: email, web, api, phone) and consent flags by purpose
-- (e.g. email, phone, marketing, data-processing).
CREATE TABLE tkt_customer_channel (
  customer_id VARCHAR(36) NOT NULL REFERENCES tkt_customer (id) ON DELETE CASCADE,
  channel VARCHAR(20) NOT NULL,
  PRIMARY KEY (customer_id, channel)
);
CREATE TABLE tkt_customer_consent (
  customer_id VARCHAR(36) NOT NULL REFERENCES tkt_customer (id) ON DELETE CASCADE,
  purpose VARCHAR(100) NOT NULL,
  granted BOOLEAN NOT NULL,
  PRIMARY KEY (customer_id, purpose)
);

-- Custom fields: type STRING, NUMBER, BOOLEAN, DATE or ENUM; enum options separated by newlines.
CREATE TABLE tkt_field_def (
  name VARCHAR(100) NOT NULL PRIMARY KEY,
  label VARCHAR(200) NOT NULL,
  field_type VARCHAR(20) NOT NULL,
  options VARCHAR(4000),
  required BOOLEAN NOT NULL,
  created_ms BIGINT NOT NULL
);

CREATE TABLE tkt_ticket (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  number BIGINT NOT NULL,
  ticket_key VARCHAR(30) NOT NULL,
  subject VARCHAR(500) NOT NULL,
  description TEXT NOT NULL,
  status VARCHAR(20) NOT NULL,
  priority VARCHAR(20) NOT NULL,
  priority_rank INTEGER NOT NULL,
  ticket_type VARCHAR(20) NOT NULL,
  channel VARCHAR(20) NOT NULL,
  requester_id VARCHAR(36) NOT NULL REFERENCES tkt_customer (id),
  organization_id VARCHAR(36) REFERENCES tkt_organization (id),
  assignee VARCHAR(200),
  group_name VARCHAR(200),
  product VARCHAR(200),
  app_version VARCHAR(100),
  env_os VARCHAR(200),
  env_device VARCHAR(200),
  created_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL,
  first_response_ms BIGINT,
  solved_ms BIGINT,
  merged_into VARCHAR(36),
  sla_policy_id VARCHAR(36),
  first_response_due_ms BIGINT,
  resolution_due_ms BIGINT,
  first_response_breached BOOLEAN NOT NULL,
  resolution_breached BOOLEAN NOT NULL
);
CREATE UNIQUE INDEX tkt_ticket_number ON tkt_ticket (number);
CREATE UNIQUE INDEX tkt_ticket_key ON tkt_ticket (ticket_key);
CREATE INDEX tkt_ticket_status ON tkt_ticket (status, number);
CREATE INDEX tkt_ticket_assignee ON tkt_ticket (assignee, number);
CREATE INDEX tkt_ticket_requester ON tkt_ticket (requester_id, number);
CREATE INDEX tkt_ticket_org ON tkt_ticket (organization_id, number);
CREATE INDEX tkt_ticket_created ON tkt_ticket (created_ms, number);
CREATE INDEX tkt_ticket_updated ON tkt_ticket (updated_ms, number);
CREATE INDEX tkt_ticket_first_due ON tkt_ticket (first_response_due_ms);
CREATE INDEX tkt_ticket_resolution_due ON tkt_ticket (resolution_due_ms);

CREATE TABLE tkt_ticket_tag (
  ticket_id VARCHAR(36) NOT NULL REFERENCES tkt_ticket (id) ON DELETE CASCADE,
  tag VARCHAR(100) NOT NULL,
  PRIMARY KEY (ticket_id, tag)
);
CREATE INDEX tkt_ticket_tag_tag ON tkt_ticket_tag (tag, ticket_id);

-- Custom field values in canonical text form (number: plain decimal, boolean: true/false, date: yyyy-mm-dd).
CREATE TABLE tkt_ticket_field (
  ticket_id VARCHAR(36) NOT NULL REFERENCES tkt_ticket (id) ON DELETE CASCADE,
  field_name VARCHAR(100) NOT NULL REFERENCES tkt_field_def (name),
  field_value VARCHAR(4000) NOT NULL,
  PRIMARY KEY (ticket_id, field_name)
);

-- Conversation: public replies and internal notes. seq orders the entries of one ticket written in the same
-- millisecond (taken under the ticket's row lock); moved_from is the key of the ticket a merge moved it from.
CREATE TABLE tkt_comment (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  ticket_id VARCHAR(36) NOT NULL REFERENCES tkt_ticket (id),
  seq BIGINT NOT NULL,
  author VARCHAR(200) NOT NULL,
  author_type VARCHAR(20) NOT NULL,
  visibility VARCHAR(20) NOT NULL,
  body TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  moved_from VARCHAR(30)
);
CREATE INDEX tkt_comment_ticket ON tkt_comment (ticket_id, created_ms);

CREATE TABLE tkt_attachment (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  ticket_id VARCHAR(36) NOT NULL REFERENCES tkt_ticket (id),
  file_name VARCHAR(255) NOT NULL,
  content_type VARCHAR(200) NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  content BYTEA NOT NULL,
  uploaded_by VARCHAR(200) NOT NULL,
  created_ms BIGINT NOT NULL
);
CREATE INDEX tkt_attachment_ticket ON tkt_attachment (ticket_id, created_ms);

-- Links: DUPLICATE_OF, RELATED, INCIDENT_OF (source incident, target problem).
CREATE TABLE tkt_link (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  link_type VARCHAR(20) NOT NULL,
  source_id VARCHAR(36) NOT NULL REFERENCES tkt_ticket (id),
  target_id VARCHAR(36) NOT NULL REFERENCES tkt_ticket (id),
  created_by VARCHAR(200) NOT NULL,
  created_ms BIGINT NOT NULL
);
CREATE UNIQUE INDEX tkt_link_unique ON tkt_link (source_id, target_id, link_type);
CREATE INDEX tkt_link_target ON tkt_link (target_id);
