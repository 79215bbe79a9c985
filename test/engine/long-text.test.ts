// Long names, units and departments (issue 22, item 7): the summary groups, sorts and lists only bounded texts. A unit
// cell longer than any unit name is refused like an over-long number (数据有误, TOO_LONG, naming the field), its row is
// counted under （内容过长）, and the answer never repeats the cell: its size stays about the size of the rows sent.
// Timing is relative (time per input character at two cell lengths), never absolute.
import { describe, expect, it } from 'vitest';
import { evaluate, summarize, type RosterRowInput } from '../../shared/index';
import { compactAnswer, expandAnswer } from '../../shared/compact';
import { MAX_GROUP_TEXT } from '../../shared/normalize';
import { OVERLONG_TEXT } from '../../shared/summary';
import { getRuleSet } from '../../shared/rulesets';

const ROWS = 2_000;
const ok = { platformPublicHours: 30, platformProfessionalHours: 60 };

/** Distinct cells of `length` characters that differ only at their end (the hardest case for a hash table). */
function longUnits(length: number, rows = ROWS): RosterRowInput[] {
  return Array.from({ length: rows }, (_, i) => ({ name: `人${i}`, unit: '单'.repeat(length - 6) + String(i).padStart(6, '0'), department: '科', ...ok }));
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

/** Median time per input character of f over `rows` (JSON length as the input size). */
function perChar(rows: RosterRowInput[], f: (rows: RosterRowInput[]) => unknown): number {
  const ts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    f(rows);
    ts.push(performance.now() - t);
  }
  return median(ts) / JSON.stringify(rows).length;
}

/** Time per character at 32,767-character cells over that at 2,048: about 1 when linear, ~16 and more when not. */
function growth(f: (rows: RosterRowInput[]) => unknown): number {
  const small = longUnits(2_048);
  const large = longUnits(32_767);
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && best > 4; attempt++) best = Math.min(best, perChar(large, f) / perChar(small, f));
  return best;
}

describe('2,000 rows of 32,767-character units cost linear time', () => {
  it('evaluate (the Worker, the add-in, the CLI): time per character does not grow with the cell', () => {
    expect(growth((rows) => evaluate(rows, { asOf: '2023-11-01' }))).toBeLessThan(4);
  });

  it('summarize (年度汇总 from results the service sent): the same', () => {
    const results = new Map<RosterRowInput[], ReturnType<typeof evaluate>['results']>();
    const f = (rows: RosterRowInput[]): unknown => {
      let r = results.get(rows);
      if (r === undefined) results.set(rows, (r = evaluate(rows).results));
      return summarize(rows, r);
    };
    expect(growth(f)).toBeLessThan(4);
  });
});

describe('how the clerk sees an over-long unit, department or name', () => {
  const limit = MAX_GROUP_TEXT;
  const rows: RosterRowInput[] = [
    { name: '张三', unit: '枣庄市立医院', department: '内科', ...ok },
    { name: '李四', unit: 'x'.repeat(limit + 1), department: '内科', ...ok },
    { name: '王五', unit: '枣庄市立医院', department: `  ${'y'.repeat(limit)}  `, ...ok },
    { name: '赵六', unit: '枣庄市立医院', department: 'z'.repeat(5_000), ...ok },
    { name: '名'.repeat(40_000), unit: '枣庄市立医院', department: '内科', ...ok },
  ];
  const res = evaluate(rows, { asOf: '2023-11-01' });

  it('a cell longer than the limit is 数据有误 naming its field and length; one at the limit (after trimming) is not', () => {
    expect(res.results.map((r) => r.status)).toEqual(['达标', '数据有误', '达标', '数据有误', '数据有误']);
    expect(res.results[1].errors).toEqual([
      { field: 'unit', code: 'TOO_LONG', message: `单位：内容过长（${limit + 1} 个字符，最多 ${limit} 个），请核对这一格，只填单位` },
    ]);
    expect(res.results[3].errors.map((e) => [e.field, e.code])).toEqual([['department', 'TOO_LONG']]);
    expect(res.results[3].errors[0].message).toContain('5000 个字符');
    expect(res.results[4].errors.map((e) => [e.field, e.code])).toEqual([['name', 'TOO_LONG']]);
  });

  it('年度汇总 groups and lists such a row under （内容过长）, never the cell', () => {
    // code-unit order: 枣 (U+67A3) before （ (U+FF08)
    expect(res.summary.groups.map((g) => [g.unit, g.department, g.headcount, g.invalid])).toEqual([
      ['枣庄市立医院', 'y'.repeat(limit), 1, 0],
      ['枣庄市立医院', '内科', 2, 1],
      ['枣庄市立医院', OVERLONG_TEXT, 1, 1],
      [OVERLONG_TEXT, '内科', 1, 1],
    ]);
    expect(res.summary.attention.map((a) => [a.name, a.unit, a.department])).toEqual([
      ['李四', OVERLONG_TEXT, '内科'],
      ['赵六', '枣庄市立医院', OVERLONG_TEXT],
      [OVERLONG_TEXT, '枣庄市立医院', '内科'],
    ]);
    // the add-in's summary of the service's results groups the same way
    expect(summarize(rows, res.results)).toEqual(res.summary);
  });

  it('the answer to a 5 MB unit is a few kilobytes, in full and in compact form', () => {
    const unit = '单'.repeat(5_000_000);
    const sent = [{ name: '张三', unit, department: '内科', ...ok }];
    const full = evaluate(sent, { asOf: '2023-11-01' });
    expect(JSON.stringify(full).length).toBeLessThan(4_000);
    const compact = compactAnswer(full, sent, getRuleSet(full.ruleSet));
    expect(JSON.stringify(compact).length).toBeLessThan(4_000);
    expect(expandAnswer(compact, sent, getRuleSet(full.ruleSet))).toEqual(full);
  });
});
