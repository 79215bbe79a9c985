// The D1 audit trail: one record per evaluate call (worker/migrations/0001_audit.sql).
import type { EvaluateResponse } from '../shared/types';

export type StatusCounts = { compliant: number; short: number; pendingEvidence: number; invalid: number; blank: number };

export type AuditRecord = {
  batchId: string;
  time: string;
  ruleSet: string;
  engineVersion: string;
  asOf: string;
  rowCount: number;
  statusCounts: StatusCounts;
  bodySha256: string;
  tokenLabel: string;
};

export function statusCounts(response: EvaluateResponse): StatusCounts {
  const counts: StatusCounts = { compliant: 0, short: 0, pendingEvidence: 0, invalid: 0, blank: 0 };
  for (const r of response.results) {
    if (r.status === '达标') counts.compliant++;
    else if (r.status === '未达标') counts.short++;
    else if (r.status === '待补材料') counts.pendingEvidence++;
    else if (r.status === '数据有误') counts.invalid++;
    else counts.blank++;
  }
  return counts;
}

export async function writeAudit(db: D1Database, r: AuditRecord): Promise<void> {
  const s = r.statusCounts;
  await db
    .prepare(
      `INSERT INTO audit (batch_id, created_at, rule_set, engine_version, as_of, row_count,
         compliant, short, pending_evidence, invalid, blank, body_sha256, token_label)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(r.batchId, r.time, r.ruleSet, r.engineVersion, r.asOf, r.rowCount,
      s.compliant, s.short, s.pendingEvidence, s.invalid, s.blank, r.bodySha256, r.tokenLabel)
    .run();
}

type AuditRow = {
  batch_id: string; created_at: string; rule_set: string; engine_version: string; as_of: string; row_count: number;
  compliant: number; short: number; pending_evidence: number; invalid: number; blank: number;
  body_sha256: string; token_label: string;
};

function recordOf(row: AuditRow): AuditRecord {
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
    bodySha256: row.body_sha256,
    tokenLabel: row.token_label,
  };
}

/** How many records the audit holds. */
export async function auditTotal(db: D1Database): Promise<number> {
  return (await db.prepare('SELECT COUNT(*) AS n FROM audit').first<{ n: number }>())?.n ?? 0;
}

/** The latest `limit` records, newest first. */
export async function latestAudit(db: D1Database, limit: number): Promise<AuditRecord[]> {
  const { results } = await db.prepare('SELECT * FROM audit ORDER BY seq DESC LIMIT ?').bind(limit).all<AuditRow>();
  return results.map(recordOf);
}
