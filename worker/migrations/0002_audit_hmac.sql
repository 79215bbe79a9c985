-- The body hash becomes an HMAC under the server-side secret CE_AUDIT_HMAC_KEY: a plain SHA-256 of a body that holds
-- names and ID numbers lets anyone confirm a guessed roster. Records written before this migration held a plain
-- SHA-256; it is dropped (emptied) rather than kept as such an oracle.
ALTER TABLE audit RENAME COLUMN body_sha256 TO body_hmac;
UPDATE audit SET body_hmac = '';
-- each tenant reads its own records, newest first
CREATE INDEX audit_label_seq ON audit (token_label, seq);
