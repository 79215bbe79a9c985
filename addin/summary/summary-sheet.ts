// The one-click annual summary: reads the roster, gets the Summary (Worker or bundled engine) and makes or
// refreshes the sheet 年度汇总 (its content only; no other sheet is written).
import { getRuleSet, hasRuleSet } from '../../shared/index';
import { preflight } from '../core/preflight';
import { RosterError } from '../excel/errors';
import { locateRoster } from '../excel/locate';
import { readRosterRows } from '../excel/read';
import { ROSTER_SHEET_VALUE_CELL, SUMMARY_SHEET_NAME, buildSummaryLayout } from './layout';
import type { SummaryLayout, SummarySource } from './layout';
import { prepareSheet, uniqueTableName } from './sheet-reset';
import { summarizeRoster } from './summary-source';
import type { SummarySourceOptions } from './summary-source';
import type { RosterRowInput } from '../../shared/types';

export type AnnualSummaryOptions = { workerUrl?: string; token?: string; asOf?: string };
export type AnnualSummaryResult = { source: SummarySource; rows: number };

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local date as YYYY-MM-DD. */
export function localIsoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function localStamp(d: Date): string {
  return `${localIsoDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

type RosterForSummary = { sheetName: string; rows: RosterRowInput[]; firstDataRow: number };

/**
 * The roster of the active sheet (its selected table, else its used range). When the active sheet is
 * 年度汇总 itself, the roster sheet it was made from (cell B5) is used instead.
 */
export async function readRosterForSummary(context: Excel.RequestContext): Promise<RosterForSummary> {
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load('name');
  await context.sync();
  if (active.name === SUMMARY_SHEET_NAME) {
    const cell = active.getRange(ROSTER_SHEET_VALUE_CELL);
    cell.load('values');
    await context.sync();
    const rosterName = String(cell.values[0]?.[0] ?? '').trim();
    const roster = rosterName ? context.workbook.worksheets.getItemOrNullObject(rosterName) : null;
    if (roster) {
      roster.load('name');
      await context.sync();
    }
    if (!roster || roster.isNullObject) {
      throw new RosterError('当前是“年度汇总”工作表，找不到它所汇总的花名册：请先切换到花名册工作表再生成汇总。');
    }
    roster.activate();
    await context.sync();
  }
  const source = await locateRoster(context);
  const check = preflight(source.mapping, source.dataRowCount);
  if (check.blocking.length > 0) throw new RosterError(check.blocking.join('\n'));
  const { rows } = await readRosterRows(context, source);
  return { sheetName: source.sheetName, rows, firstDataRow: source.firstDataRow + 1 };
}

/** Queues the layout on `sheet` (no sync): cells, tables, the chart. */
export function applySummaryLayout(sheet: Excel.Worksheet, layout: SummaryLayout, takenTableNames: ReadonlySet<string>): void {
  for (const b of layout.blocks) {
    const range = sheet.getRange(b.address);
    range.numberFormat = b.numberFormat;
    range.values = b.values;
    if (b.bold) range.format.font.bold = true;
    if (b.fontSize) range.format.font.size = b.fontSize;
  }
  const taken = new Set(takenTableNames);
  for (const t of layout.tables) {
    const table = sheet.tables.add(t.address, true);
    const name = uniqueTableName(t.name, taken);
    taken.add(name);
    table.name = name;
    table.style = t.style;
    sheet.getRange(t.address).format.autofitColumns();
  }
  if (layout.chart) {
    const c = layout.chart;
    const chart = sheet.charts.add(c.type, sheet.getRange(c.valuesAddress), 'Columns');
    chart.title.text = c.title;
    chart.legend.visible = false;
    const series = chart.series.getItemAt(0);
    series.name = c.seriesName;
    series.setXAxisValues(sheet.getRange(c.categoriesAddress));
    chart.axes.valueAxis.numberFormat = c.valueAxisFormat;
    chart.axes.valueAxis.minimum = 0;
    chart.axes.valueAxis.maximum = 1;
    chart.setPosition(c.topLeft, c.bottomRight);
  }
}

/** Makes or refreshes 年度汇总 from the roster of the active sheet. */
export async function buildAnnualSummarySheet(opts: AnnualSummaryOptions): Promise<AnnualSummaryResult> {
  const now = new Date();
  const asOf = opts.asOf ?? localIsoDate(now);
  const roster = await Excel.run((context) => readRosterForSummary(context));
  const sourceOptions: SummarySourceOptions = { workerUrl: opts.workerUrl, token: opts.token, asOf };
  const answer = await summarizeRoster(roster.rows, sourceOptions);
  const ruleSet = hasRuleSet(answer.ruleSet) ? getRuleSet(answer.ruleSet) : getRuleSet();
  const layout = buildSummaryLayout({
    summary: answer.summary,
    ruleSet: { id: ruleSet.id, title: ruleSet.title, source: ruleSet.source, year: ruleSet.year },
    engineVersion: answer.engineVersion,
    source: answer.source,
    sourceNote: answer.fallbackReason,
    madeAt: localStamp(now),
    rosterSheet: roster.sheetName,
    firstDataRow: roster.firstDataRow,
  });
  await Excel.run(async (context) => {
    const { sheet, takenTableNames } = await prepareSheet(context, layout.sheetName);
    applySummaryLayout(sheet, layout, takenTableNames);
    sheet.activate();
    await context.sync();
  });
  return { source: answer.source, rows: roster.rows.length };
}
