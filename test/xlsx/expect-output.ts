// Checks a result workbook cell by cell: every person's nine output cells equal formatRowOutput(evaluate()) of the
// inputs the test wrote, every input cell is unchanged, 年度汇总 exists. Used by the CLI test and the page e2e.
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { OUTPUT_HEADERS, evaluate, formatRowOutput } from '../../shared/index';
import type { RosterFile } from './rosters';

export async function loadWorkbook(source: string | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof source === 'string') await wb.xlsx.readFile(source);
  else await wb.xlsx.load(source as unknown as ExcelJS.Buffer);
  return wb;
}

/** The first row (1-based) and column (1-based) of the nine output headers on a sheet. */
export function outputBlock(ws: ExcelJS.Worksheet): { row: number; col: number } {
  for (let r = 1; r <= 10; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= row.cellCount; c++) {
      if (row.getCell(c).value === OUTPUT_HEADERS[0]) {
        OUTPUT_HEADERS.forEach((h, i) => expect(row.getCell(c + i).value, `${ws.name} 输出表头 ${h}`).toBe(h));
        return { row: r, col: c };
      }
    }
  }
  throw new Error(`工作表 ${ws.name} 没有输出列`);
}

/** Every cell of every sheet as "sheet!R,C" → JSON of its value (optionally leaving some columns out). */
export function cellMap(wb: ExcelJS.Workbook, skip: (sheet: string, row: number, col: number) => boolean = () => false): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (skip(ws.name, r, c) || cell.type === 1 /* merged: the master holds the value */) return;
        out.set(`${ws.name}!${r},${c}`, JSON.stringify(cell.value));
      });
    });
  }
  return out;
}

const cellOf = (v: string | number | boolean | null | undefined): unknown => (v === '' || v === undefined ? null : v);

/**
 * The result file against the roster the test wrote: outputs = evaluate() (one call over every person), duplicate
 * ID rows are 数据有误 naming the other row, input cells as in `original`, 年度汇总 present.
 */
export function expectResultMatches(result: ExcelJS.Workbook, original: ExcelJS.Workbook, f: RosterFile, asOf: string, duplicateRows: { sheet: string; row: number }[] = []): void {
  const expected = evaluate(f.persons.map((p) => p.input), { asOf }).results;
  const blocks = new Map(f.sheets.map((s) => [s, outputBlock(result.getWorksheet(s) as ExcelJS.Worksheet)]));
  const isDuplicate = (sheet: string, row: number): boolean => duplicateRows.some((d) => d.sheet === sheet && d.row === row);
  let compared = 0;
  f.persons.forEach((p, i) => {
    const ws = result.getWorksheet(p.sheet) as ExcelJS.Worksheet;
    const b = blocks.get(p.sheet) as { row: number; col: number };
    const got = OUTPUT_HEADERS.map((_, o) => ws.getCell(p.row, b.col + o).value);
    if (isDuplicate(p.sheet, p.row)) {
      expect(got.slice(0, 5), `${p.sheet}!${p.row} 重复身份证号：无学时`).toEqual([null, null, null, null, null]);
      expect(got[6]).toBe('数据有误');
      expect(String(got[8])).toContain('相同');
      return;
    }
    const want = formatRowOutput(expected[i]).map(cellOf);
    expect(got, `${p.sheet} 第 ${p.row} 行（${String(p.input.name)}）`).toEqual(want);
    compared++;
  });
  expect(compared + duplicateRows.length).toBe(f.persons.length);
  // Title, header, 合计 and footer rows get no output.
  for (const [sheet, b] of blocks) {
    const ws = result.getWorksheet(sheet) as ExcelJS.Worksheet;
    const personRows = new Set(f.persons.filter((p) => p.sheet === sheet).map((p) => p.row));
    for (let r = 1; r <= ws.rowCount; r++) {
      if (r === b.row || personRows.has(r)) continue;
      const got = OUTPUT_HEADERS.map((_, o) => ws.getCell(r, b.col + o).value);
      expect(got, `${sheet} 第 ${r} 行不是人员：无输出`).toEqual(OUTPUT_HEADERS.map(() => null));
    }
  }
  // Input cells: everything the original holds is in the result, unchanged.
  const before = cellMap(original);
  const after = cellMap(result);
  for (const [k, v] of before) expect(after.get(k), `输入单元格 ${k}`).toBe(v);
  expect(result.getWorksheet('年度汇总'), '年度汇总').toBeDefined();
}
