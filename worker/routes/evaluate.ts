import type { Context } from 'hono';
import { compactAnswer } from '../../shared/compact';
import { DEFAULT_RULE_SET, evaluate, getRuleSet } from '../../shared/index';
import { AuditTimeoutError, statusCounts, withTimeout, writeAudit } from '../audit';
import type { AppEnv } from '../env';
import { errorResponse } from '../errors';
import { todayInChina } from '../today';

/**
 * POST /v1/evaluate — the engine's EvaluateResponse plus the batchId of its audit record; with `"format": "compact"`
 * its compact form (shared/compact.ts).
 */
export const evaluateRows = async (c: Context<AppEnv>) => {
  const { rows, ruleSet = DEFAULT_RULE_SET, asOf = todayInChina(), format } = c.var.evaluateRequest;
  const response = evaluate(rows, { ruleSet, asOf });
  const batchId = c.var.requestId;
  // Awaited (not waitUntil) and bounded: a 200 answer means its audit record is stored; no record, no answer.
  try {
    await withTimeout(
      writeAudit(c.env.DB, {
        batchId,
        time: new Date().toISOString(),
        ruleSet: response.ruleSet,
        engineVersion: response.engineVersion,
        asOf,
        rowCount: rows.length,
        statusCounts: statusCounts(response),
        bodyHmac: c.var.bodyHmac,
        tokenLabel: c.var.tokenLabel,
      }),
      c.var.config.limits.auditTimeoutMs,
    );
  } catch (err) {
    console.error('audit write failed', batchId, err);
    const why = err instanceof AuditTimeoutError ? '审计记录数据库长时间没有响应' : '审计记录未能写入数据库';
    c.header('Retry-After', '5');
    return errorResponse(c, 503, 'AUDIT_UNAVAILABLE', `${why}，为保证每次计算都有记录，本次结果未返回：请稍后重试`);
  }
  const answer = format === 'compact' ? compactAnswer(response, rows, getRuleSet(response.ruleSet)) : response;
  return c.json({ ...answer, batchId });
};
