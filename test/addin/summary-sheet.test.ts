// The sheet 年度汇总 built through Excel.run on the strict Excel simulator (test/support/excel-sim): cells, formats,
// tables, chart, Worker or bundled engine, refresh that replaces only its own sheet.
import { afterEach, describe, expect, it, vi } from 'vitest';
import examples from '../fixtures/examples.json';
import { HEADERS, evaluate } from '../../shared/index';
import type { CellValue, EvaluateResponse, RosterRowInput } from '../../shared/types';
import { buildAnnualSummarySheet } from '../../addin/summary/summary-sheet';
import { GROUP_HEADERS, SUMMARY_SHEET_NAME, TABLE_NAMES } from '../../addin/summary/layout';
import { WorkbookModel, cellsAt, createExcel, type Scalar, type SheetModel } from '../support/excel-sim';

type Cell = Scalar | null;

type Example = { id: string; row: Record<string, CellValue> };
const UNITS = [['枣庄市立医院', '内科'], ['枣庄市立医院', '外科'], ['滕州市第一中学', ''], ['山亭区农业局', '农技站']];

/** The worked examples spread over four groups, the blank one in the middle (a used range ends at its last filled row). */
function rosterRows(copies = 1): RosterRowInput[] {
  const rows: RosterRowInput[] = [];
  const all = examples as unknown as Example[];
  const ordered = [...all.filter((e) => Object.keys(e.row).length > 0), ...all.filter((e) => Object.keys(e.row).length === 0)];
  ordered.splice(2, 0, ...ordered.splice(ordered.length - 1, 1));
  for (let k = 0; k < copies; k++) {
    ordered.forEach((ex, i) => {
      const row = { ...(ex.row as RosterRowInput) };
      if (Object.keys(row).length > 0) {
        row.unit = UNITS[i % UNITS.length][0];
        row.department = UNITS[i % UNITS.length][1];
        row.name = `${row.name as string}${k}-${i}`;
      }
      rows.push(row);
    });
  }
  return rows;
}
function sheetRows(rows: RosterRowInput[]): Cell[][] {
  return [['2023年度继续教育学时台账'], HEADERS.map((h) => h.zh), ...rows.map((r) => HEADERS.map((h) => (r[h.key] ?? null) as Cell))];
}
/** A workbook of the given sheets with the simulator installed as the global Excel. */
function workbook(sheets: { name: string; rows: Cell[][] }[]): WorkbookModel {
  const model = WorkbookModel.withSheets(sheets);
  vi.stubGlobal('Excel', createExcel(model));
  return model;
}
const tablesOn = (model: WorkbookModel, sheet: SheetModel) => model.tables.filter((t) => t.sheetId === sheet.id);
function tableOn(model: WorkbookModel, sheet: SheetModel, key: keyof typeof TABLE_NAMES) {
  const t = tablesOn(model, sheet).find((x) => x.name === TABLE_NAMES[key]);
  if (!t) throw new Error(`no table ${key}`);
  return t;
}
function tableValues(model: WorkbookModel, sheet: SheetModel, key: keyof typeof TABLE_NAMES): Scalar[][] {
  const t = tableOn(model, sheet, key);
  return sheet.block(t.row, t.col, t.rows, t.cols);
}
/** Every value from A1 to the used range's end. */
function allValues(sheet: SheetModel): Scalar[][] {
  const b = sheet.usedBox();
  return b ? sheet.block(0, 0, b.row + b.rows, b.col + b.cols) : [];
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('buildAnnualSummarySheet (bundled engine)', () => {
  it('writes the engine’s summary: totals, groups, attention list, formats, tables and a clustered column chart', async () => {
    const rows = rosterRows();
    const model = workbook([{ name: '花名册', rows: sheetRows(rows) }]);
    const rosterBefore = allValues(model.sheets[0]);

    const out = await buildAnnualSummarySheet({ asOf: '2023-11-01' });
    const want = evaluate(rows, { asOf: '2023-11-01' }).summary;
    expect(out).toMatchObject({ computedBy: 'local', rows: rows.length, fallbackReason: '未设置计算服务地址或访问令牌', duplicates: [] });

    const sheet = model.sheet(SUMMARY_SHEET_NAME);
    if (!sheet) throw new Error('年度汇总 not made');
    expect(model.sheets.map((s) => s.name)).toEqual(['花名册', SUMMARY_SHEET_NAME]); // one sheet added
    expect(allValues(model.sheets[0])).toEqual(rosterBefore); // the roster is never written
    expect(sheet.get(0, 0)).toBe('2023年度专业技术人员继续教育学时汇总');
    expect(cellsAt(sheet, 'A2:B6')).toEqual([
      ['规则集', expect.stringContaining('zaozhuang-2023')],
      ['生成时间', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)],
      ['数据来源', '本地引擎（未设置计算服务地址或访问令牌）'],
      ['花名册工作表', '花名册'],
      ['引擎版本', evaluate([]).engineVersion],
    ]);

    const t = want.total;
    expect(tableValues(model, sheet, 'total')).toEqual([
      expect.arrayContaining(['人数', '达标率']),
      [t.headcount, t.compliant, t.short, t.pendingEvidence, t.invalid, t.complianceRate, t.avgPublic, t.avgProfessional, t.avgTotal, t.lostHours, t.professionalBySector],
    ]);
    expect(t.headcount).toBe(rows.length - 1);
    // the worked case checked by the sector (ex24) is counted in 专业课按行业规定人数
    expect(t.professionalBySector).toBeGreaterThan(0);

    const groups = tableValues(model, sheet, 'groups');
    expect(groups[0]).toEqual(GROUP_HEADERS);
    expect(groups.slice(1)).toEqual(
      want.groups.map((g) => [g.unit, g.department, g.headcount, g.compliant, g.short, g.pendingEvidence, g.invalid, g.complianceRate, g.avgPublic, g.avgProfessional, g.avgTotal, g.lostHours, g.professionalBySector]),
    );
    expect(want.groups.map((g) => g.department)).toContain('（未填）');
    // The grand-total row right below the groups table.
    const groupsTable = tableOn(model, sheet, 'groups');
    const lastGroupRow = groupsTable.row + groupsTable.rows - 1;
    expect(sheet.block(lastGroupRow + 1, 0, 1, 4)).toEqual([['合计', '', t.headcount, t.compliant]]);
    const rateCol = GROUP_HEADERS.indexOf('达标率');
    expect(sheet.format(groupsTable.row + 1, rateCol)).toBe('0.0%');
    expect(sheet.format(groupsTable.row + 1, 0)).toBe('@');

    const attention = tableValues(model, sheet, 'attention');
    expect(attention.slice(1)).toEqual(
      want.attention.map((a) => [a.index + 3, a.name, a.unit, a.department, a.status, a.publicShortfall, a.professionalShortfall, a.deadline]),
    );
    const deadlines = attention.slice(1).map((r) => String(r[7]));
    expect([...deadlines].sort()).toEqual(deadlines);
    expect(attention.length - 1).toBe(rows.length - 1 - t.compliant);
    // 花名册行号 points at the person's row on the roster sheet (title row + header row above the data).
    const first = want.attention[0];
    expect(model.sheets[0].get(first.index + 2, 0)).toBe(first.name);

    const charts = sheet.charts;
    expect(charts).toHaveLength(1);
    const chart = charts[0];
    expect(chart.type).toBe('ColumnClustered');
    expect(chart.seriesName).toBe('达标率');
    const { source, categories } = chart;
    expect(sheet.block(source.row, source.col, source.rows, source.cols).map((r) => r[0])).toEqual(want.groups.map((g) => g.complianceRate));
    expect(categories && sheet.block(categories.row, categories.col, categories.rows, categories.cols)).toEqual(want.groups.map((g) => [g.unit, g.department]));
    expect(chart.valueAxis.numberFormat).toBe('0%');
    expect(chart.position).not.toBeNull();
    expect(model.sheet(model.activeSheetId)?.name).toBe(SUMMARY_SHEET_NAME);
  });

  it('refreshing replaces the content of 年度汇总 only, even when run from 年度汇总 itself', async () => {
    const rows = rosterRows();
    const model = workbook([
      { name: '花名册', rows: sheetRows(rows) },
      { name: '备注', rows: [['别动我']] },
    ]);
    await buildAnnualSummarySheet({});
    const first = model.sheet(SUMMARY_SHEET_NAME);
    if (!first) throw new Error('not made');
    const firstCells = allValues(first);
    expect(model.activeSheetId).toBe(first.id); // 年度汇总 is now active: the refresh must find the roster from B5
    const clearsBefore = first.clears;
    first.set(60, 20, '旧内容');

    const again = await buildAnnualSummarySheet({});
    expect(again.computedBy).toBe('local');
    expect(model.sheets.map((s) => s.name)).toEqual(['花名册', '备注', SUMMARY_SHEET_NAME]);
    expect(first.clears - clearsBefore).toBe(1);
    expect(first.get(60, 20)).toBe('');
    expect(tablesOn(model, first).map((t) => t.name).sort()).toEqual(Object.values(TABLE_NAMES).sort());
    expect(first.charts).toHaveLength(1);
    const strip = (v: Scalar[][]) => v.map((row, r) => row.filter((_, c) => !(r === 2 && c === 1))); // B3 is the time stamp
    expect(strip(allValues(first))).toEqual(strip(firstCells));
    expect(cellsAt(model.sheet('备注')!, 'A1')).toEqual([['别动我']]);
  });

  it('a 年度汇总 of the clerk\u2019s own is never emptied: the run stops and says what to rename', async () => {
    const model = workbook([
      { name: '花名册', rows: sheetRows(rosterRows()) },
      { name: SUMMARY_SHEET_NAME, rows: [['我的汇总'], ['内科', 5]] },
    ]);
    await expect(buildAnnualSummarySheet({ sheets: ['花名册'] })).rejects.toThrow(/不是本助手生成的[^]*改名/);
    expect(cellsAt(model.sheet(SUMMARY_SHEET_NAME)!, 'A1:B2')).toEqual([['我的汇总', ''], ['内科', 5]]);
  });

  it('a large roster takes a handful of syncs, not one per row', async () => {
    const rows = rosterRows(40); // 640 rows
    const model = workbook([{ name: '花名册', rows: sheetRows(rows) }]);
    const out = await buildAnnualSummarySheet({});
    expect(out.rows).toBe(rows.length);
    expect(model.stats.syncs).toBeLessThanOrEqual(8);
  });

  it('says so when the roster has no 姓名 column', async () => {
    const model = workbook([{ name: 'Sheet1', rows: [['市平台公需课学时', '单位'], [30, 'A']] }]);
    await expect(buildAnnualSummarySheet({})).rejects.toThrow(/姓名/);
    expect(model.sheet(SUMMARY_SHEET_NAME)).toBeUndefined();
  });
});

describe('buildAnnualSummarySheet (Worker)', () => {
  it('uses the Worker’s answer when a URL and token are set, and says so', async () => {
    const rows = rosterRows();
    const model = workbook([{ name: '花名册', rows: sheetRows(rows) }]);
    const workerAnswer: EvaluateResponse & { batchId: string } = { ...evaluate(rows, { asOf: '2023-11-01' }), batchId: 'b1' };
    // A service whose results differ from the local engine's would show here: mark one row's lost hours.
    const marked = workerAnswer.results.findIndex((r) => r.status === '达标');
    workerAnswer.results[marked] = { ...workerAnswer.results[marked], warnings: [{ code: 'CAP_TRAINING', message: 'x', lostHours: 12345 }] };
    const wantLost = evaluate(rows, { asOf: '2023-11-01' }).summary.total.lostHours + 12345;
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(workerAnswer), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);

    const out = await buildAnnualSummarySheet({ workerUrl: 'http://127.0.0.1:8787/', token: 't0k', asOf: '2023-11-01' });
    expect(cellsAt(model.sheet(SUMMARY_SHEET_NAME)!, 'B4')).toEqual([['计算服务（在线）']]);
    expect(out.computedBy).toBe('worker');
    const posts = fetchMock.mock.calls.filter((c) => c[1]?.method === 'POST');
    expect(posts).toHaveLength(1);
    const [url, init] = posts[0];
    expect(url).toBe('http://127.0.0.1:8787/v1/evaluate');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer t0k');
    const body = JSON.parse(String(init?.body)) as { rows: unknown[]; asOf: string };
    expect(body.rows).toHaveLength(rows.length);
    expect(body.asOf).toBe('2023-11-01');
    const sheet = model.sheet(SUMMARY_SHEET_NAME)!;
    expect(cellsAt(sheet, 'B4')).toEqual([['计算服务（在线）']]);
    expect(tableValues(model, sheet, 'total')[1][9]).toBe(wantLost);
  });

  it('falls back to the bundled engine when the Worker cannot be reached, with the reason', async () => {
    const rows = rosterRows();
    const model = workbook([{ name: '花名册', rows: sheetRows(rows) }]);
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    const out = await buildAnnualSummarySheet({ workerUrl: 'http://127.0.0.1:8787', token: 't0k' });
    expect(out.computedBy).toBe('local');
    const sheet = model.sheet(SUMMARY_SHEET_NAME)!;
    expect(String(cellsAt(sheet, 'B4')[0][0])).toMatch(/^本地引擎（计算服务无法连接（无法连接计算服务 http:\/\/127\.0\.0\.1:8787.*）$/);
    expect(tableValues(model, sheet, 'total')[1][0]).toBe(evaluate(rows).summary.total.headcount);
  });
});
