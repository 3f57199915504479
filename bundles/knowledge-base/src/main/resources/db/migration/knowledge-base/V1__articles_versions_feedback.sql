-- Knowledge-base articles. tags is ",tag1,tag2," (sorted) so that one tag is found with LIKE '%,tag,%'.
-- questions are the article's example customer questions, one a line.
CREATE TABLE alx_kb_article (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  slug VARCHAR(100) NOT NULL UNIQUE,
  title VARCHAR(300) NOT NULL,
  body VARCHAR(100000) NOT NULL,
  tags VARCHAR(1100) NOT NULL,
  product VARCHAR(100),
  status VARCHAR(20) NOT NULL,
  questions VARCHAR(60000) NOT NULL,
  author VARCHAR(200) NOT NULL,
  created_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX alx_kb_article_created ON alx_kb_article (created_ms, id);

-- Full history: every save of an article (create, update, publish, archive) is one version.
CREATE TABLE alx_kb_article_version (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  article_id VARCHAR(36) NOT NULL,
  version INTEGER NOT NULL,
  title VARCHAR(300) NOT NULL,
  body VARCHAR(100000) NOT NULL,
  tags VARCHAR(1100) NOT NULL,
  product VARCHAR(100),
  status VARCHAR(20) NOT NULL,
  questions VARCHAR(60000) NOT NULL,
  author VARCHAR(200) NOT NULL,
  created_ms BIGINT NOT NULL,
  CONSTRAINT alx_kb_version_unique UNIQUE (article_id, version),
  CONSTRAINT alx_kb_version_article FOREIGN KEY (article_id) REFERENCES alx_kb_article (id) ON DELETE CASCADE
);

-- One answer of POST /api/v1/kb/suggest, kept so that feedback on it records what was suggested:
-- results is one "articleId score" line per suggestion, best first.
CREATE TABLE alx_kb_suggestion (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  query_text VARCHAR(2000) NOT NULL,
  results VARCHAR(4000) NOT NULL,
  requested_by VARCHAR(200) NOT NULL,
  created_ms BIGINT NOT NULL
);

-- Helpful / not helpful, on an article or on one suggestion of it (then with its query, rank and score).
CREATE TABLE alx_kb_feedback (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  article_id VARCHAR(36) NOT NULL,
  helpful BOOLEAN NOT NULL,
  suggestion_id VARCHAR(36),
  query_text VARCHAR(2000),
  suggestion_rank INTEGER,
  suggestion_score DOUBLE PRECISION,
  comment_text VARCHAR(2000),
  given_by VARCHAR(200) NOT NULL,
  created_ms BIGINT NOT NULL,
  CONSTRAINT alx_kb_feedback_article FOREIGN KEY (article_id) REFERENCES alx_kb_article (id) ON DELETE CASCADE
);
CREATE INDEX alx_kb_feedback_by_article ON alx_kb_feedback (article_id, created_ms);
