import type { Context } from 'hono';
import { latestAudit } from '../audit';
import type { AppEnv } from '../env';
import type { AuditQuery } from '../validation';

type AuditContext = Context<AppEnv, '/v1/audit', { in: { query: { limit?: string } }; out: { query: AuditQuery } }>;

/** GET /v1/audit?limit=N — the latest audit records, newest first. */
export const listAudit = async (c: AuditContext) => {
  const { limit } = c.req.valid('query');
  return c.json({ records: await latestAudit(c.env.DB, limit) });
};
