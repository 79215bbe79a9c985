// The annual summary and the roster template against the strict Excel simulator (load/sync discipline, payload
// limits, shape checks, tables, charts, validation: test/support/excel-sim). Runs in Node, no browser.
import { afterEach, describe, expect, it, vi } from 'vitest';
import examples from '../fixtures/examples.json';
import { HEADERS, evaluate, getRuleSet } from '../../shared/index';
import type { CellValue, RosterRowInput } from '../../shared/types';
import { WorkbookModel, createExcel, type Scalar } from '../support/excel-sim';
import { buildAnnualSummarySheet } from '../../addin/summary/summary-sheet';
import { SUMMARY_SHEET_NAME, TABLE_NAMES } from '../../addin/summary/layout';
import { writeRosterTemplate } from '../../addin/template/roster-template';
import { TEMPLATE_SHEET_NAME } from '../../addin/template/template-layout';

type Example = { row: Record<string, CellValue> };
const groups = [['甲医院', '内科'], ['甲医院', '外科'], ['乙中学', '']];

function roster(n: number): RosterRowInput[] {
  const base = (examples as unknown as Example[]).map((e) => e.row as RosterRowInput).filter((r) => Object.keys(r).length > 0);
  return Array.from({ length: n }, (_, i) => ({ ...base[i % base.length], name: `人员${i}`, unit: groups[i % 3][0], department: groups[i % 3][1] }));
}

function workbook(rows: RosterRowInput[]): WorkbookModel {
  const model = new WorkbookModel();
  const sheet = model.addSheet('花名册');
  HEADERS.forEach((h, c) => sheet.set(0, c, h.zh));
  rows.forEach((row, r) => HEADERS.forEach((h, c) => sheet.set(r + 1, c, (row[h.key] ?? '') as Scalar)));
  return model;
}

afterEach(() => vi.unstubAllGlobals());

describe('annual summary on the simulated Excel', () => {
  it('matches evaluate’s summary, with tables and a clustered column chart, in a few syncs', async () => {
    const rows = roster(3000);
    const model = workbook(rows);
    vi.stubGlobal('Excel', createExcel(model));
    const out = await buildAnnualSummarySheet({ asOf: '2023-11-01' });
    expect(out).toMatchObject({ computedBy: 'local', rows: 3000, fallbackReason: '未设置计算服务地址或访问令牌', sheets: ['花名册'], duplicates: [] });
    const want = evaluate(rows, { asOf: '2023-11-01' }).summary;
    const sheet = model.sheet(SUMMARY_SHEET_NAME);
    if (!sheet) throw new Error('no summary sheet');
    const tables = model.tables.filter((t) => t.sheetId === sheet.id);
    expect(tables.map((t) => t.name).sort()).toEqual(Object.values(TABLE_NAMES).sort());
    const total = tables.find((t) => t.name === TABLE_NAMES.total);
    if (!total) throw new Error('no total table');
    expect(sheet.block(total.row + 1, total.col, 1, 11)[0]).toEqual([
      want.total.headcount, want.total.compliant, want.total.short, want.total.pendingEvidence, want.total.invalid,
      want.total.complianceRate, want.total.avgPublic, want.total.avgProfessional, want.total.avgTotal, want.total.lostHours,
      want.total.professionalBySector,
    ]);
    const attention = tables.find((t) => t.name === TABLE_NAMES.attention);
    expect(attention?.rows).toBe(want.attention.length + 1);
    const charts = sheet.charts;
    expect(charts.map((c) => c.type)).toEqual(['ColumnClustered']);
    expect(sheet.block(charts[0].source.row, charts[0].source.col, charts[0].source.rows, 1).map((r) => r[0])).toEqual(want.groups.map((g) => g.complianceRate));
    expect(model.stats.syncs).toBeLessThanOrEqual(10);
    expect(model.sheet(model.activeSheetId)?.name).toBe(SUMMARY_SHEET_NAME);

    // Refresh from the summary sheet itself: same tables, one chart, nothing else touched.
    const rosterBefore = JSON.stringify(model.sheet('花名册')?.rows);
    await buildAnnualSummarySheet({ asOf: '2023-11-01' });
    expect(model.sheets.map((s) => s.name)).toEqual(['花名册', SUMMARY_SHEET_NAME]);
    expect(model.tables.filter((t) => t.sheetId === sheet.id)).toHaveLength(3);
    expect(sheet.charts).toHaveLength(1);
    expect(JSON.stringify(model.sheet('花名册')?.rows)).toBe(rosterBefore);
  });
});

describe('roster template on the simulated Excel', () => {
  it('writes the headers as a table with one validation per column', async () => {
    const model = workbook([]);
    vi.stubGlobal('Excel', createExcel(model));
    await writeRosterTemplate();
    await writeRosterTemplate();
    const sheet = model.sheet(TEMPLATE_SHEET_NAME);
    if (!sheet) throw new Error('no template');
    expect(sheet.block(0, 0, 1, HEADERS.length)[0]).toEqual(HEADERS.map((h) => h.zh));
    expect(model.tables.filter((t) => t.sheetId === sheet.id)).toEqual([expect.objectContaining({ row: 0, col: 0, rows: 2, cols: HEADERS.length })]);
    const v = sheet.validations;
    expect(v).toHaveLength(HEADERS.length);
    const caseCol = HEADERS.findIndex((h) => h.key === 'specialCase');
    expect(v.find((x) => x.box.col === caseCol)?.rule).toEqual({ list: { inCellDropDown: true, source: getRuleSet().specialCaseNames.join(',') } });
    expect(sheet.frozenRows).toBe(1);
  });
});
