// The D1 audit trail: one record per evaluate call (worker/migrations/). A tenant (token label) reads only its own
// records unless its label is an admin label; a record's body HMAC is shown only to the tenant that sent the body.
import type { StatusCounts } from '../shared/status-counts';

/** One column per status key (shared/status-counts) and `blank`, as stored in D1. */
export type AuditStatusCounts = Omit<StatusCounts, 'total'>;

export type AuditRecord = {
  batchId: string;
  time: string;
  ruleSet: string;
  engineVersion: string;
  asOf: string;
  rowCount: number;
  statusCounts: AuditStatusCounts;
  /** HMAC-SHA-256 hex of the raw request body (CE_AUDIT_HMAC_KEY); null when read by another tenant. */
  bodyHmac: string | null;
  tokenLabel: string;
};

/** The counts an audit record keeps: the shared counts without `total` (the stored columns; records keep this shape). */
export function storedCounts(counts: StatusCounts): AuditStatusCounts {
  const { total: _total, ...stored } = counts;
  return stored;
}

export async function writeAudit(db: D1Database, r: AuditRecord): Promise<void> {
  const s = r.statusCounts;
  await db
    .prepare(
      `INSERT INTO audit (batch_id, created_at, rule_set, engine_version, as_of, row_count,
         compliant, short, pending_evidence, invalid, blank, body_hmac, token_label)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(r.batchId, r.time, r.ruleSet, r.engineVersion, r.asOf, r.rowCount,
      s.compliant, s.short, s.pendingEvidence, s.invalid, s.blank, r.bodyHmac, r.tokenLabel)
    .run();
}

type AuditRow = {
  batch_id: string; created_at: string; rule_set: string; engine_version: string; as_of: string; row_count: number;
  compliant: number; short: number; pending_evidence: number; invalid: number; blank: number;
  body_hmac: string; token_label: string;
};

function recordOf(row: AuditRow, reader: string): AuditRecord {
  return {
    batchId: row.batch_id,
    time: row.created_at,
    ruleSet: row.rule_set,
    engineVersion: row.engine_version,
    asOf: row.as_of,
    rowCount: row.row_count,
    statusCounts: {
      compliant: row.compliant,
      short: row.short,
      pendingEvidence: row.pending_evidence,
      invalid: row.invalid,
      blank: row.blank,
    },
    bodyHmac: row.token_label === reader ? row.body_hmac : null,
    tokenLabel: row.token_label,
  };
}

/** Whose records a reader sees: its own label's, or every label's for an admin label. */
export type AuditScope = { reader: string; all: boolean };

/** How many records the reader may see. */
export async function auditTotal(db: D1Database, scope: AuditScope): Promise<number> {
  const query = scope.all
    ? db.prepare('SELECT COUNT(*) AS n FROM audit')
    : db.prepare('SELECT COUNT(*) AS n FROM audit WHERE token_label = ?').bind(scope.reader);
  return (await query.first<{ n: number }>())?.n ?? 0;
}

/** The latest `limit` records the reader may see, newest first. */
export async function latestAudit(db: D1Database, scope: AuditScope, limit: number): Promise<AuditRecord[]> {
  const query = scope.all
    ? db.prepare('SELECT * FROM audit ORDER BY seq DESC LIMIT ?').bind(limit)
    : db.prepare('SELECT * FROM audit WHERE token_label = ? ORDER BY seq DESC LIMIT ?').bind(scope.reader, limit);
  const { results } = await query.all<AuditRow>();
  return results.map((row) => recordOf(row, scope.reader));
}

export class AuditTimeoutError extends Error {
  constructor(ms: number) {
    super(`audit database took longer than ${ms} ms`);
    this.name = 'AuditTimeoutError';
  }
}

/** `p`, or an AuditTimeoutError after `ms` milliseconds. */
export async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AuditTimeoutError(ms)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
