import type { Context } from 'hono';
import { auditTotal, latestAudit, type AuditScope } from '../audit';
import type { AppEnv } from '../env';

/**
 * GET /v1/audit?limit=N — the latest audit records the caller may see, newest first, and how many there are:
 * its own label's records, or every label's for a label in CE_ADMIN_LABELS (`scope` says which).
 */
export const listAudit = async (c: Context<AppEnv>) => {
  const scope: AuditScope = { reader: c.var.tokenLabel, all: c.var.config.adminLabels.has(c.var.tokenLabel) };
  const [total, records] = await Promise.all([auditTotal(c.env.DB, scope), latestAudit(c.env.DB, scope, c.var.auditLimit)]);
  return c.json({ scope: scope.all ? 'all' : 'own', total, records });
};
