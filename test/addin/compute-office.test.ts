// The Office.js layer of 计算学时 on the strict Excel simulator: read mapping, chunked reads, write-back addresses,
// no write on failure. The simulator's journal shows each range read and written.
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
import { WorkbookModel, createExcel } from '../support/excel-sim';

/** The strict simulator with a sheet 花名册 holding `grid` from (top, left), selected there; the journal records loads and writes. */
function simWorkbook(grid: CellValue[][], top = 0, left = 0) {
  const model = new WorkbookModel();
  const sheet = model.addSheet('花名册');
  grid.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && v !== '' && sheet.set(top + r, left + c, v)));
  model.selection = { sheetId: sheet.id, row: top, col: left, rows: 1, cols: 1 };
  model.journal = [];
  const excel = createExcel(model);
  const entries = () => model.journal ?? [];
  /** Ranges loaded, as [row, col, rows, cols]. */
  const loads = () => entries().flatMap((e) => (e.op === 'load' ? [[e.row, e.col, e.rows, e.cols]] : []));
  /** Values written, with where (as applied at sync). */
  const writes = () => entries().flatMap((e) => (e.op === 'write' ? [{ at: [e.row, e.col, e.rows, e.cols], values: e.values }] : []));
  const frozen = () => entries().flatMap((e) => (e.op === 'freezeRows' ? [e.rows] : []));
  const before = structuredClone(sheet.rows);
  return { model, sheet, run: excel.run, loads, writes, frozen, unchanged: () => expect(sheet.rows).toEqual(before) };
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

describe('Office.js layer of 计算学时 on the simulator', () => {
  it('maps the header row under a title row, with columns in any order', async () => {
    const headers = ['市平台专业课学时', '工作单位', '姓名', '公需科目学时'];
    const grid: CellValue[][] = [['2023年度继续教育台账'], headers, [60, '枣庄市立医院', '张三', 30]];
    const wb = simWorkbook(grid, 2, 1);
    const plan = await wb.run(async (context) => {
      const frame = await frameSheet(context);
      expect(frame).toMatchObject({ sheetName: '花名册', isProtected: false, used: { row: 2, col: 1, rowCount: 3, columnCount: 4 }, hiddenRows: [] });
      expect(wb.model.stats.syncs).toBe(3);
      return planRoster(await readGrid(context, frame));
    });
    expect(plan).toMatchObject({ headerRows: [3], firstCol: 1 });
    expect(plan.columns).toEqual(['platformProfessionalHours', 'unit', 'name', 'platformPublicHours']);
    expect(rowsToSend(plan)).toEqual([{ platformProfessionalHours: 60, unit: '枣庄市立医院', name: '张三', platformPublicHours: 30 }]);
    expect(plan.rows.map((r) => r.name)).toEqual(['张三']);
  });

  it('reads the sheet in chunks, one sync per chunk, at the right addresses', async () => {
    const grid = [TEMPLATE, ...roster(25)];
    const wb = simWorkbook(grid, 4, 2);
    const { plan, syncs, loads } = await wb.run(async (context) => {
      const frame = await frameSheet(context);
      const before = wb.model.stats.syncs;
      const before2 = wb.loads().length;
      const plan = planRoster(await readGrid(context, frame, { chunkRows: 10 }));
      return { plan, syncs: wb.model.stats.syncs - before, loads: wb.loads().slice(before2) };
    });
    expect(rowsToSend(plan)).toHaveLength(25);
    expect(rowsToSend(plan)[24].name).toBe('人员24');
    expect(syncs).toBe(3);
    expect(loads).toEqual([
      [4, 2, 10, TEMPLATE.length],
      [14, 2, 10, TEMPLATE.length],
      [24, 2, 6, TEMPLATE.length],
    ]);
  });

  it('writes output blocks by row address right of the roster; the clerk’s own 状态 column is never written', async () => {
    const headers = [...TEMPLATE.slice(0, 6), '状态'];
    const grid: CellValue[][] = [headers, ...roster(4).map((r) => [...r.slice(0, 6), '旧值'])];
    const wb = simWorkbook(grid, 9, 0);
    const results = await wb.run(async (context) => {
      const frame = await frameSheet(context);
      const g = await readGrid(context, frame);
      const plan = planRoster(g);
      const results = evaluate(rowsToSend(plan), { asOf: '2023-11-01' }).results;
      const placed = placeResults(plan, results);
      await writeOutputs(context, frame, plan, writePlanOf(plan), placed, { headerCells: headerCellsOf(g, plan) });
      return results;
    });
    const writes = wb.writes();
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
    expect(wb.frozen()).toEqual([10]);
  });

  it('writes nothing when a Worker request fails', async () => {
    const grid = [TEMPLATE, ...roster(8)];
    const wb = simWorkbook(grid);
    const failing: Evaluator = {
      evaluate: async () => {
        throw new Error('令牌无效或未填写（401）');
      },
    };
    await expect(runCompute({ evaluator: failing }, wb.run)).rejects.toThrow(/第 1\/1 部分.*401.*未写入任何单元格/);
    expect(wb.writes()).toEqual([]);
    wb.unchanged();
  });

  it('stops before sending when a required header is missing or an unknown header is not confirmed', async () => {
    let sent = 0;
    const counting: Evaluator = { evaluate: async (rows, o) => (sent++, { ...evaluate(rows, o), batchId: 'b' }) };
    const noName = simWorkbook([['市平台公需课学时', '市平台专业课学时'], [30, 60]]);
    const out = await runCompute({ evaluator: counting }, noName.run);
    expect(out.kind).toBe('preflight');
    const unknown = simWorkbook([['姓名', '工号', '市平台公需课学时'], ['张三', 'A01', 30]]);
    const out2 = await runCompute({ evaluator: counting }, unknown.run);
    expect(out2.kind === 'preflight' && out2.preflight.unknown).toEqual(['工号']);
    expect(sent).toBe(0);
    expect(noName.writes().concat(unknown.writes())).toEqual([]);
    noName.unchanged();
    unknown.unchanged();
    const confirmed = await runCompute({ evaluator: counting, acceptUnknown: ['工号'] }, unknown.run);
    expect(confirmed.kind).toBe('done');
    expect(sent).toBe(1);
  });

  it('a full run reports counts, attention rows and batch ids', async () => {
    const grid = [TEMPLATE, ...roster(6)];
    const wb = simWorkbook(grid);
    const out = await runCompute({ evaluator: localEvaluator, asOf: '2023-11-01' }, wb.run);
    if (out.kind !== 'done') throw new Error('expected done');
    expect(out.counts).toMatchObject({ compliant: 4, short: 2, total: 6 });
    expect(out.attention.map((a) => a.sheetRow)).toEqual([1, 4]);
    expect(out.batchIds).toEqual(['b']);
    expect(out.created).toEqual([...OUTPUT_HEADERS]);
  });
});
