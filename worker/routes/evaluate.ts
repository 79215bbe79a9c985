import type { Context } from 'hono';
import { DEFAULT_RULE_SET, evaluate } from '../../shared/index';
import { statusCounts, writeAudit } from '../audit';
import type { AppEnv } from '../env';
import { errorResponse } from '../errors';
import { limitsOf } from '../limits';
import { todayInChina } from '../today';
import type { EvaluateRequest } from '../validation';

type EvaluateContext = Context<AppEnv, '/v1/evaluate', { in: { json: EvaluateRequest }; out: { json: EvaluateRequest } }>;

/** POST /v1/evaluate — the engine's EvaluateResponse plus the batchId of its audit record. */
export const evaluateRows = async (c: EvaluateContext) => {
  const { rows, ruleSet = DEFAULT_RULE_SET, asOf = todayInChina() } = c.req.valid('json');
  const { maxRows } = limitsOf(c.env);
  if (rows.length > maxRows) {
    return errorResponse(c, 413, 'TOO_MANY_ROWS', `一次最多 ${maxRows} 行，本次 ${rows.length} 行：请分批提交`);
  }
  const response = evaluate(rows, { ruleSet, asOf });
  const batchId = c.var.requestId;
  // Awaited, not waitUntil: a 200 answer means its audit record is stored.
  await writeAudit(c.env.DB, {
    batchId,
    time: new Date().toISOString(),
    ruleSet: response.ruleSet,
    engineVersion: response.engineVersion,
    asOf,
    rowCount: rows.length,
    statusCounts: statusCounts(response),
    bodySha256: c.var.bodySha256,
    tokenLabel: c.var.tokenLabel,
  });
  return c.json({ ...response, batchId });
};
