// The made-up roster the Worker warms up with at start-up (shared/warm-up-rows.ts, worker/warm-up.ts): it must reach
// what requests reach, or the first request compiles it. Checked against the code tables, so a new warning or error
// code fails here until the roster reaches it.
import { describe, expect, it } from 'vitest';
import { evaluateRows } from '../../shared/evaluate';
import { ERROR_CODES, WARNING_CODES, evaluate, getRuleSet, listRuleSets } from '../../shared/index';
import { duplicateRows, warmUpRows, WARM_UP_ROWS } from '../../shared/warm-up-rows';

/** Codes no made-up roster can reach, and why. */
const UNREACHABLE_ERRORS: Partial<Record<(typeof ERROR_CODES)[number], string>> = {
  NOT_A_ROW: 'the Worker refuses a row that is not an object (400) before the engine sees it',
  NOT_TEXT: 'a cell that is a JSON object or array: a client that sends one is not the add-in',
};

describe.each(listRuleSets().map((r) => [r.id] as const))('warm-up roster of %s', (id) => {
  const rows = warmUpRows(id);
  const answer = evaluate(rows, { ruleSet: id, asOf: `${getRuleSet(id).year}-11-01` });

  it('is a request of the advertised size whose credited rows all go through the columns (no ID number twice)', () => {
    expect(rows).toHaveLength(WARM_UP_ROWS);
    const e = evaluateRows(rows, { ruleSet: id });
    expect(e.columns.status.filter((s) => s !== 0).length).toBe(answer.results.filter((r) => ['达标', '未达标', '待补材料'].includes(r.status)).length);
  });

  it('reaches every status, every warning code the rule set can raise and every error code a request can bring', () => {
    expect(new Set(answer.results.map((r) => r.status))).toEqual(new Set(['达标', '未达标', '待补材料', '数据有误', '']));
    const warnings = new Set(answer.results.flatMap((r) => r.warnings.map((w) => w.code)));
    // a cap the rule set does not set cannot be reached (certificates: no yearly cap in zaozhuang-2023)
    const possible = WARNING_CODES.filter((c) => c !== 'CAP_CERTIFICATES' || getRuleSet(id).parameters.certificatesYearCap.value !== null);
    expect(possible.filter((c) => !warnings.has(c))).toEqual([]);
    const errors = new Set([...answer.results, ...evaluate(duplicateRows(id), { ruleSet: id }).results].flatMap((r) => r.errors.map((e) => e.code)));
    expect(ERROR_CODES.filter((c) => !errors.has(c) && UNREACHABLE_ERRORS[c] === undefined)).toEqual([]);
  });

  it('has both layouts: the add-in’s (every column, a row key, no ID number) and rows naming people', () => {
    expect(rows.some((r) => typeof r.name === 'string' && /^R\d+$/.test(r.name) && !('idNumber' in r))).toBe(true);
    expect(rows.some((r) => 'idNumber' in r)).toBe(true);
  });
});
