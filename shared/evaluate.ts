// evaluate(rows, options): the engine's entry point (CONTRACT.md). Pure and synchronous.
import { dayFromIso } from './dates';
import { InvalidOptionsError } from './errors';
import { evaluateRow, newRowContext } from './row';
import { DEFAULT_RULE_SET, getCompiledRuleSet } from './rulesets';
import { addToSummary, finishSummary, newSummaryBuilder } from './summary';
import type { EvaluateOptions, EvaluateResponse, RosterRowInput, RowResult } from './types';
import { ENGINE_VERSION } from './version';

/**
 * Checks every row against a rule set. Bad row content becomes per-row errors; it throws only for an unknown
 * ruleSet (UnknownRuleSetError), an asOf that is not a YYYY-MM-DD date or rows that are not an array (InvalidOptionsError).
 */
export function evaluate(rows: RosterRowInput[], options?: EvaluateOptions | null): EvaluateResponse {
  if (!Array.isArray(rows)) throw new InvalidOptionsError('rows 必须是数组');
  const ruleSet = options?.ruleSet ?? DEFAULT_RULE_SET;
  const rs = getCompiledRuleSet(ruleSet);
  const asOf = options?.asOf;
  let asOfDay = NaN;
  if (asOf !== undefined && asOf !== null) {
    asOfDay = typeof asOf === 'string' ? dayFromIso(asOf) : NaN;
    if (Number.isNaN(asOfDay)) throw new InvalidOptionsError(`asOf 应为 YYYY-MM-DD 格式的有效日期：${String(asOf)}`);
  }
  const ctx = newRowContext();
  const summary = newSummaryBuilder();
  const results: RowResult[] = new Array<RowResult>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = evaluateRow(rows[i], i, rs, asOfDay, ctx);
    results[i] = r;
    addToSummary(summary, r, ctx.parsed.name, ctx.parsed.unit, ctx.parsed.department);
  }
  return { ruleSet: rs.ruleSet.id, engineVersion: ENGINE_VERSION, results, summary: finishSummary(summary) };
}
