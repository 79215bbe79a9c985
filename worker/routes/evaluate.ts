import { compactAnswerJson, evaluationCounts } from '../../shared/compact-json';
import { evaluateRows as evaluateAll, responseOf, rowsOf } from '../../shared/evaluate';
import { DEFAULT_RULE_SET, ENGINE_VERSION } from '../../shared/index';
import { AuditTimeoutError, storedCounts, withTimeout, writeAudit } from '../audit';
import { errorResponse } from '../errors';
import { factory } from '../factory';
import { todayInChina } from '../today';

/**
 * POST /v1/evaluate — the engine's EvaluateResponse plus the batchId of its audit record; with `"format": "compact"`
 * its compact form (docs/api.md), written as JSON text straight from the engine's columns (shared/compact-json.ts);
 * with `"summary": false` either one without its summary, which is then not made at all.
 */
export const evaluateRows = factory.createHandlers(async (c) => {
  const { rows, ruleSet = DEFAULT_RULE_SET, asOf = todayInChina(), format, summary = true } = c.get('evaluateRequest');
  const evaluation = evaluateAll(rows, { ruleSet, asOf }, summary);
  const batchId = c.get('requestId');
  // Awaited (not waitUntil) and bounded: a 200 answer means its audit record is stored; no record, no answer.
  try {
    await withTimeout(
      writeAudit(c.env.DB, {
        batchId,
        time: new Date().toISOString(),
        ruleSet: evaluation.rs.ruleSet.id,
        engineVersion: ENGINE_VERSION,
        asOf,
        rowCount: rows.length,
        statusCounts: storedCounts(evaluationCounts(evaluation)),
        bodyHmac: c.get('bodyHmac'),
        tokenLabel: c.get('tokenLabel'),
      }),
      c.get('config').limits.auditTimeoutMs,
    );
  } catch (err) {
    console.error('audit write failed', batchId, err);
    const why = err instanceof AuditTimeoutError ? '审计记录数据库长时间没有响应' : '审计记录未能写入数据库';
    c.header('Retry-After', '5');
    return errorResponse(c, 503, 'AUDIT_UNAVAILABLE', `${why}，为保证每次计算都有记录，本次结果未返回：请稍后重试`);
  }
  if (format === 'compact') return c.body(compactAnswerJson(evaluation, rows, { batchId }), 200, { 'Content-Type': 'application/json' });
  return c.json({ ...(summary ? responseOf(evaluation) : rowsOf(evaluation)), batchId });
});
