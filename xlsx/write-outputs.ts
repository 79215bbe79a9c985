// The nine output columns on an exceljs worksheet, where the add-in writes them: header cells, one value and number
// format per data row, 状态 colours (conditional formats, as the add-in), column widths, the header frozen, and an
// Excel table widened over new output columns. No input cell is ever written.
import type { Cell, Fill, Font, Style, Worksheet } from 'exceljs';
import { OUTPUT_HEADERS } from '../shared/index';
import type { OutputColumn, PlacedResult, RosterPlan } from '../shared/roster/types';
import { columnLetter, parseArea } from '../shared/sheet/a1';
import { NUMBER_FORMAT_HOURS, NUMBER_FORMAT_TEXT, NUMERIC_OUTPUTS, outputCells } from '../addin/compute/results';
import { STATUS_STYLES, WIDTHS } from '../addin/compute/format';
import { argb } from './apply-sheet-layout';

const solid = (hex: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) }, bgColor: { argb: argb(hex) } });

/** Styles are assigned whole (exceljs shares one style object between cells read with the same style). */
const HOURS_STYLE: Partial<Style> = Object.freeze({ numFmt: NUMBER_FORMAT_HOURS });
const TEXT_STYLE: Partial<Style> = Object.freeze({ numFmt: NUMBER_FORMAT_TEXT });
const HEADER_FONT: Partial<Font> = { bold: true };
const HEADER_STYLE: Partial<Style> = Object.freeze({ numFmt: NUMBER_FORMAT_TEXT, font: HEADER_FONT, fill: solid('#DEECF9') });

/** Points (the add-in's widths) to Excel's character widths. */
const POINTS_PER_CHARACTER = 5.6;

function setCell(cell: Cell, value: string | number | boolean | null, style: Partial<Style>): void {
  cell.value = value === '' ? null : value;
  cell.style = style;
}

type TableModel = { name: string; tableRef?: string; autoFilterRef?: string; totalsRow?: boolean; columns: { name: string; totalsRowFunction?: string }[] };

/** A table whose right edge is the column left of new output columns grows over them, as the add-in's table does. */
function widenTable(ws: Worksheet, plan: RosterPlan, created: OutputColumn[]): void {
  if (plan.table === null || created.length === 0) return;
  const t = (ws.getTables() as unknown as { table?: TableModel }[]).map((x) => x.table).find((m) => m?.name === plan.table);
  const area = t?.tableRef ? parseArea(t.tableRef) : null;
  if (!t || !area) return;
  const from = `${columnLetter(area.col)}${area.row + 1}`;
  const lastRow = area.row + area.rowCount;
  let right = area.col + area.columnCount - 1;
  const sorted = [...created].sort((a, b) => a.col - b.col);
  for (const c of sorted) {
    if (c.col !== right + 1) break;
    t.columns.push({ name: c.header, totalsRowFunction: 'none' });
    right = c.col;
  }
  t.tableRef = `${from}:${columnLetter(right)}${lastRow}`;
  if (t.autoFilterRef) t.autoFilterRef = `${from}:${columnLetter(right)}${lastRow - (t.totalsRow ? 1 : 0)}`;
}

type ConditionalFormat = { ref: string; rules: { type: string; formulae?: unknown[] }[] };
const STATUS_FORMULAE = new Set(STATUS_STYLES.map((s) => `"${s.text}"`));

/** The 状态 colours this tool (or a previous run) put on a column: four cellIs rules with the four statuses. */
function isStatusColours(cf: ConditionalFormat, columnLetters: string): boolean {
  const ref = cf.ref.replace(/\$/g, '');
  return (
    ref.startsWith(columnLetters) &&
    ref.charCodeAt(columnLetters.length) >= 48 &&
    ref.charCodeAt(columnLetters.length) <= 57 &&
    cf.rules.length === STATUS_STYLES.length &&
    cf.rules.every((r) => r.type === 'cellIs' && STATUS_FORMULAE.has(String(r.formulae?.[0])))
  );
}

/** Colours the 状态 cells; a previous run's colours on that column are replaced, not stacked. */
function replaceStatusColours(ws: Worksheet, columnLetters: string, ref: string): void {
  ws.removeConditionalFormatting((cf: ConditionalFormat) => !isStatusColours(cf, columnLetters));
  ws.addConditionalFormatting({
    ref,
    rules: STATUS_STYLES.map((s, i) => ({
      type: 'cellIs',
      operator: 'equal',
      formulae: [`"${s.text}"`],
      priority: i + 1,
      style: { font: { color: { argb: argb(s.font) } }, fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(s.fill) } } },
    })),
  });
}

export type WriteSheetStats = { rows: number; created: string[] };

/** Writes `placed` (one per plan.rows entry, null = blank cells) into the plan's output columns of `ws`. */
export function writeOutputColumns(ws: Worksheet, plan: RosterPlan, placed: readonly PlacedResult[]): WriteSheetStats {
  const output = plan.output;
  if (!output) throw new Error('内部错误：没有输出列的位置');
  if (placed.length !== plan.rows.length) throw new Error(`内部错误：结果 ${placed.length} 行，花名册 ${plan.rows.length} 行`);
  const inputCols = new Set<number>();
  plan.columns.forEach((k, i) => {
    if (k !== null) inputCols.add(plan.firstCol + i);
  });
  for (const c of output.columns) if (inputCols.has(c.col)) throw new Error(`内部错误：输出列“${c.header}”与输入列重叠`);

  const headerRow = ws.getRow(output.headerRow + 1);
  for (const c of output.columns) setCell(headerRow.getCell(c.col + 1), c.header, HEADER_STYLE);
  const styles = output.columns.map((c) => (NUMERIC_OUTPUTS.includes(c.header) ? HOURS_STYLE : TEXT_STYLE));
  const blank = OUTPUT_HEADERS.map(() => '');
  for (let i = 0; i < plan.rows.length; i++) {
    const result = placed[i];
    const cells = result ? outputCells(result) : blank;
    const row = ws.getRow(plan.rows[i].sheetRow + 1);
    for (let o = 0; o < output.columns.length; o++) {
      setCell(row.getCell(output.columns[o].col + 1), cells[o] as string | number | boolean, styles[o]);
    }
  }
  for (const c of output.columns) {
    ws.getColumn(c.col + 1).width = Math.round(((WIDTHS[c.header] ?? 80) / POINTS_PER_CHARACTER) * 10) / 10;
  }
  const status = output.columns.find((c) => c.header === '状态');
  if (status && plan.rows.length > 0) {
    const first = plan.rows[0].sheetRow + 1;
    const last = plan.rows[plan.rows.length - 1].sheetRow + 1;
    const letters = columnLetter(status.col);
    replaceStatusColours(ws, letters, `${letters}${first}:${letters}${last}`);
  }
  const view = ws.views?.[0] ?? {};
  ws.views = [
    {
      state: 'frozen',
      xSplit: 0,
      ySplit: output.headerRow + 1,
      topLeftCell: `A${output.headerRow + 2}`,
      ...(view.zoomScale ? { zoomScale: view.zoomScale } : {}),
      ...(view.showGridLines === false ? { showGridLines: false } : {}),
      ...(view.rightToLeft ? { rightToLeft: true } : {}),
    },
  ];
  const created = output.columns.filter((c) => !c.exists);
  widenTable(ws, plan, created);
  return { rows: plan.rows.length, created: created.map((c) => c.header) };
}
