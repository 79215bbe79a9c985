// 年度汇总, the template and the functions in a real browser: after a run, the task pane's 年度汇总 button (and the ribbon action) make the sheet
// 年度汇总 over the simulated workbook with the real Worker, reusing the run's results (no evaluate call recorded in the
// Worker's audit); its numbers equal the engine's summary; screenshots.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { HEADERS, evaluate, mapHeaders, rowFromCells } from '../../shared/index';
import type { CellValue, Summary } from '../../shared/types';
import { GROUP_HEADERS, SUMMARY_SHEET_NAME, TABLE_NAMES } from '../../addin/summary/layout';
import { TEMPLATE_SHEET_NAME } from '../../addin/template/template-layout';
import { hostForSuite } from './browser';
import { clickForMessage, saveSettings } from './pane-click';
import type { CeSimHost } from './host/sim-entry';
import type { SimChartModel, SimValidation } from '../support/excel-sim';

const env = inject('e2e');
const ARTIFACTS = join(env.root, 'test', 'artifacts');
const AS_OF = '2023-11-01';
const ROSTER = '示例花名册';

declare global {
  interface Window {
    __ceSim?: CeSimHost;
  }
}

type TableInfo = { name: string; row: number; col: number; rows: number; cols: number };
type SheetInfo = { values: CellValue[][]; formats: string[][]; tables: TableInfo[]; charts: SimChartModel[]; validations: SimValidation[] };

const click = clickForMessage;

const sheetInfo = (page: Page, name: string): Promise<SheetInfo> =>
  page.evaluate((n) => {
    const sim = window.__ceSim!;
    const sheet = sim.model.sheet(n)!;
    return {
      values: sim.snapshot(n),
      formats: sim.formats(n),
      tables: sim.model.tables.filter((t) => t.sheetId === sheet.id).map((t) => ({ name: t.name, row: t.row, col: t.col, rows: t.rows, cols: t.cols })),
      charts: JSON.parse(JSON.stringify(sheet.charts)) as SimChartModel[],
      validations: JSON.parse(JSON.stringify(sheet.validations)) as SimValidation[],
    };
  }, name);

const block = (values: CellValue[][], t: Pick<TableInfo, 'row' | 'col' | 'rows' | 'cols'>): CellValue[][] =>
  values.slice(t.row, t.row + t.rows).map((r) => Array.from({ length: t.cols }, (_, j) => r[t.col + j] ?? ''));

function tableOf(info: SheetInfo, name: string): TableInfo {
  const t = info.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name} on the summary sheet (has ${info.tables.map((x) => x.name).join(', ')})`);
  return t;
}

function expectSummaryEquals(info: SheetInfo, want: Summary, firstDataRowNumber: number): void {
  const t = want.total;
  const counts = (c: Summary['total']): CellValue[] => [c.headcount, c.compliant, c.short, c.pendingEvidence, c.invalid, c.complianceRate, c.avgPublic, c.avgProfessional, c.avgTotal, c.lostHours, c.professionalBySector];
  expect(block(info.values, tableOf(info, TABLE_NAMES.total))[1]).toEqual(counts(t));
  const groups = block(info.values, tableOf(info, TABLE_NAMES.groups));
  expect(groups[0]).toEqual(GROUP_HEADERS);
  expect(groups.slice(1)).toEqual(want.groups.map((g) => [g.unit, g.department, ...counts(g)]));
  const attention = block(info.values, tableOf(info, TABLE_NAMES.attention)).slice(1);
  expect(attention).toEqual(want.attention.map((a) => [firstDataRowNumber + a.index, a.name, a.unit, a.department, a.status, a.publicShortfall, a.professionalShortfall, a.deadline]));
}

describe('annual summary and roster template in chromium', () => {
  const host = hostForSuite(env, ARTIFACTS);

  it('after a run, 年度汇总 from the Worker equals the engine’s summary; refresh and the ribbon replace only that sheet', async () => {
    await saveSettings(host.pane, { url: env.workerUrl, token: env.token, asOf: AS_OF });
    expect(await click(host.pane, 'insert-sample')).toContain(`已插入工作表“${ROSTER}”`);
    expect(await click(host.pane, 'compute')).toContain('已完成');

    const roster = await host.page.evaluate((s) => window.__ceSim!.snapshot(s), ROSTER);
    const mapping = mapHeaders(roster[0]);
    const want = evaluate(roster.slice(1).map((cells) => rowFromCells(cells, mapping.columns)), { asOf: AS_OF }).summary;
    expect(want.total.headcount).toBeGreaterThan(0);
    expect(want.attention.length).toBeGreaterThan(0);

    // 计算学时 just sent this roster: 年度汇总 reuses its results, so the Worker records no further evaluate call
    const auditTotal = async (): Promise<number> => {
      const res = await fetch(`${env.workerUrl}/v1/audit?limit=1`, { headers: { Authorization: `Bearer ${env.token}` } });
      return ((await res.json()) as { total: number }).total;
    };
    const evaluatedBefore = await auditTotal();
    expect(evaluatedBefore).toBeGreaterThan(0);
    const message = await click(host.pane, 'summary');
    expect(message).toContain('由计算服务计算');
    expect(message).toContain('沿用刚才“计算学时”的结果');
    expect(await auditTotal()).toBe(evaluatedBefore);
    const info = await sheetInfo(host.page, SUMMARY_SHEET_NAME);
    expect(info.values[3].slice(0, 2)).toEqual(['数据来源', '计算服务（在线）']);
    expect(info.values[4].slice(0, 2)).toEqual(['花名册工作表', ROSTER]);
    expectSummaryEquals(info, want, 2);
    const groupsTable = tableOf(info, TABLE_NAMES.groups);
    expect(info.formats[groupsTable.row + 1][GROUP_HEADERS.indexOf('达标率')]).toBe('0.0%');
    expect(info.charts).toHaveLength(1);
    expect(info.charts[0]).toMatchObject({ type: 'ColumnClustered', title: '各单位部门达标率', seriesName: '达标率', valueAxis: { numberFormat: '0%' } });
    expect(info.charts[0].source).toEqual({ row: groupsTable.row + 1, col: GROUP_HEADERS.indexOf('达标率'), rows: want.groups.length, cols: 1 });
    expect(await host.page.evaluate(() => window.__ceSim!.selection().sheet)).toBe(SUMMARY_SHEET_NAME);
    await host.page.waitForSelector('.sim-chart[data-chart-type="ColumnClustered"]');
    await host.page.screenshot({ path: join(ARTIFACTS, 'summary-sheet.png') });
    await host.page.evaluate(() => {
      const wrap = document.querySelector('.grid-wrap');
      if (wrap) wrap.scrollLeft = wrap.scrollWidth;
    });
    await host.page.screenshot({ path: join(ARTIFACTS, 'summary-chart.png') });

    // Refresh from the summary sheet itself, then through the ribbon action: same sheets, same numbers.
    const sheetsBefore = await host.page.evaluate(() => window.__ceSim!.sheetNames());
    const rosterBefore = await host.page.evaluate((s) => window.__ceSim!.snapshot(s), ROSTER);
    expect(await click(host.pane, 'summary')).toContain('由计算服务计算');
    await host.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const action = window.__ceSim!.actions.get('buildAnnualSummary');
          if (!action) throw new Error('ribbon action buildAnnualSummary not registered');
          action({ completed: () => resolve() });
        }),
    );
    const again = await sheetInfo(host.page, SUMMARY_SHEET_NAME);
    expect(await host.page.evaluate(() => window.__ceSim!.sheetNames())).toEqual(sheetsBefore);
    expect(await host.page.evaluate((s) => window.__ceSim!.snapshot(s), ROSTER)).toEqual(rosterBefore);
    expectSummaryEquals(again, want, 2);
    expect(again.tables).toHaveLength(3);
    expect(again.charts).toHaveLength(1);
    expect(again.values[3][1]).toBe('计算服务（在线）');
    expect(await auditTotal()).toBe(evaluatedBefore);
    expect(host.errors).toEqual([]);
  });

  it('the template button writes 花名册模板: the headers as a table, validation and input messages', async () => {
    expect(await click(host.pane, 'insert-template')).toContain('花名册模板');
    const info = await sheetInfo(host.page, TEMPLATE_SHEET_NAME);
    expect(info.values[0]).toEqual(HEADERS.map((h) => h.zh));
    expect(info.tables).toEqual([expect.objectContaining({ row: 0, col: 0, rows: 2, cols: HEADERS.length })]);
    expect(info.validations).toHaveLength(HEADERS.length);
    const byCol = (key: string): SimValidation | undefined => info.validations.find((v) => v.box.col === HEADERS.findIndex((h) => h.key === key));
    expect(byCol('evidenceComplete')?.rule).toEqual({ list: { inCellDropDown: true, source: '是,否' } });
    expect(byCol('absentMonths')?.rule).toEqual({ decimal: { operator: 'Between', formula1: 0, formula2: 12 } });
    expect(byCol('trainingHours')?.prompt?.message).toBe(HEADERS.find((h) => h.key === 'trainingHours')?.rule);
    await host.page.evaluate(() => {
      const wrap = document.querySelector('.grid-wrap');
      if (wrap) wrap.scrollLeft = 0;
    });
    await host.page.screenshot({ path: join(ARTIFACTS, 'roster-template.png') });
    expect(host.errors).toEqual([]);
  });
});
