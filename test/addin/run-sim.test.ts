// runCompute against the strict simulated Excel of the e2e harness (in Node): tables, filtered rows, title rows,
// changes during the computation, payload limits, and the simulator's own strictness.
import { describe, expect, it } from 'vitest';
import { HEADERS, OUTPUT_HEADERS, evaluate, formatRowOutput, mapHeaders, rowFromCells } from '../../shared/index';
import type { CellValue } from '../../shared/types';
import type { Evaluator } from '../../addin/compute/compute';
import { runCompute } from '../../addin/compute/run';
import { insertSampleRoster } from '../../addin/template/sample-sheet';
import { SimError, WorkbookModel, createExcel, type Scalar, type SheetModel } from '../support/excel-sim';

const AS_OF = '2023-11-01';
const TEMPLATE = HEADERS.map((h) => h.zh);
const local = (): Evaluator & { requests: number } => {
  const ev = {
    requests: 0,
    evaluate: async (rows: Parameters<Evaluator['evaluate']>[0], o: Parameters<Evaluator['evaluate']>[1]) => {
      ev.requests++;
      return { ...evaluate(rows, o), batchId: `b${ev.requests}` };
    },
  };
  return ev;
};

function fill(sheet: SheetModel, top: number, left: number, rows: Scalar[][]): void {
  rows.forEach((r, i) => r.forEach((v, j) => sheet.set(top + i, left + j, v)));
}

function person(i: number, extra: Partial<Record<string, Scalar>> = {}): Scalar[] {
  const row: Scalar[] = TEMPLATE.map(() => '');
  row[0] = `人员${i}`;
  row[2] = extra.unit !== undefined ? extra.unit : `单位${i % 3}`;
  row[4] = 30;
  row[5] = i % 4 === 0 ? 45 : 60;
  return row;
}

function expectedBlock(sheet: SheetModel, headerRow: number, left: number, width: number, n: number): CellValue[][] {
  const header = sheet.block(headerRow, left, 1, width)[0];
  const mapping = mapHeaders(header);
  const data = sheet.block(headerRow + 1, left, n, width);
  return evaluate(
    data.map((r) => rowFromCells(r, mapping.columns)),
    { asOf: AS_OF },
  ).results.map((r) => formatRowOutput(r).map((c) => c ?? ''));
}

describe('runCompute over the simulated workbook', () => {
  it('title row, filtered (hidden) rows and a column without header right of the roster: writes by row address', async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet('花名册');
    sheet.set(0, 1, '2023年度专业技术人员继续教育学时台账');
    fill(sheet, 2, 1, [TEMPLATE, ...Array.from({ length: 40 }, (_, i) => person(i))]);
    sheet.set(10, 1 + TEMPLATE.length, '备忘：无表头的列');
    for (let r = 3; r < 43; r += 2) sheet.hiddenRows.add(r);
    const before = sheet.block(0, 0, 43, 1 + TEMPLATE.length + 1);
    const out = await runCompute({ evaluator: local(), asOf: AS_OF }, createExcel(model).run);
    expect(out.kind).toBe('done');
    const w = TEMPLATE.length;
    const outCol = 1 + w + 1; // right of the header-less column
    expect(sheet.block(0, 0, 43, 1 + w + 1)).toEqual(before);
    expect(sheet.block(2, outCol, 1, 9)[0]).toEqual([...OUTPUT_HEADERS]);
    expect(sheet.block(3, outCol, 40, 9)).toEqual(expectedBlock(sheet, 2, 1, w + 1, 40));
    expect(sheet.frozenRows).toBe(3);
  });

  it('reads from the table holding the selection and adds the output columns to the table', async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet('花名册');
    fill(sheet, 0, 0, [TEMPLATE, ...Array.from({ length: 12 }, (_, i) => person(i))]);
    sheet.set(20, 0, '表格下方的备注，不属于花名册');
    model.addTable(sheet.id, '花名册表', 0, 0, 13, TEMPLATE.length);
    model.selection = { sheetId: sheet.id, row: 5, col: 3, rows: 1, cols: 1 };
    const out = await runCompute({ evaluator: local(), asOf: AS_OF }, createExcel(model).run);
    expect(out.kind === 'done' && out.counts.total).toBe(12);
    expect(model.tables[0].cols).toBe(TEMPLATE.length + 9);
    expect(sheet.block(0, TEMPLATE.length, 1, 9)[0]).toEqual([...OUTPUT_HEADERS]);
    expect(sheet.block(1, TEMPLATE.length, 12, 9)).toEqual(expectedBlock(sheet, 0, 0, TEMPLATE.length, 12));
    expect(sheet.get(20, 0)).toBe('表格下方的备注，不属于花名册');
    // Second run: same sheet, no new columns.
    const snap = sheet.block(0, 0, 21, TEMPLATE.length + 9);
    await runCompute({ evaluator: local(), asOf: AS_OF }, createExcel(model).run);
    expect(model.tables[0].cols).toBe(TEMPLATE.length + 9);
    expect(sheet.block(0, 0, 21, TEMPLATE.length + 10)).toEqual(snap.map((r) => [...r, '']));
  });

  it('writes nothing if the sheet changed while the Worker was computing', async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet('花名册');
    fill(sheet, 0, 0, [TEMPLATE, ...Array.from({ length: 5 }, (_, i) => person(i))]);
    const changing: Evaluator = {
      evaluate: async (rows, o) => {
        sheet.set(6, 0, '新插入的人'); // the user typed a row meanwhile
        return { ...evaluate(rows, o), batchId: 'b' };
      },
    };
    const written = model.stats.cellsWritten;
    await expect(runCompute({ evaluator: changing, asOf: AS_OF }, createExcel(model).run)).rejects.toThrow(/被修改.*未写入任何单元格/);
    expect(model.stats.cellsWritten).toBe(written);
    expect(sheet.block(0, TEMPLATE.length, 7, 9).flat().every((v) => v === '')).toBe(true);
  });

  it('cancelled while computing: nothing is written', async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet('花名册');
    fill(sheet, 0, 0, [TEMPLATE, ...Array.from({ length: 7000 }, (_, i) => person(i))]);
    const controller = new AbortController();
    const ev = local();
    const cancelling: Evaluator = {
      evaluate: async (rows, o, signal) => {
        controller.abort();
        return ev.evaluate(rows, o, signal);
      },
    };
    await expect(runCompute({ evaluator: cancelling, asOf: AS_OF, signal: controller.signal }, createExcel(model).run)).rejects.toThrow(/已取消/);
    expect(model.stats.cellsWritten).toBe(0);
    expect(ev.requests).toBe(1);
  });

  it('keeps every sync under 5 MB with long cells, splitting reads Excel rejects', async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet('花名册');
    const long = '枣庄市某某某单位'.repeat(250);
    fill(sheet, 0, 0, [TEMPLATE, ...Array.from({ length: 3000 }, (_, i) => person(i, { unit: long }))]);
    const ev = local();
    const out = await runCompute({ evaluator: ev, asOf: AS_OF }, createExcel(model).run);
    expect(out.kind === 'done' && out.counts.total).toBe(3000);
    expect(model.stats.maxRequestBytes).toBeLessThanOrEqual(model.payloadLimitBytes);
    expect(sheet.block(1, TEMPLATE.length, 3000, 9)).toEqual(expectedBlock(sheet, 0, 0, TEMPLATE.length, 3000));
    // a 2,000-character unit is no unit's name: 数据有误 (TOO_LONG) found locally, so no such cell goes to the service
    expect(sheet.get(1, TEMPLATE.length + OUTPUT_HEADERS.indexOf('状态'))).toBe('数据有误');
    expect(ev.requests).toBe(1);
  });

  it('inserts a 30-row sample sheet with text-formatted ID numbers', async () => {
    const model = new WorkbookModel();
    model.addSheet('Sheet1');
    const excel = createExcel(model);
    const r = await excel.run(insertSampleRoster);
    const r2 = await excel.run(insertSampleRoster);
    expect([r.sheetName, r2.sheetName]).toEqual(['示例花名册', '示例花名册2']);
    const sheet = model.sheet('示例花名册')!;
    expect(sheet.usedBox()).toEqual({ row: 0, col: 0, rows: 31, cols: TEMPLATE.length });
    const ids = sheet.block(1, 1, 30, 1).flat();
    expect(ids.every((v) => typeof v === 'string' && /^\d{17}[\dX]$/.test(v))).toBe(true);
    expect(model.sheet(model.activeSheetId)?.name).toBe('示例花名册2');
  });
});

describe('the simulator is strict like Excel', () => {
  it('throws on a property read before load + sync, and on wrong shapes at sync', async () => {
    const model = new WorkbookModel();
    model.addSheet('S');
    await createExcel(model).run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRangeByIndexes(0, 0, 2, 2);
      expect(() => range.values).toThrow(/not available/);
      range.load('values');
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toEqual([
        ['', ''],
        ['', ''],
      ]);
      range.values = [[1, 2]];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });

  it('queues writes until sync and rejects a payload over 5 MB without applying it', async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet('S');
    await createExcel(model).run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.getRangeByIndexes(0, 0, 1, 1).values = [['x']];
      expect(sheet.get(0, 0)).toBe('');
      await context.sync();
      expect(sheet.get(0, 0)).toBe('x');
      const big = Array.from({ length: 2000 }, () => ['长'.repeat(1000)]);
      ws.getRangeByIndexes(1, 0, 2000, 1).values = big;
      const err = await context.sync().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SimError);
      expect((err as SimError).code).toBe('RequestPayloadSizeLimitExceeded');
      expect(sheet.get(1, 0)).toBe('');
    });
  });

  it('converts text typed into General cells like Excel, but not into text (@) cells', async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet('S');
    await createExcel(model).run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.getRangeByIndexes(0, 0, 1, 2).values = [['370402198503121231', '2023-12-31']];
      const t = ws.getRangeByIndexes(1, 0, 1, 2);
      t.numberFormat = [['@', '@']];
      t.values = [['370402198503121231', '2023-12-31']];
      await context.sync();
    });
    expect(typeof sheet.get(0, 0)).toBe('number');
    expect(sheet.get(0, 1)).toBe(45291);
    expect(sheet.block(1, 0, 1, 2)).toEqual([['370402198503121231', '2023-12-31']]);
  });
});
