// Checks a result workbook cell by cell: every person's nine output cells equal formatRowOutput(evaluate()) of the
// inputs the test wrote, every input cell is unchanged, 年度汇总 exists, and the 提醒名单 / 审核材料清单 list the people
// evaluate() says they should. Used by the CLI test and the page e2e.
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { OUTPUT_HEADERS, evaluate, formatRowOutput, getRuleSet } from '../../shared/index';
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

/** The duty sheet of a roster sheet in a result file: the plain name with one roster sheet, else 名称（花名册工作表）. */
export function dutySheetOf(result: ExcelJS.Workbook, name: '提醒名单' | '审核材料清单', rosterSheet: string, several: boolean): ExcelJS.Worksheet {
  const ws = several ? result.worksheets.find((w) => w.name.startsWith(`${name}（${rosterSheet.slice(0, 3)}`)) : result.getWorksheet(name);
  expect(ws, `${name}（${rosterSheet}）`).toBeDefined();
  return ws as ExcelJS.Worksheet;
}

/** The rows under a duty sheet's header (row 6), as header → value, the header row's labels as keys. */
export function dutyRows(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const HEADER_ROW = 6;
  const headers = (ws.getRow(HEADER_ROW).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const row: Record<string, unknown> = {};
    headers.forEach((h, c) => {
      const cell = ws.getCell(r, c + 1);
      row[h] = cell.isMerged && cell.master !== cell ? null : cell.value;
    });
    if (Object.values(row).some((v) => v !== null && v !== '')) out.push(row);
  }
  return out;
}

/**
 * 提醒名单 and 审核材料清单 of each roster sheet against evaluate() over the persons the test wrote: the 提醒名单 lists
 * everyone not 达标 plus every title applicant, earliest deadline first, with evaluate()'s status and deadline; the
 * 审核材料清单 lists everyone with credited hours from a source other than the city platform (附件1第7条) or a
 * prorated requirement (附件1第6条), with one row per such source. Duplicate-ID rows are 数据有误 in both.
 */
export function expectDutySheetsMatch(result: ExcelJS.Workbook, f: RosterFile, asOf: string, duplicateRows: { sheet: string; row: number }[] = []): void {
  const rs = getRuleSet();
  const expected = evaluate(f.persons.map((p) => p.input), { asOf }).results;
  const platform = new Set([rs.sources.platformPublic.label, rs.sources.platformProfessional.label]);
  const several = f.sheets.length > 1;
  for (const sheet of f.sheets) {
    const isDuplicate = (row: number): boolean => duplicateRows.some((d) => d.sheet === sheet && d.row === row);
    const people = f.persons.map((p, i) => ({ ...p, r: expected[i] })).filter((p) => p.sheet === sheet && p.r.status !== '');
    const remind = people.filter((p) => isDuplicate(p.row) || p.r.status !== '达标' || p.input.titleApplicant === '是');
    const reminders = dutyRows(dutySheetOf(result, '提醒名单', sheet, several));
    expect(new Set(reminders.map((r) => r['花名册行号'])), `提醒名单（${sheet}）的人`).toEqual(new Set(remind.map((p) => p.row)));
    expect(reminders, `提醒名单（${sheet}）的人`).toHaveLength(remind.length);
    for (const p of remind) {
      const got = reminders.find((r) => r['花名册行号'] === p.row) as Record<string, unknown>;
      expect(got['姓名'], `提醒名单 ${sheet}!${p.row}`).toBe(p.input.name);
      expect(got['状态'], `提醒名单 ${sheet}!${p.row}`).toBe(isDuplicate(p.row) ? '数据有误' : p.r.status);
      if (!isDuplicate(p.row)) expect(got['完成期限'] ?? '', `提醒名单 ${sheet}!${p.row}`).toBe(p.r.deadline);
    }
    const deadlines = reminders.map((r) => String(r['完成期限'] ?? '')).filter((d) => d !== '');
    expect(deadlines, `提醒名单（${sheet}）按完成期限排序`).toEqual([...deadlines].sort());

    const evidenced = people.filter((p) => !isDuplicate(p.row) && p.r.status !== '数据有误').map((p) => ({
      ...p,
      sources: p.r.breakdown.filter((b) => !platform.has(b.label) && b.public + b.professional > 0).length +
        // a proration lowers both requirements; 专业课按行业规定 only the professional one, and is no proration
        (p.r.requiredPublic < (rs.parameters.requiredPublic.value as number) ? 1 : 0),
    })).filter((p) => p.sources > 0);
    const checklist = dutyRows(dutySheetOf(result, '审核材料清单', sheet, several));
    const listed = checklist.map((r) => r['花名册行号']).filter((v) => v !== null && v !== '');
    expect(listed, `审核材料清单（${sheet}）的人`).toEqual(evidenced.map((p) => p.row));
    expect(checklist, `审核材料清单（${sheet}）：每个来源一行`).toHaveLength(evidenced.reduce((n, p) => n + p.sources, 0));
  }
}
