// Properties of the roster reader over arbitrary grids: it never throws, never places an output column on a column
// that holds roster data, sends only rows inside the data range, and costs linear time in the grid's size.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEADERS, OUTPUT_HEADERS } from '../../../shared/index';
import { planRoster, rowsToSend, type GridValue } from '../../../shared/roster';

const WORDS = ['姓名', '身份证号', '市平台公需课学时', '市平台专业课学时', '培训进修', '学时', '天数', '状态', '说明', '合计', '小计', '制表人：王', '注：', '序号', '', '#N/A', ...OUTPUT_HEADERS, ...HEADERS.map((h) => h.zh)];
const cell: fc.Arbitrary<GridValue> = fc.oneof(fc.constantFrom(...WORDS), fc.integer({ min: -5, max: 200 }), fc.constant(null), fc.string({ maxLength: 6 }), fc.boolean());
const gridArb = fc.array(fc.array(cell, { minLength: 0, maxLength: 8 }), { minLength: 0, maxLength: 14 });

describe('planRoster over arbitrary grids', () => {
  it('never throws; outputs never land on a roster column; rows sent lie under the header', () => {
    fc.assert(
      fc.property(gridArb, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (values, row, col) => {
        const plan = planRoster({ name: 'S', origin: { row, col }, values });
        if (plan.output) {
          const inputCols = new Set(plan.columns.flatMap((k, i) => (k === null ? [] : [plan.firstCol + i])));
          for (const c of plan.output.columns) expect(inputCols.has(c.col)).toBe(false);
          expect(new Set(plan.output.columns.map((c) => c.col)).size).toBe(OUTPUT_HEADERS.length);
        }
        const lastHeader = plan.headerRows[plan.headerRows.length - 1] ?? Infinity;
        for (const r of plan.rows) expect(r.sheetRow).toBeGreaterThan(lastHeader);
        expect(rowsToSend(plan).length).toBeLessThanOrEqual(plan.rows.length);
      }),
      { numRuns: 400 },
    );
  });

  it('time grows linearly with the rows and with long cells', () => {
    const head = ['序号', '姓名', '身份证号', '市平台公需课学时', '市平台专业课学时', '备注'];
    const grid = (n: number, long: number): GridValue[][] => [
      head,
      ...Array.from({ length: n }, (_, i): GridValue[] => [i, `人员${i}`, ' '.repeat(long) + '合', 30, 60, '注'.repeat(long)]),
    ];
    const time = (values: GridValue[][]): number => {
      const t0 = performance.now();
      for (let k = 0; k < 3; k++) planRoster({ name: 'S', origin: { row: 0, col: 0 }, values });
      return performance.now() - t0;
    };
    time(grid(2000, 10));
    const small = time(grid(2000, 10));
    const big = time(grid(32000, 10));
    expect(big / small).toBeLessThan(16 * 3);
    const short = time(grid(2000, 10));
    const long = time(grid(2000, 2000));
    expect(long / short).toBeLessThan(50);
  });
});
