import { auditTotal, latestAudit, withTimeout, type AuditScope } from '../audit';
import { errorResponse } from '../errors';
import { factory } from '../factory';

/**
 * GET /v1/audit?limit=N — the latest audit records the caller may see, newest first, and how many there are:
 * its own label's records, or every label's for a label in CE_ADMIN_LABELS (`scope` says which).
 */
export const listAudit = factory.createHandlers(async (c) => {
  const scope: AuditScope = { reader: c.get('tokenLabel'), all: c.get('config').adminLabels.has(c.get('tokenLabel')) };
  try {
    const [total, records] = await withTimeout(
      Promise.all([auditTotal(c.env.DB, scope), latestAudit(c.env.DB, scope, c.get('auditLimit'))]),
      c.get('config').limits.auditTimeoutMs,
    );
    return c.json({ scope: scope.all ? 'all' : 'own', total, records });
  } catch (err) {
    console.error('audit read failed', c.get('requestId'), err);
    c.header('Retry-After', '5');
    return errorResponse(c, 503, 'AUDIT_UNAVAILABLE', '审计记录数据库暂时没有响应，请稍后重试');
  }
});
