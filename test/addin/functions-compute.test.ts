// The custom functions answer what the worked cases of test/fixtures/examples.json say (hours, status, shortfalls
// from each case's own figures; messages from evaluate(), the same engine the Worker runs).
import { describe, expect, it } from 'vitest';
import examples from '../fixtures/examples.json';
import { DEFAULT_RULE_SET, HEADERS, evaluate, listRuleSets } from '../../shared/index';
import type { CellValue, RosterRowInput } from '../../shared/types';
import { FUNCTION_KINDS, FunctionArgumentError, computeFunction, ruleSetArgument } from '../../addin/functions/compute';
import { NO_HOURS_COLUMN_MESSAGE } from '../../shared/roster';
import type { FunctionKind, OutputCell } from '../../addin/functions/compute';
import { expectedForCase, type WorkedCase } from './function-expectations';

const cases = examples as unknown as WorkedCase[];

const templateCells = (row: RosterRowInput): CellValue[] => HEADERS.map((h) => row[h.key] ?? '');
const templateHeader = HEADERS.map((h) => h.zh);

const expected = (kind: FunctionKind, ex: WorkedCase): OutputCell[] => expectedForCase(kind, ex, (error) => ({ error }));

const kinds = Object.values(FUNCTION_KINDS);

describe('custom functions = the worked cases, for every worked example', () => {
  it('has the worked examples', () => {
    expect(cases.length).toBeGreaterThanOrEqual(16);
  });

  for (const ex of cases) {
    it(`${ex.id}: every function, template order and explicit headers`, () => {
      const row = ex.row as RosterRowInput;
      const cells = templateCells(row);
      for (const kind of kinds) {
        const want = [expected(kind, ex)];
        expect(computeFunction(kind, [cells]), kind).toEqual(want);
        expect(computeFunction(kind, [cells], [templateHeader]), kind).toEqual(want);
        // Columns in another order, found by the header row.
        const reversedHeader = [...templateHeader].reverse();
        expect(computeFunction(kind, [[...cells].reverse()], [reversedHeader]), kind).toEqual(want);
      }
      // And the fixture's own expectations (hours, status, shortfalls).
      const e = ex.expect;
      if (e.status === '' ) {
        expect(computeFunction('hours', [cells])).toEqual([['']]);
      } else if (e.status === '数据有误') {
        expect(typeof computeFunction('hours', [cells])[0][0]).toBe('object');
      } else {
        expect(computeFunction('hours', [cells])).toEqual([[e.totalHours]]);
        expect(computeFunction('public', [cells])).toEqual([[e.publicHours]]);
        expect(computeFunction('professional', [cells])).toEqual([[e.professionalHours]]);
        expect(computeFunction('status', [cells])).toEqual([[e.status]]);
        expect(computeFunction('shortfall', [cells])).toEqual([[e.publicShortfall, e.professionalShortfall]]);
      }
    });
  }

  it('spills one result per row over a multi-row range, in row order', () => {
    const rows = cases.map((c) => c.row as RosterRowInput);
    for (const kind of kinds) {
      const got = computeFunction(kind, rows.map(templateCells), [templateHeader]);
      expect(got).toEqual(cases.map((c) => expected(kind, c)));
    }
  });
});

describe('custom function arguments', () => {
  it('CEWARNINGS gives the cap messages, blank without caps', () => {
    const capped = cases.find((c) => c.id === 'ex03');
    const plain = cases.find((c) => c.id === 'ex01');
    if (!capped || !plain) throw new Error('fixture ex01/ex03 missing');
    const text = computeFunction('warnings', [templateCells(capped.row as RosterRowInput)])[0][0];
    expect(text).toMatch(/24学时上限/);
    expect(computeFunction('warnings', [templateCells(plain.row as RosterRowInput)])).toEqual([['']]);
  });

  it('a 数据有误 row gives the engine’s Chinese message, never a 0', () => {
    const bad = cases.find((c) => c.expect.status === '数据有误');
    if (!bad) throw new Error('no 数据有误 fixture');
    const result = evaluate([bad.row as RosterRowInput]).results[0];
    const [[cell]] = computeFunction('hours', [templateCells(bad.row as RosterRowInput)]);
    expect(cell).toEqual({ error: result.errors.map((e) => e.message).join('；') });
    expect(result.errors.length).toBeGreaterThan(0);
    expect((cell as { error: string }).error).toMatch(/[\u4e00-\u9fff]/);
  });

  it('Excel empty cells (null) and text numbers are read like the engine reads them', () => {
    const cells: unknown[] = HEADERS.map(() => null);
    cells[0] = '王五';
    cells[HEADERS.findIndex((h) => h.key === 'platformPublicHours')] = '３０学时';
    cells[HEADERS.findIndex((h) => h.key === 'platformProfessionalHours')] = 61;
    expect(computeFunction('hours', [cells])).toEqual([[91]]);
    expect(computeFunction('status', [cells])).toEqual([['达标']]);
  });

  it('default order: 专业课按行业规定 is the 26th column (Z), appended; a 25-column row of an older template reads as before', () => {
    expect(HEADERS.map((h) => h.key).indexOf('professionalBySector')).toBe(25);
    const row = { name: '张三', platformPublicHours: 30, platformProfessionalHours: 12 };
    const cells = templateCells(row);
    expect(computeFunction('status', [cells])).toEqual([['未达标']]);
    expect(computeFunction('status', [cells.slice(0, 25)])).toEqual([['未达标']]);
    cells[25] = '是';
    expect(computeFunction('status', [cells])).toEqual([['达标']]);
    expect(computeFunction('shortfall', [cells])).toEqual([[0, 0]]);
    expect(computeFunction('professional', [cells])).toEqual([[12]]);
    expect(String(computeFunction('warnings', [cells])[0][0])).toBe('');
  });

  it('a header row without 姓名 is an argument error in Chinese', () => {
    const header = templateHeader.map((h) => (h === '姓名' ? '备注' : h));
    expect(() => computeFunction('hours', [templateCells({ name: '张三' })], [header])).toThrow(FunctionArgumentError);
    expect(() => computeFunction('hours', [templateCells({ name: '张三' })], [header])).toThrow(/姓名/);
  });

  it('a header row without any hours column is #VALUE! with the same reason 计算学时 gives', () => {
    const header = ['姓名', '身份证号', '学习情况', '备注'];
    expect(() => computeFunction('hours', [['张三', '', 30, '']], [header])).toThrow(FunctionArgumentError);
    expect(() => computeFunction('status', [['张三', '', 30, '']], [header])).toThrow(NO_HOURS_COLUMN_MESSAGE);
  });

  it('a row narrower than its header row is an argument error', () => {
    expect(() => computeFunction('hours', [['张三', '', 30]], [templateHeader])).toThrow(/列/);
  });

  it('an empty range is an argument error', () => {
    expect(() => computeFunction('hours', [])).toThrow(FunctionArgumentError);
  });

  it('the rule-set argument: blank is none (the workbook’s choice applies); a known id is taken; an unknown one names those there are', () => {
    expect(ruleSetArgument(undefined)).toBe('');
    expect(ruleSetArgument(null)).toBe('');
    expect(ruleSetArgument('  ')).toBe('');
    expect(ruleSetArgument(` ${DEFAULT_RULE_SET} `)).toBe(DEFAULT_RULE_SET);
    expect(() => ruleSetArgument('nowhere-1999')).toThrow(FunctionArgumentError);
    for (const r of listRuleSets()) expect(() => ruleSetArgument('nowhere-1999')).toThrow(`"${r.id}"（${r.year} 年度）`);
    const cells = [templateCells(cases[0].row as RosterRowInput)];
    expect(computeFunction('hours', cells, null, DEFAULT_RULE_SET)).toEqual(computeFunction('hours', cells));
  });
});
