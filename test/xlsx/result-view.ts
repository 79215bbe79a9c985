// A result file (read independently with exceljs) as the shared checks see it (test/support/roster-expect.ts), and
// the check that the clerk's file is all there: every input cell, every note, every frozen pane.
import type ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { OUTPUT_HEADERS } from '../../shared/index';
import type { ResultView } from '../support/roster-expect';
import { cellMap, outputBlock } from './expect-output';

const plain = (v: ExcelJS.CellValue): unknown => (v === null || v === undefined ? '' : v);

/** A sheet's values as rows (row 0 = Excel row 1), merged cells' other cells empty. */
export function sheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    out.push(Array.from({ length: ws.columnCount }, (_, c) => {
      const cell = row.getCell(c + 1);
      return cell.isMerged && cell.master !== cell ? '' : plain(cell.value);
    }));
  }
  return out;
}

export function xlsxView(result: ExcelJS.Workbook): ResultView {
  const sheet = (name: string): ExcelJS.Worksheet => {
    const ws = result.getWorksheet(name);
    expect(ws, `结果文件中的工作表“${name}”`).toBeDefined();
    return ws as ExcelJS.Worksheet;
  };
  const blocks = new Map<string, { row: number; col: number }>();
  const block = (name: string): { row: number; col: number } => {
    let b = blocks.get(name);
    if (!b) blocks.set(name, (b = outputBlock(sheet(name))));
    return b;
  };
  return {
    outputs: (name, row) => OUTPUT_HEADERS.map((_, o) => plain(sheet(name).getCell(row, block(name).col + o).value)),
    lastRow: (name) => sheet(name).rowCount,
    outputHeaderRow: (name) => block(name).row,
    summary: sheetValues(sheet('年度汇总')),
  };
}

/** Notes of a workbook as "sheet!A1" → text. */
function notesOf(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const note = cell.note;
        if (note === undefined) return;
        const text = typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
        out.set(`${ws.name}!${cell.address}`, text);
      }),
    );
  }
  return out;
}

/** Every input cell, note and frozen pane of the clerk's file is in the result, unchanged. */
export function expectInputsKept(original: ExcelJS.Workbook, result: ExcelJS.Workbook): void {
  // compared as values: exceljs may write a rich text run's font attributes in another order
  const after = cellMap(result);
  for (const [k, v] of cellMap(original)) expect(JSON.parse(after.get(k) ?? 'null'), `输入单元格 ${k}`).toEqual(JSON.parse(v));
  const notes = notesOf(result);
  for (const [k, v] of notesOf(original)) expect(notes.get(k), `批注 ${k}`).toBe(v);
  type Pane = { state?: string; xSplit?: number; ySplit?: number };
  for (const ws of original.worksheets) {
    const view = ws.views?.[0] as Pane | undefined;
    if (view?.state !== 'frozen') continue;
    const kept = result.getWorksheet(ws.name)?.views?.[0] as Pane | undefined;
    expect({ state: kept?.state, xSplit: kept?.xSplit ?? 0, ySplit: kept?.ySplit ?? 0 }, `“${ws.name}”的冻结窗格`).toEqual({
      state: 'frozen',
      xSplit: view.xSplit ?? 0,
      ySplit: view.ySplit ?? 0,
    });
  }
}
