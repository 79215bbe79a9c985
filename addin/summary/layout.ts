// What goes in which cell of the sheet 年度汇总 (pure; summary-sheet.ts applies it with Office.js).
import { yearNote } from '../../shared/index';
import type { Summary, SummaryCounts } from '../../shared/types';
import { cellAddress, rangeAddress } from '../../shared/sheet/a1';

export const SUMMARY_SHEET_NAME = '年度汇总';
/** Who computed the results: the 计算服务 or the engine bundled in the add-in / page. */
export const COMPUTED_BY_LABELS = { worker: '计算服务（在线）', local: '本地引擎' } as const;
export type ComputedBy = keyof typeof COMPUTED_BY_LABELS;

/** The row of the label cell naming the roster sheet, so a refresh run from 年度汇总 finds the roster again. */
export const ROSTER_SHEET_LABEL = '花名册工作表';
export const ROSTER_SHEET_VALUE_CELL = 'B5';

const TITLE_TAIL = '年度专业技术人员继续教育学时汇总';
const META_LABELS = ['规则集', '生成时间', '数据来源', ROSTER_SHEET_LABEL, '引擎版本'];

/**
 * Made by this tool (add-in, page or command line): the title in A1 and the labels of A2:A6, as the layout writes
 * them. Read from plain cell values, so a copy re-saved by an office suite (rich text, shared strings) is still known.
 */
export function isOwnSummarySheet(top: readonly (readonly unknown[])[]): boolean {
  const a = (r: number): string => String(top[r]?.[0] ?? '').trim();
  return a(0).endsWith(TITLE_TAIL) && META_LABELS.every((label, i) => a(i + 1) === label);
}

export const FORMAT = { count: '0', rate: '0.0%', hours: '0.00', text: '@', general: 'General' } as const;

export type LayoutCell = string | number;
export type CellBlock = {
  address: string;
  values: LayoutCell[][];
  /** Same shape as values. Text cells are '@' so a name like "=1+1" stays text. */
  numberFormat: string[][];
  bold?: boolean;
  fontSize?: number;
};
export type TableSpec = { key: 'total' | 'groups' | 'attention'; name: string; address: string; style: string };
export type ChartSpec = {
  type: 'ColumnClustered';
  title: string;
  seriesName: string;
  /** The compliance-rate cells (one per group, no header). */
  valuesAddress: string;
  /** The unit and department cells of the same rows (two columns: a two-level category axis). */
  categoriesAddress: string;
  topLeft: string;
  bottomRight: string;
  valueAxisFormat: string;
};
export type SummaryLayout = {
  sheetName: string;
  blocks: CellBlock[];
  tables: TableSpec[];
  chart: ChartSpec | null;
  /** The used rectangle, for autofit. */
  usedAddress: string;
};

export type SummaryLayoutInput = {
  summary: Summary;
  ruleSet: { id: string; title: string; notice: string; year: number };
  engineVersion: string;
  computedBy: ComputedBy;
  /** Why the bundled engine computed it (shown next to 数据来源), or null. */
  fallbackReason?: string | null;
  /** When it was made, as shown, e.g. 2026-11-27 18:45. */
  madeAt: string;
  rosterSheet: string;
  /** Sheet row number of the roster's first data row (result index 0), for the attention list's 行号. */
  firstDataRowNumber: number;
  /** Per result index, the row as the attention list shows it (several roster sheets: “一科 第 5 行”). */
  rowLabels?: readonly (string | number)[];
  /** Said under the sheet's facts, one row each (e.g. hours taken as documented: the roster has no 证明材料齐全). */
  notes?: readonly string[];
  /** The 核对日期 (YYYY-MM-DD): in another year than the rule set's, the first note says so. */
  asOf?: string;
};

// 专业课按行业规定: the people whose professional part the sector checks (docs/rules.md §6a), appended last
const COUNT_HEADERS = ['人数', '达标', '未达标', '待补材料', '数据有误', '达标率', '平均公需课学时', '平均专业课学时', '平均总学时', '未计入学时（封顶等）', '专业课按行业规定人数'];
const COUNT_FORMATS = [FORMAT.count, FORMAT.count, FORMAT.count, FORMAT.count, FORMAT.count, FORMAT.rate, FORMAT.hours, FORMAT.hours, FORMAT.hours, FORMAT.hours, FORMAT.count];
export const GROUP_HEADERS = ['单位', '部门', ...COUNT_HEADERS];
export const ATTENTION_HEADERS = ['花名册行号', '姓名', '单位', '部门', '状态', '公需课缺口', '专业课缺口', '完成期限'];
const ATTENTION_FORMATS = [FORMAT.count, FORMAT.text, FORMAT.text, FORMAT.text, FORMAT.text, FORMAT.hours, FORMAT.hours, FORMAT.text];
export const TABLE_NAMES = { total: 'CeSummaryTotal', groups: 'CeSummaryGroups', attention: 'CeSummaryAttention' } as const;
const TABLE_STYLE = 'TableStyleMedium2';
const CHART_WIDTH_COLUMNS = 8;
const CHART_HEIGHT_ROWS = 18;

function counts(c: SummaryCounts): LayoutCell[] {
  return [c.headcount, c.compliant, c.short, c.pendingEvidence, c.invalid, c.complianceRate, c.avgPublic, c.avgProfessional, c.avgTotal, c.lostHours, c.professionalBySector];
}

function textRow(values: LayoutCell[]): string[] {
  return values.map(() => FORMAT.text);
}

function block(column: number, row: number, values: LayoutCell[][], numberFormat: string[][], extra: Partial<CellBlock> = {}): CellBlock {
  return { address: rangeAddress(column, row, values[0].length, values.length), values, numberFormat, ...extra };
}

export function buildSummaryLayout(input: SummaryLayoutInput): SummaryLayout {
  const { summary, ruleSet } = input;
  const blocks: CellBlock[] = [];
  const tables: TableSpec[] = [];
  let row = 1;

  blocks.push(block(0, row, [[`${ruleSet.year}${TITLE_TAIL}`]], [[FORMAT.text]], { bold: true, fontSize: 16 }));
  row += 1;
  const metaValues = [
    `${ruleSet.title}（${ruleSet.notice}，${ruleSet.id}）`,
    input.madeAt,
    input.fallbackReason ? `${COMPUTED_BY_LABELS[input.computedBy]}（${input.fallbackReason}）` : COMPUTED_BY_LABELS[input.computedBy],
    input.rosterSheet,
    input.engineVersion,
  ];
  const meta: LayoutCell[][] = META_LABELS.map((label, i) => [label, metaValues[i]]);
  blocks.push(block(0, row, meta, meta.map(textRow)));
  if (cellAddress(1, row + 3) !== ROSTER_SHEET_VALUE_CELL) throw new Error('layout: roster sheet cell moved');
  row += meta.length;
  const year = input.asOf === undefined ? null : yearNote(ruleSet, input.asOf);
  const notes = [...(year ? [year] : []), ...(input.notes ?? [])];
  if (notes.length > 0) {
    const rows = notes.map((n) => ['提示', n]);
    blocks.push(block(0, row, rows, rows.map(textRow)));
    row += notes.length;
  }
  row += 1;

  // Totals: a one-row table.
  blocks.push(block(0, row, [['总计']], [[FORMAT.text]], { bold: true, fontSize: 13 }));
  row += 1;
  blocks.push(block(0, row, [COUNT_HEADERS, counts(summary.total)], [textRow(COUNT_HEADERS), COUNT_FORMATS]));
  tables.push({ key: 'total', name: TABLE_NAMES.total, address: rangeAddress(0, row, COUNT_HEADERS.length, 2), style: TABLE_STYLE });
  row += 3;

  // Groups: one row per unit + department, then a grand-total row below the table.
  const groupsTitleRow = row;
  blocks.push(block(0, row, [['按单位和部门']], [[FORMAT.text]], { bold: true, fontSize: 13 }));
  row += 1;
  const groupHeaderRow = row;
  const groupFormats = [FORMAT.text, FORMAT.text, ...COUNT_FORMATS];
  let chart: ChartSpec | null = null;
  if (summary.groups.length > 0) {
    const values: LayoutCell[][] = [GROUP_HEADERS, ...summary.groups.map((g) => [g.unit, g.department, ...counts(g)])];
    blocks.push(block(0, row, values, [textRow(GROUP_HEADERS), ...summary.groups.map(() => groupFormats)]));
    tables.push({ key: 'groups', name: TABLE_NAMES.groups, address: rangeAddress(0, row, GROUP_HEADERS.length, values.length), style: TABLE_STYLE });
    row += values.length;
    const totalRow = ['合计', '', ...counts(summary.total)];
    blocks.push(block(0, row, [totalRow], [groupFormats], { bold: true }));
    row += 1;
    const rateColumn = GROUP_HEADERS.indexOf('达标率');
    const chartColumn = GROUP_HEADERS.length + 1;
    chart = {
      type: 'ColumnClustered',
      title: '各单位部门达标率',
      seriesName: '达标率',
      valuesAddress: rangeAddress(rateColumn, groupHeaderRow + 1, 1, summary.groups.length),
      categoriesAddress: rangeAddress(0, groupHeaderRow + 1, 2, summary.groups.length),
      topLeft: cellAddress(chartColumn, groupsTitleRow),
      bottomRight: cellAddress(chartColumn + CHART_WIDTH_COLUMNS - 1, groupsTitleRow + CHART_HEIGHT_ROWS - 1),
      valueAxisFormat: '0%',
    };
  } else {
    blocks.push(block(0, row, [['花名册中没有可统计的人员']], [[FORMAT.text]]));
    row += 1;
  }
  row += 1;

  // Attention list: everyone not 达标, sorted by deadline.
  blocks.push(block(0, row, [['需关注人员（未达标、待补材料、数据有误），按完成期限排序']], [[FORMAT.text]], { bold: true, fontSize: 13 }));
  row += 1;
  if (summary.attention.length > 0) {
    // The engine's order: by deadline, then roster order.
    const items = summary.attention;
    const values: LayoutCell[][] = [
      ATTENTION_HEADERS,
      ...items.map((a) => [input.rowLabels?.[a.index] ?? input.firstDataRowNumber + a.index, a.name, a.unit, a.department, a.status, a.publicShortfall, a.professionalShortfall, a.deadline]),
    ];
    blocks.push(block(0, row, values, [textRow(ATTENTION_HEADERS), ...items.map(() => ATTENTION_FORMATS)]));
    tables.push({ key: 'attention', name: TABLE_NAMES.attention, address: rangeAddress(0, row, ATTENTION_HEADERS.length, values.length), style: TABLE_STYLE });
    row += values.length;
  } else {
    blocks.push(block(0, row, [['无：全部达标']], [[FORMAT.text]]));
    row += 1;
  }

  const lastRow = Math.max(row - 1, chart ? groupsTitleRow + CHART_HEIGHT_ROWS - 1 : 1);
  return { sheetName: SUMMARY_SHEET_NAME, blocks, tables, chart, usedAddress: rangeAddress(0, 1, GROUP_HEADERS.length, lastRow) };
}
