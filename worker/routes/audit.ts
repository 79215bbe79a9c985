import type { Context } from 'hono';
import { auditTotal, latestAudit } from '../audit';
import type { AppEnv } from '../env';
import type { AuditQuery } from '../validation';

type AuditContext = Context<AppEnv, '/v1/audit', { in: { query: { limit?: string } }; out: { query: AuditQuery } }>;

/** GET /v1/audit?limit=N — the latest audit records, newest first, and how many there are in all. */
export const listAudit = async (c: AuditContext) => {
  const { limit } = c.req.valid('query');
  const [total, records] = await Promise.all([auditTotal(c.env.DB), latestAudit(c.env.DB, limit)]);
  return c.json({ total, records });
};
