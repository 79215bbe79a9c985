-- One record per POST /v1/evaluate call. No roster content: no names, no ID numbers, no tokens.
CREATE TABLE audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,   -- insertion order: newest first = ORDER BY seq DESC
  batch_id TEXT NOT NULL UNIQUE,           -- the request id, returned to the caller as batchId
  created_at TEXT NOT NULL,                -- ISO 8601 UTC
  rule_set TEXT NOT NULL,
  engine_version TEXT NOT NULL,
  as_of TEXT NOT NULL,                     -- the date the deadlines were checked against
  row_count INTEGER NOT NULL,              -- rows in the request (blank rows included)
  compliant INTEGER NOT NULL,              -- 达标
  short INTEGER NOT NULL,                  -- 未达标
  pending_evidence INTEGER NOT NULL,       -- 待补材料
  invalid INTEGER NOT NULL,                -- 数据有误
  blank INTEGER NOT NULL,                  -- blank rows, skipped
  body_sha256 TEXT NOT NULL,               -- SHA-256 hex of the raw request body
  token_label TEXT NOT NULL                -- the label of the bearer token, never the token
);
