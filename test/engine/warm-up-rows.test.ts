// The made-up roster the Worker warms up with at start-up (shared/warm-up-rows.ts, worker/warm-up.ts): it must reach
// what requests reach, or the first request compiles it. Checked against the code tables, so a new warning or error
// code fails here until the roster reaches it.
import { describe, expect, it } from 'vitest';
import { evaluateRows } from '../../shared/evaluate';
import { ERROR_CODES, WARNING_CODES, evaluate, getRuleSet, listRuleSets } from '../../shared/index';
import { duplicateRows, everydayRows, warmUpRows, WARM_UP_ROWS } from '../../shared/warm-up-rows';

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

describe.each(listRuleSets().map((r) => [r.id] as const))('everyday rosters of %s', (id) => {
  const asOf = `${getRuleSet(id).year}-11-01`;
  const variants = [1, 2, 3, 5];
  const rosters = variants.map((v) => everydayRows(id, WARM_UP_ROWS, v));
  const filled = (row: object): number => Object.values(row).filter((v) => v !== null && v !== '').length;

  it('differ from variant to variant, and are the same rows for a variant on every start-up', () => {
    expect(new Set(rosters.map((r) => JSON.stringify(r))).size).toBe(variants.length);
    expect(everydayRows(id, WARM_UP_ROWS, 3)).toEqual(rosters[2]);
  });

  it('are sparse, as real rows are, with each client’s blank cells (the add-in’s \'\', null, no key) and whole and half hours', () => {
    const all = rosters.flat();
    const columns = Object.keys(warmUpRows(id)[0]).length;
    // rows fill few columns: on average less than half as many as warmUpRows' rows
    const mean = (rows: object[]): number => rows.reduce((n, r) => n + filled(r), 0) / rows.length;
    expect(mean(all)).toBeLessThan(mean(warmUpRows(id)) / 2);
    expect(all.some((r) => Object.values(r).includes(''))).toBe(true);
    expect(all.some((r) => Object.values(r).includes(null))).toBe(true);
    expect(all.some((r) => Object.keys(r).length > 0 && Object.keys(r).length < columns)).toBe(true);
    const numbers = (rows: object[]): number[] => rows.flatMap((r) => Object.values(r).filter((v): v is number => typeof v === 'number'));
    expect(numbers(rosters[0]).some((n) => !Number.isInteger(n))).toBe(true);
    // variant 3: whole numbers only (the lists of a request's numbers then hold small integers)
    expect(numbers(rosters[2]).every((n) => Number.isInteger(n))).toBe(true);
  });

  it('every third variant is clean (no blank row, no row in error: the add-in’s requests); no ID number twice, so the columns path is taken', () => {
    const clean = evaluate(rosters[1], { ruleSet: id, asOf });
    expect(clean.results.filter((r) => r.status === '' || r.status === '数据有误')).toEqual([]);
    for (const rows of rosters) {
      const e = evaluateRows(rows, { ruleSet: id, asOf });
      const answer = evaluate(rows, { ruleSet: id, asOf });
      expect(e.columns.status.filter((s) => s !== 0).length).toBe(answer.results.filter((r) => ['达标', '未达标', '待补材料'].includes(r.status)).length);
    }
    const messy = evaluate(rosters[0], { ruleSet: id, asOf });
    expect(new Set(messy.results.map((r) => r.status))).toEqual(new Set(['达标', '未达标', '数据有误', '', '待补材料']));
  });
});
