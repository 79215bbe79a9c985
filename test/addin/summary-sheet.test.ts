// The sheet 年度汇总 built through Excel.run on an office-addin-mock workbook: cells, formats, tables, chart,
// Worker or bundled engine, refresh that replaces only its own sheet.
import { afterEach, describe, expect, it, vi } from 'vitest';
import examples from '../fixtures/examples.json';
import { HEADERS, evaluate } from '../../shared/index';
import type { CellValue, EvaluateResponse, RosterRowInput } from '../../shared/types';
import { buildAnnualSummarySheet } from '../../addin/summary/summary-sheet';
import { GROUP_HEADERS, SUMMARY_SHEET_NAME, TABLE_NAMES } from '../../addin/summary/layout';
import { FakeExcel, parseAddress } from './summary-mock-excel';
import type { Cell, FakeSheet } from './summary-mock-excel';

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
function findRow(sheet: FakeSheet, label: string, col = 0): number {
  const used = sheet.used();
  if (!used) throw new Error('empty sheet');
  for (let r = used.r0; r <= used.r1; r++) if (sheet.get(r, col) === label) return r;
  throw new Error(`no row labelled ${label}`);
}
function tableValues(sheet: FakeSheet, key: keyof typeof TABLE_NAMES): Cell[][] {
  const t = sheet.liveTables().find((x) => x.name === TABLE_NAMES[key]);
  if (!t) throw new Error(`no table ${key}`);
  return sheet.read(t.address);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('buildAnnualSummarySheet (bundled engine)', () => {
  it('writes the engine’s summary: totals, groups, attention list, formats, tables and a clustered column chart', async () => {
    const rows = rosterRows();
    const fake = new FakeExcel([{ name: '花名册', rows: sheetRows(rows) }]);
    const rosterBefore = new Map(fake.sheets[0].cells);
    vi.stubGlobal('Excel', fake.excelGlobal());

    const out = await buildAnnualSummarySheet({ asOf: '2023-11-01' });
    const want = evaluate(rows, { asOf: '2023-11-01' }).summary;
    expect(out).toMatchObject({ computedBy: 'local', rows: rows.length, fallbackReason: '未设置计算服务地址或访问令牌', duplicates: [] });

    const sheet = fake.sheet(SUMMARY_SHEET_NAME);
    if (!sheet) throw new Error('年度汇总 not made');
    expect(fake.log.addedSheets).toEqual([SUMMARY_SHEET_NAME]);
    expect(fake.sheets[0].cells).toEqual(rosterBefore); // the roster is never written
    expect(sheet.get(0, 0)).toBe('2023年度专业技术人员继续教育学时汇总');
    expect(sheet.read('A2:B6')).toEqual([
      ['规则集', expect.stringContaining('zaozhuang-2023')],
      ['生成时间', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)],
      ['数据来源', '本地引擎（未设置计算服务地址或访问令牌）'],
      ['花名册工作表', '花名册'],
      ['引擎版本', evaluate([]).engineVersion],
    ]);

    const t = want.total;
    expect(tableValues(sheet, 'total')).toEqual([
      expect.arrayContaining(['人数', '达标率']),
      [t.headcount, t.compliant, t.short, t.pendingEvidence, t.invalid, t.complianceRate, t.avgPublic, t.avgProfessional, t.avgTotal, t.lostHours],
    ]);
    expect(t.headcount).toBe(rows.length - 1);

    const groups = tableValues(sheet, 'groups');
    expect(groups[0]).toEqual(GROUP_HEADERS);
    expect(groups.slice(1)).toEqual(
      want.groups.map((g) => [g.unit, g.department, g.headcount, g.compliant, g.short, g.pendingEvidence, g.invalid, g.complianceRate, g.avgPublic, g.avgProfessional, g.avgTotal, g.lostHours]),
    );
    expect(want.groups.map((g) => g.department)).toContain('（未填）');
    // The grand-total row right below the groups table.
    const groupsTable = parseAddress(sheet.liveTables().find((x) => x.name === TABLE_NAMES.groups)?.address ?? '');
    expect(sheet.read(`A${groupsTable.r1 + 2}:D${groupsTable.r1 + 2}`)).toEqual([['合计', '', t.headcount, t.compliant]]);
    const rateCol = GROUP_HEADERS.indexOf('达标率');
    expect(sheet.formats.get(`${groupsTable.r0 + 1},${rateCol}`)).toBe('0.0%');
    expect(sheet.formats.get(`${groupsTable.r0 + 1},0`)).toBe('@');

    const attention = tableValues(sheet, 'attention');
    expect(attention.slice(1)).toEqual(
      want.attention.map((a) => [a.index + 3, a.name, a.unit, a.department, a.status, a.publicShortfall, a.professionalShortfall, a.deadline]),
    );
    const deadlines = attention.slice(1).map((r) => String(r[7]));
    expect([...deadlines].sort()).toEqual(deadlines);
    expect(attention.length - 1).toBe(rows.length - 1 - t.compliant);
    // 花名册行号 points at the person's row on the roster sheet (title row + header row above the data).
    const first = want.attention[0];
    expect(fake.sheets[0].get(first.index + 2, 0)).toBe(first.name);

    const charts = sheet.liveCharts();
    expect(charts).toHaveLength(1);
    const chart = charts[0];
    expect(chart.type).toBe('ColumnClustered');
    expect(chart.seriesName).toBe('达标率');
    expect(sheet.read(chart.sourceAddress).map((r) => r[0])).toEqual(want.groups.map((g) => g.complianceRate));
    expect(sheet.read(chart.xAxisAddress ?? '')).toEqual(want.groups.map((g) => [g.unit, g.department]));
    expect(chart.valueAxis.numberFormat).toBe('0%');
    expect(chart.position).toBeDefined();
    expect(fake.log.activated.at(-1)).toBe(SUMMARY_SHEET_NAME);
  });

  it('refreshing replaces the content of 年度汇总 only, even when run from 年度汇总 itself', async () => {
    const rows = rosterRows();
    const fake = new FakeExcel([
      { name: '花名册', rows: sheetRows(rows) },
      { name: '备注', rows: [['别动我']] },
    ]);
    vi.stubGlobal('Excel', fake.excelGlobal());
    await buildAnnualSummarySheet({});
    const first = fake.sheet(SUMMARY_SHEET_NAME);
    if (!first) throw new Error('not made');
    const firstCells = new Map(first.cells);
    expect(fake.activeId).toBe(first.id); // 年度汇总 is now active: the refresh must find the roster from B5
    first.set(60, 20, '旧内容');

    const again = await buildAnnualSummarySheet({});
    expect(again.computedBy).toBe('local');
    expect(fake.sheets.map((s) => s.name)).toEqual(['花名册', '备注', SUMMARY_SHEET_NAME]);
    expect(first.clears).toBe(1);
    expect(first.get(60, 20)).toBeNull();
    expect(first.liveTables().map((t) => t.name).sort()).toEqual(Object.values(TABLE_NAMES).sort());
    expect(first.liveCharts()).toHaveLength(1);
    const strip = (m: Map<string, Cell>) => [...m].filter(([k]) => k !== '2,1'); // B3 is the time stamp
    expect(strip(first.cells)).toEqual(strip(firstCells));
    expect(fake.sheet('备注')?.read('A1')).toEqual([['别动我']]);
  });

  it('a large roster takes a handful of syncs, not one per row', async () => {
    const rows = rosterRows(40); // 640 rows
    const fake = new FakeExcel([{ name: '花名册', rows: sheetRows(rows) }]);
    vi.stubGlobal('Excel', fake.excelGlobal());
    const out = await buildAnnualSummarySheet({});
    expect(out.rows).toBe(rows.length);
    expect(fake.log.syncs).toBeLessThanOrEqual(8);
  });

  it('says so when the roster has no 姓名 column', async () => {
    const fake = new FakeExcel([{ name: 'Sheet1', rows: [['市平台公需课学时', '单位'], [30, 'A']] }]);
    vi.stubGlobal('Excel', fake.excelGlobal());
    await expect(buildAnnualSummarySheet({})).rejects.toThrow(/姓名/);
    expect(fake.sheet(SUMMARY_SHEET_NAME)).toBeUndefined();
  });
});

describe('buildAnnualSummarySheet (Worker)', () => {
  it('uses the Worker’s answer when a URL and token are set, and says so', async () => {
    const rows = rosterRows();
    const fake = new FakeExcel([{ name: '花名册', rows: sheetRows(rows) }]);
    vi.stubGlobal('Excel', fake.excelGlobal());
    const workerAnswer: EvaluateResponse & { batchId: string } = { ...evaluate(rows, { asOf: '2023-11-01' }), batchId: 'b1' };
    // A service whose results differ from the local engine's would show here: mark one row's lost hours.
    const marked = workerAnswer.results.findIndex((r) => r.status === '达标');
    workerAnswer.results[marked] = { ...workerAnswer.results[marked], warnings: [{ code: 'CAP_TRAINING', message: 'x', lostHours: 12345 }] };
    const wantLost = evaluate(rows, { asOf: '2023-11-01' }).summary.total.lostHours + 12345;
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(workerAnswer), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);

    const out = await buildAnnualSummarySheet({ workerUrl: 'http://127.0.0.1:8787/', token: 't0k', asOf: '2023-11-01' });
    expect(fake.sheet(SUMMARY_SHEET_NAME)?.read('B4')).toEqual([['计算服务（在线）']]);
    expect(out.computedBy).toBe('worker');
    const posts = fetchMock.mock.calls.filter((c) => c[1]?.method === 'POST');
    expect(posts).toHaveLength(1);
    const [url, init] = posts[0];
    expect(url).toBe('http://127.0.0.1:8787/v1/evaluate');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer t0k');
    const body = JSON.parse(String(init?.body)) as { rows: unknown[]; asOf: string };
    expect(body.rows).toHaveLength(rows.length);
    expect(body.asOf).toBe('2023-11-01');
    const sheet = fake.sheet(SUMMARY_SHEET_NAME);
    expect(sheet?.read('B4')).toEqual([['计算服务（在线）']]);
    expect(tableValues(sheet as FakeSheet, 'total')[1][9]).toBe(wantLost);
  });

  it('falls back to the bundled engine when the Worker cannot be reached, with the reason', async () => {
    const rows = rosterRows();
    const fake = new FakeExcel([{ name: '花名册', rows: sheetRows(rows) }]);
    vi.stubGlobal('Excel', fake.excelGlobal());
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    const out = await buildAnnualSummarySheet({ workerUrl: 'http://127.0.0.1:8787', token: 't0k' });
    expect(out.computedBy).toBe('local');
    const sheet = fake.sheet(SUMMARY_SHEET_NAME) as FakeSheet;
    expect(String(sheet.read('B4')[0][0])).toMatch(/^本地引擎（计算服务无法连接（无法连接计算服务 http:\/\/127\.0\.0\.1:8787.*）$/);
    expect(tableValues(sheet, 'total')[1][0]).toBe(evaluate(rows).summary.total.headcount);
  });
});
