// The Office.js layer against office-addin-mock: read mapping, chunked reads, write-back addresses, no write on failure.
import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { HEADERS, OUTPUT_HEADERS, evaluate } from '../../shared/index';
import { placeResults, planRoster, rowsToSend } from '../../shared/roster';
import type { CellValue } from '../../shared/types';
import type { Evaluator } from '../../addin/compute/compute';
import { writePlanOf } from '../../addin/compute/layout';
import { frameSheet } from '../../addin/compute/locate';
import { readGrid } from '../../addin/compute/read';
import { runCompute } from '../../addin/compute/run';
import { headerCellsOf, writeOutputs } from '../../addin/compute/write';

type RangeCall = { row: number; col: number; rows: number; cols: number; mock: OfficeMockObject; original: CellValue[][] };

/**
 * A mocked workbook whose active sheet holds `grid` starting at (top, left). Ranges are OfficeMockObjects (load and
 * sync semantics from office-addin-mock); every getRangeByIndexes call is recorded so tests can see reads and writes.
 */
function mockWorkbook(grid: CellValue[][], top = 0, left = 0) {
  const width = Math.max(...grid.map((r) => r.length));
  const cell = (r: number, c: number): CellValue => grid[r - top]?.[c - left] ?? '';
  const calls: RangeCall[] = [];
  const mocks: OfficeMockObject[] = [];
  let syncs = 0;
  const track = <T extends OfficeMockObject>(m: T): T => {
    mocks.push(m);
    return m;
  };
  const rangeMock = (row: number, col: number, rows: number, cols: number): OfficeMockObject => {
    const values = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => cell(row + i, col + j)));
    const valueTypes = values.map((r) => r.map((v) => (v === '' || v === null ? 'Empty' : typeof v === 'number' ? 'Double' : 'String')));
    const mock = track(
      new OfficeMockObject({
        values,
        valueTypes,
        rowIndex: row,
        columnIndex: col,
        rowCount: rows,
        columnCount: cols,
        format: { font: { bold: false }, fill: { color: '' }, columnWidth: 0 },
        conditionalFormats: {
          clearAll: () => undefined,
          add: () => ({ textComparison: { format: { font: {}, fill: {} }, rule: {} } }),
        },
        select: () => undefined,
      }),
    );
    Object.defineProperty(mock, 'isNullObject', { value: false });
    calls.push({ row, col, rows, cols, mock, original: values });
    return mock;
  };
  const nullObject = (): { isNullObject: boolean; load: () => unknown } => ({ isNullObject: true, load: () => undefined });
  const used = (): OfficeMockObject => {
    const m = track(
      new OfficeMockObject({
        rowIndex: top,
        columnIndex: left,
        rowCount: grid.length,
        columnCount: width,
        getMergedAreasOrNullObject: nullObject,
        // every row visible: one area over the used range
        getSpecialCellsOrNullObject: () => {
          const areas = { items: [{ rowIndex: top, rowCount: grid.length }], load: () => areas };
          return { isNullObject: false, load: () => undefined, areas };
        },
      }),
    );
    Object.defineProperty(m, 'isNullObject', { value: grid.length === 0 });
    return m;
  };
  const frozen: number[] = [];
  const sheet = track(
    new OfficeMockObject({
      id: '{S1}',
      name: '花名册',
      getRangeByIndexes: rangeMock,
      getUsedRange: used,
      getUsedRangeOrNullObject: used,
      freezePanes: { freezeRows: (n: number) => frozen.push(n) },
      activate: () => undefined,
    }),
  );
  // plain objects (not mocked): an unprotected sheet without tables
  Object.defineProperty(sheet, 'protection', { value: { protected: false, load: () => undefined } });
  Object.defineProperty(sheet, 'tables', { value: { items: [], load: () => undefined } });
  const settings = new Map<string, unknown>();
  const context = {
    workbook: {
      worksheets: { getActiveWorksheet: () => sheet, getItem: () => sheet },
      getSelectedRange: () => ({ rowIndex: top, columnIndex: left, rowCount: 1, columnCount: 1, load: () => undefined }),
      settings: {
        getItemOrNullObject: (key: string) => ({ isNullObject: !settings.has(key), value: settings.get(key), load: () => undefined }),
        add: (key: string, value: unknown) => settings.set(key, value),
      },
    },
    sync: async () => {
      syncs++;
      for (const m of mocks) await m.sync();
    },
  };
  /** Ranges whose values were assigned (a write), with what was written. */
  const writes = () =>
    calls.filter((c) => {
      const v = (c.mock as unknown as { values: unknown }).values;
      return Array.isArray(v) && v !== c.original;
    });
  return { context: context as unknown as Excel.RequestContext, calls, writes, syncs: () => syncs, frozen };
}

const TEMPLATE = HEADERS.map((h) => h.zh);
function roster(n: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const r: CellValue[] = TEMPLATE.map(() => '');
    r[0] = `人员${i}`;
    r[4] = 30;
    r[5] = i % 3 === 0 ? 50 : 60;
    rows.push(r);
  }
  return rows;
}

const localEvaluator: Evaluator = { evaluate: async (rows, options) => ({ ...evaluate(rows, options), batchId: 'b' }) };

describe('Office.js layer with office-addin-mock', () => {
  it('maps the header row under a title row, with columns in any order', async () => {
    const headers = ['市平台专业课学时', '工作单位', '姓名', '公需科目学时'];
    const grid: CellValue[][] = [['2023年度继续教育台账'], headers, [60, '枣庄市立医院', '张三', 30]];
    const wb = mockWorkbook(grid, 2, 1);
    const frame = await frameSheet(wb.context);
    expect(frame).toMatchObject({ sheetName: '花名册', isProtected: false, used: { row: 2, col: 1, rowCount: 3, columnCount: 4 }, hiddenRows: [] });
    expect(wb.syncs()).toBe(3);
    const plan = planRoster(await readGrid(wb.context, frame));
    expect(plan).toMatchObject({ headerRows: [3], firstCol: 1 });
    expect(plan.columns).toEqual(['platformProfessionalHours', 'unit', 'name', 'platformPublicHours']);
    expect(rowsToSend(plan)).toEqual([{ platformProfessionalHours: 60, unit: '枣庄市立医院', name: '张三', platformPublicHours: 30 }]);
    expect(plan.rows.map((r) => r.name)).toEqual(['张三']);
  });

  it('reads the sheet in chunks, one sync per chunk, at the right addresses', async () => {
    const grid = [TEMPLATE, ...roster(25)];
    const wb = mockWorkbook(grid, 4, 2);
    const frame = await frameSheet(wb.context);
    const before = wb.syncs();
    const before2 = wb.calls.length;
    const plan = planRoster(await readGrid(wb.context, frame, { chunkRows: 10 }));
    expect(rowsToSend(plan)).toHaveLength(25);
    expect(rowsToSend(plan)[24].name).toBe('人员24');
    expect(wb.syncs() - before).toBe(3);
    expect(wb.calls.slice(before2).map((c) => [c.row, c.col, c.rows, c.cols])).toEqual([
      [4, 2, 10, TEMPLATE.length],
      [14, 2, 10, TEMPLATE.length],
      [24, 2, 6, TEMPLATE.length],
    ]);
  });

  it('writes output blocks by row address right of the roster; the clerk’s own 状态 column is never written', async () => {
    const headers = [...TEMPLATE.slice(0, 6), '状态'];
    const grid: CellValue[][] = [headers, ...roster(4).map((r) => [...r.slice(0, 6), '旧值'])];
    const wb = mockWorkbook(grid, 9, 0);
    const frame = await frameSheet(wb.context);
    const g = await readGrid(wb.context, frame);
    const plan = planRoster(g);
    const results = evaluate(rowsToSend(plan), { asOf: '2023-11-01' }).results;
    const placed = placeResults(plan, results);
    await writeOutputs(wb.context, frame, plan, writePlanOf(plan), placed, { headerCells: headerCellsOf(g, plan) });
    const writes = wb.writes().map((c) => ({ at: [c.row, c.col, c.rows, c.cols], values: (c.mock as unknown as { values: CellValue[][] }).values }));
    const clerkStatus = 6;
    // the nine output columns go right of 状态, as one block: the header cells (row 9), then the data rows from row 10
    expect(writes.map((w) => w.at)).toEqual([
      [9, clerkStatus + 1, 1, 9],
      [10, clerkStatus + 1, 4, 9],
    ]);
    expect(writes[0].values).toEqual([[...OUTPUT_HEADERS]]);
    expect(writes[1].values.map((r) => r[6])).toEqual(results.map((r) => r.status));
    expect(writes[1].values.map((r) => r[2])).toEqual(results.map((r) => r.totalHours));
    for (const w of writes) expect(w.at[1]).toBeGreaterThan(clerkStatus);
    expect(wb.frozen).toEqual([10]);
  });

  it('writes nothing when a Worker request fails', async () => {
    const grid = [TEMPLATE, ...roster(8)];
    const wb = mockWorkbook(grid);
    const failing: Evaluator = {
      evaluate: async () => {
        throw new Error('令牌无效或未填写（401）');
      },
    };
    await expect(runCompute({ evaluator: failing }, (batch) => batch(wb.context))).rejects.toThrow(/第 1\/1 部分.*401.*未写入任何单元格/);
    expect(wb.writes()).toEqual([]);
  });

  it('stops before sending when a required header is missing or an unknown header is not confirmed', async () => {
    let sent = 0;
    const counting: Evaluator = { evaluate: async (rows, o) => (sent++, { ...evaluate(rows, o), batchId: 'b' }) };
    const noName = mockWorkbook([['市平台公需课学时', '市平台专业课学时'], [30, 60]]);
    const out = await runCompute({ evaluator: counting }, (batch) => batch(noName.context));
    expect(out.kind).toBe('preflight');
    const unknown = mockWorkbook([['姓名', '工号', '市平台公需课学时'], ['张三', 'A01', 30]]);
    const out2 = await runCompute({ evaluator: counting }, (batch) => batch(unknown.context));
    expect(out2.kind === 'preflight' && out2.preflight.unknown).toEqual(['工号']);
    expect(sent).toBe(0);
    expect(noName.writes().concat(unknown.writes())).toEqual([]);
    const confirmed = await runCompute({ evaluator: counting, acceptUnknown: ['工号'] }, (batch) => batch(unknown.context));
    expect(confirmed.kind).toBe('done');
    expect(sent).toBe(1);
  });

  it('a full run reports counts, attention rows and batch ids', async () => {
    const grid = [TEMPLATE, ...roster(6)];
    const wb = mockWorkbook(grid);
    const out = await runCompute({ evaluator: localEvaluator, asOf: '2023-11-01' }, (batch) => batch(wb.context));
    if (out.kind !== 'done') throw new Error('expected done');
    expect(out.counts).toMatchObject({ compliant: 4, short: 2, total: 6 });
    expect(out.attention.map((a) => a.sheetRow)).toEqual([1, 4]);
    expect(out.batchIds).toEqual(['b']);
    expect(out.created).toEqual([...OUTPUT_HEADERS]);
  });
});
