/// <reference types="node" />
// Every worked case and batch through the add-in's 计算学时 (runCompute on the strict simulated Excel): the cells of
// test/fixtures/worked-cases.xlsx (the cases as LibreOffice saved them: title row, 序号, another column order, real
// rosters' spellings) are put on a sheet; the add-in reads and maps them, sends the rows without names or ID numbers
// to a service that answers in the compact form (compacted and expanded over JSON, as over HTTP), and writes back
// cells that are the output of each case's result, which meets the case's expectations.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compactAnswer, expandAnswer, rulesTableFor } from '../../shared/compact';
import { ENGINE_VERSION, OUTPUT_HEADERS, evaluate, formatRowOutput, getRuleSet, listRuleSets } from '../../shared/index';
import type { CellValue, RosterRowInput, RowResult } from '../../shared/types';
import type { Evaluator } from '../../addin/compute/compute';
import { runCompute } from '../../addin/compute/run';
import { openPackage, readSharedStrings } from '../../xlsx/package';
import { readSheet } from '../../xlsx/read-sheet';
import { readZip } from '../../xlsx/zip/zip-read';
import { WorkbookModel, createExcel, type Scalar, type SheetModel } from '../support/excel-sim';
import { WORKED_BATCHES, WORKED_CASES, expectResult } from '../support/worked-cases';

const AS_OF = '2023-11-01';
const rulesJson: unknown = JSON.parse(JSON.stringify({ engineVersion: ENGINE_VERSION, ruleSets: listRuleSets() }));

afterEach(() => vi.unstubAllGlobals());

/** The cells of a sheet of the fixture (values as Excel's Range.values gives them), from its first row and column. */
async function fixtureSheet(name: string): Promise<Scalar[][]> {
  const pkg = openPackage(readZip(new Uint8Array(readFileSync(new URL('../fixtures/worked-cases.xlsx', import.meta.url)))));
  const ws = pkg.sheets.find((s) => s.name === name);
  if (!ws) throw new Error(`fixture has no sheet ${name}`);
  const { grid } = readSheet(pkg, ws, readSharedStrings(pkg));
  expect(grid.origin).toEqual({ row: 0, col: 0 });
  return grid.values.map((row) => row.map((v) => (v ?? '') as Scalar));
}

/** A 计算服务 stand-in that answers in the compact form, through JSON, expanded with GET /v1/rules as the client does. */
function compactService(): Evaluator & { sent: RosterRowInput[][] } {
  const sent: RosterRowInput[][] = [];
  return {
    sent,
    async evaluate(rows, options) {
      sent.push(JSON.parse(JSON.stringify(rows)) as RosterRowInput[]);
      const full = evaluate(rows, options);
      const compact = JSON.parse(JSON.stringify(compactAnswer(full, rows, getRuleSet(full.ruleSet)))) as ReturnType<typeof compactAnswer>;
      return { ...expandAnswer(compact, rows, rulesTableFor(rulesJson, compact)), batchId: `b${sent.length}` };
    },
  };
}

/** Runs 计算学时 on a workbook holding `cells` as its only sheet; returns the sheet and the header row (0-based). */
async function compute(cells: Scalar[][], service: Evaluator): Promise<{ sheet: SheetModel; headerRow: number; outCol: number }> {
  const model = new WorkbookModel();
  const sheet = model.addSheet('花名册');
  cells.forEach((row, r) => row.forEach((v, c) => v !== '' && sheet.set(r, c, v)));
  vi.stubGlobal('Excel', createExcel(model));
  const out = await runCompute({ evaluator: service, asOf: AS_OF, acceptUnknown: ['序号'] }, createExcel(model).run);
  expect(out.kind).toBe('done');
  const headerRow = cells.findIndex((row) => row.includes('姓名'));
  const outCol = sheet.block(headerRow, 0, 1, cells[headerRow].length + OUTPUT_HEADERS.length)[0].indexOf(OUTPUT_HEADERS[0]);
  expect(sheet.block(headerRow, outCol, 1, OUTPUT_HEADERS.length)[0]).toEqual([...OUTPUT_HEADERS]);
  return { sheet, headerRow, outCol };
}

const shown = (r: RowResult): CellValue[] => formatRowOutput(r).map((v) => v ?? '');
const blankOutput = (): string[] => OUTPUT_HEADERS.map(() => '');

describe('worked cases through 计算学时 (simulated Excel, compact answers)', () => {
  it('every case: the cells written are the output of a result that meets the case’s expectations', async () => {
    const cells = await fixtureSheet('示例');
    const service = compactService();
    const { sheet, headerRow, outCol } = await compute(cells, service);
    WORKED_CASES.forEach((c, i) => {
      const own = evaluate([c.row], { asOf: c.asOf }).results[0];
      expectResult(own, c.expect, c.id);
      const got = sheet.block(headerRow + 1 + i, outCol, 1, OUTPUT_HEADERS.length)[0];
      // blank rows and total rows are not computed: no output
      expect(got, c.id).toEqual(c.expect.status === '' ? blankOutput() : shown(own));
    });
    // the service saw each person's row under a row key, without name or ID number, with the new column's value
    const sent = service.sent.flat();
    expect(sent.every((r) => r.idNumber === undefined && (r.name === undefined || /^R\d+$/.test(String(r.name))))).toBe(true);
    expect(sent.filter((r) => r.professionalBySector === '是')).toHaveLength(WORKED_CASES.filter((c) => c.row.professionalBySector === '是').length);
    expect(sent.some((r) => r.titleSubmissionDate === 20231009)).toBe(true);
  });

  it.each(WORKED_BATCHES.map((b) => [b.id, b] as const))('batch %s: each row meets its expectations; a duplicate names the other sheet row', async (id, b) => {
    const cells = await fixtureSheet(id);
    const { sheet, headerRow, outCol } = await compute(cells, compactService());
    const results = evaluate(b.rows, { asOf: b.asOf }).results;
    b.expect.forEach((want, i) => {
      expectResult(results[i], want, `${id} row ${i}`);
      const got = sheet.block(headerRow + 1 + i, outCol, 1, OUTPUT_HEADERS.length)[0];
      if (want.duplicateOf === undefined) {
        expect(got, `${id} row ${i}`).toEqual(shown(results[i]));
        return;
      }
      // 数据有误, no hours; 说明 names the other rows as the clerk sees them (sheet rows, 1-based)
      expect(got.slice(0, 7), `${id} row ${i}`).toEqual(['', '', '', '', '', results[i].deadline, '数据有误']);
      for (const other of want.duplicateOf) expect(String(got[8])).toContain(`第 ${headerRow + 2 + other} 行`);
    });
  });
});
