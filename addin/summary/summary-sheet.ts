// The one-click annual summary: reads the roster, gets the Summary (Worker or bundled engine) and makes or
// refreshes the sheet 年度汇总 (its content only; no other sheet is written).
import { getRuleSet } from '../../shared/index';
import { localDateTime, localIsoDate } from '../../shared/local-time';
import { excelSupports } from '../office/requirements';
import { RosterError } from '../office/errors';
import { ROSTER_SHEET_VALUE_CELL, SUMMARY_SHEET_NAME, buildSummaryLayout, isOwnSummarySheet } from './layout';
import type { ComputedBy, SummaryLayout } from './layout';
import { prepareSheet } from '../office/sheet-reset';
import { uniqueTableName } from '../../shared/sheet/sheet-names';
import { summarizeRoster } from './summary-source';
import type { SummarySourceOptions } from './summary-source';
import type { DuplicateId } from '../../shared/roster';
import type { RosterRowInput } from '../../shared/types';
import { duplicateNotes, readRostersForSummary, type RostersForSummary } from './roster-sheets';
import { workbookRuleSet } from '../settings/rule-set-choice';

export type AnnualSummaryOptions = {
  workerUrl?: string;
  token?: string;
  asOf?: string;
  sendPersonalData?: boolean;
  /** Roster sheets chosen by the clerk (one summary over all of them); omitted: the active sheet's roster. */
  sheets?: readonly string[];
  /** The rule set's id; omitted: the workbook's choice (addin/settings/rule-set-choice.ts). */
  ruleSet?: string;
};
export type AnnualSummaryResult = {
  computedBy: ComputedBy;
  rows: number;
  /** Why the bundled engine computed it (Chinese), or null when the 计算服务 did. */
  fallbackReason: string | null;
  /** The 计算服务's results of the last 计算学时 on this unchanged roster were used (nothing sent again). */
  reused?: boolean;
  /** The roster sheets summarised. */
  sheets?: string[];
  /** ID numbers on several rows: each person counted once. */
  duplicates?: DuplicateId[];
  /** One line per repeated person, for the pane. */
  notes?: string[];
};

type RosterForSummary = { sheetName: string; rows: RosterRowInput[]; firstDataRowNumber: number };

/** The roster sheet(s) to summarise: the chosen ones, else the active sheet, or from 年度汇总 the sheets it names (B5). */
async function rosterSheetNames(context: Excel.RequestContext, chosen?: readonly string[]): Promise<string[]> {
  if (chosen && chosen.length > 0) return [...chosen];
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load('name');
  await context.sync();
  if (active.name !== SUMMARY_SHEET_NAME) return [active.name];
  const cell = active.getRange(ROSTER_SHEET_VALUE_CELL);
  cell.load('values');
  await context.sync();
  const names = String(cell.values[0]?.[0] ?? '').split(SHEET_LIST_SEPARATOR).map((s) => s.trim()).filter((s) => s !== '');
  const sheets = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n).load('name'));
  await context.sync();
  if (names.length === 0 || sheets.some((s) => s.isNullObject)) {
    throw new RosterError('当前是“年度汇总”工作表，找不到它所汇总的花名册：请先切换到花名册工作表再生成汇总。');
  }
  return names;
}

/** How 年度汇总 lists several roster sheets in one cell. */
export const SHEET_LIST_SEPARATOR = '、';

/** The chosen roster sheets (or the active one's), read by `ruleSet`'s columns. */
export async function readRostersFor(context: Excel.RequestContext, chosen?: readonly string[], ruleSet?: string): Promise<RostersForSummary> {
  return readRostersForSummary(context, await rosterSheetNames(context, chosen), ruleSet);
}

/**
 * The roster of the active sheet (or, on 年度汇总, of the sheet(s) it was made from), one row per data row so that
 * `firstDataRowNumber + index` is the sheet row; rows that are not people are blank.
 */
export async function readRosterForSummary(context: Excel.RequestContext, ruleSet?: string): Promise<RosterForSummary> {
  const r = await readRostersFor(context, undefined, ruleSet);
  return { sheetName: r.sheetNames.join(SHEET_LIST_SEPARATOR), rows: r.rows, firstDataRowNumber: r.firstDataRowNumber };
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
    if (excelSupports('chartAxisFormat')) chart.axes.valueAxis.numberFormat = c.valueAxisFormat;
    chart.axes.valueAxis.minimum = 0;
    chart.axes.valueAxis.maximum = 1;
    chart.setPosition(c.topLeft, c.bottomRight);
  }
}

/** Makes or refreshes 年度汇总 from the roster of the active sheet. */
export async function buildAnnualSummarySheet(opts: AnnualSummaryOptions): Promise<AnnualSummaryResult> {
  const now = new Date();
  const asOf = opts.asOf ?? localIsoDate(now);
  const ruleSetId = opts.ruleSet ?? workbookRuleSet().ruleSet.id;
  const roster = await Excel.run((context) => readRostersFor(context, opts.sheets, ruleSetId));
  const sourceOptions: SummarySourceOptions = {
    workerUrl: opts.workerUrl,
    token: opts.token,
    asOf,
    ruleSet: ruleSetId,
    firstDataRowNumber: roster.firstDataRowNumber,
    sendPersonalData: opts.sendPersonalData,
  };
  const answer = await summarizeRoster(roster.rows, sourceOptions);
  const ruleSet = getRuleSet(answer.ruleSet);
  const layout = buildSummaryLayout({
    summary: answer.summary,
    ruleSet: { id: ruleSet.id, title: ruleSet.title, notice: ruleSet.notice, year: ruleSet.year },
    engineVersion: answer.engineVersion,
    computedBy: answer.computedBy,
    fallbackReason: answer.fallbackReason,
    madeAt: localDateTime(now),
    rosterSheet: roster.sheetNames.join(SHEET_LIST_SEPARATOR),
    firstDataRowNumber: roster.firstDataRowNumber,
    rowLabels: roster.sheetNames.length > 1 ? roster.rowLabels : undefined,
    notes: roster.notes,
    asOf,
  });
  await Excel.run(async (context) => {
    const { sheet, takenTableNames } = await prepareSheet(context, layout.sheetName, isOwnSummarySheet);
    applySummaryLayout(sheet, layout, takenTableNames);
    sheet.activate();
    await context.sync();
  });
  return {
    computedBy: answer.computedBy,
    rows: roster.rows.length,
    fallbackReason: answer.fallbackReason,
    reused: answer.reused,
    sheets: roster.sheetNames,
    duplicates: roster.duplicates,
    notes: duplicateNotes(roster.duplicates),
  };
}
