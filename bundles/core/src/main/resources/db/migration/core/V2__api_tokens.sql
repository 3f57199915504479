-- API tokens for machines. Only the SHA-256 of a token's secret is stored.
CREATE TABLE alx_api_token (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  subject VARCHAR(200) NOT NULL,
  roles VARCHAR(200) NOT NULL,
  secret_hash VARCHAR(64) NOT NULL UNIQUE,
  created_by VARCHAR(200) NOT NULL,
  created_ms BIGINT NOT NULL,
  revoked_ms BIGINT
);
