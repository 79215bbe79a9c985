// A sheet as plain data (pure, no Office.js): cell values with number formats and styles, merges, borders, column
// widths, row heights, frozen rows and the page setup. The add-in applies it with Office.js (apply-sheet-layout.ts);
// the .xlsx page and command line can apply the same object with exceljs.
import { LIMITS, jsonBytes, planChunksBySize } from './chunks';
import { parseAddress, rangeAddress } from './a1';

export type LayoutValue = string | number;

export type CellStyle = {
  bold?: boolean;
  /** Points. */
  fontSize?: number;
  wrap?: boolean;
  horizontal?: 'Left' | 'Center' | 'Right';
  vertical?: 'Top' | 'Center' | 'Bottom';
  /** #RRGGBB */
  fill?: string;
  fontColor?: string;
};

/** A rectangle of cells: values and number formats of the same shape, one style for all. */
export type LayoutBlock = { address: string; values: LayoutValue[][]; numberFormat: string[][]; style?: CellStyle };

export type PageSetup = {
  paperSize: 'A4';
  orientation: 'Portrait' | 'Landscape';
  printArea: string;
  /** Scale to this many pages across and down; `tall: null` = as many pages down as needed. */
  fitToPages: { wide: number; tall: number | null };
  /** Margins in inches (exceljs' unit; Office.js takes points = inches × 72). */
  margins: { top: number; bottom: number; left: number; right: number };
  centerHorizontally: boolean;
  /** Rows repeated on every printed page, e.g. $6:$6. */
  printTitleRows?: string;
};

/** One row of a list (LayoutList): its values, and what starts at it. */
export type ListRow = {
  values: LayoutValue[];
  /** A style laid over columns [col, col + width) of this row and the `rows - 1` rows below (e.g. an overdue person). */
  highlight?: { col: number; width: number; rows: number; style: CellStyle };
  /** Columns [col, col + width), each merged down over this row and the `rows - 1` rows below (a person's group). */
  mergeDown?: { col: number; width: number; rows: number };
};

/**
 * The long part of a sheet (a row per person, or per source of hours) as rows made when they are wanted, in order
 * and once: `rowCount` rows × `width` columns from column A at `firstRow` (1-based), the same number formats and
 * style on every row. The file writer writes each row as it is made, so 100,000 people's cells never exist at once
 * (xlsx/write/layout-sheet.ts); expandList gives the same cells as blocks, styles and merges (the add-in's way).
 */
export type LayoutList = {
  firstRow: number;
  rowCount: number;
  width: number;
  numberFormat: string[];
  style?: CellStyle;
  rows(): Iterable<ListRow>;
};

/**
 * How a layout builder gives a long list: as arrays (blocks, styles, merges: the add-in's Office.js calls take
 * them) or as a LayoutList made when written (the .xlsx writer).
 */
export type ListRows = 'arrays' | 'when-written';

export type SheetLayout = {
  sheetName: string;
  blocks: LayoutBlock[];
  /** Styles applied after the blocks (e.g. a highlighted row), without values. */
  styles: { address: string; style: CellStyle }[];
  merges: string[];
  /** Ranges whose every cell gets a thin border on each side. */
  borders: string[];
  /** Column widths from column A, in Excel's character units (exceljs' `width`). */
  columnWidths: number[];
  /** Row heights in points, rows 1-based. */
  rowHeights: { row: number; height: number }[];
  freezeRows: number;
  page: PageSetup | null;
  /**
   * A list made when written: its block comes after `blocks`, its highlights after `styles` (before `borders`), its
   * merges after `merges`. Absent when the builder gave arrays.
   */
  list?: LayoutList;
};

export const TEXT = '@';
export const GENERAL = 'General';
export const HOURS = '0.0';
export const WHOLE = '0';

/** A block at (column 0-based, rowNumber 1-based) from rows of values; formats default to text for strings. */
export function blockAt(column: number, rowNumber: number, values: LayoutValue[][], style?: CellStyle, formats?: string[][]): LayoutBlock {
  const width = Math.max(...values.map((r) => r.length));
  const rows = values.map((r) => [...r, ...Array<LayoutValue>(width - r.length).fill('')]);
  const numberFormat = formats ?? rows.map((r) => r.map((v) => (typeof v === 'number' ? GENERAL : TEXT)));
  return { address: rangeAddress(column, rowNumber, width, rows.length), values: rows, numberFormat, ...(style ? { style } : {}) };
}

/** Excel's column width in characters → points (a character of the default font is 7 px; 5 px padding; 96 dpi). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  let out = '';
  for (const ch of name.trim()) {
    if (':\\/?*[]'.includes(ch)) continue;
    if (Array.from(out).length >= 31) break;
    out += ch;
  }
  return out.replace(/^'+|'+$/g, '') || 'Sheet';
}

/**
 * The blocks cut into row slices and grouped so that each group's values and formats stay within `maxBytes`
 * (Excel on the web rejects a request over 5 MB): one context.sync() per group.
 */
export function planBlockBatches(blocks: readonly LayoutBlock[], maxBytes: number = LIMITS.excelBudgetBytes): LayoutBlock[][] {
  const slices: { block: LayoutBlock; bytes: number }[] = [];
  for (const b of blocks) {
    const sizes = b.values.map((row, i) => jsonBytes(row) + jsonBytes(b.numberFormat[i]) + 2);
    const box = parseAddress(b.address);
    for (const c of planChunksBySize(sizes, maxBytes, LIMITS.maxRowsPerExcelChunk)) {
      const whole = c.start === 0 && c.end === b.values.length;
      const block = whole
        ? b
        : { ...b, address: rangeAddress(box.col, box.row + 1 + c.start, box.columnCount, c.end - c.start), values: b.values.slice(c.start, c.end), numberFormat: b.numberFormat.slice(c.start, c.end) };
      slices.push({ block, bytes: sizes.slice(c.start, c.end).reduce((n, s) => n + s, 0) });
    }
  }
  return planChunksBySize(slices.map((s) => s.bytes), maxBytes, Number.MAX_SAFE_INTEGER).map((c) => slices.slice(c.start, c.end).map((s) => s.block));
}

/** The layout with its list (if any) as arrays: the list's block, highlights and merges after the layout's own. */
export function expandList(layout: SheetLayout): SheetLayout {
  const { list, ...rest } = layout;
  if (!list) return layout;
  const values: LayoutValue[][] = [];
  const styles = [...rest.styles];
  const merges = [...rest.merges];
  let row = list.firstRow;
  for (const r of list.rows()) {
    values.push(r.values);
    if (r.highlight) styles.push({ address: rangeAddress(r.highlight.col, row, r.highlight.width, r.highlight.rows), style: r.highlight.style });
    if (r.mergeDown) for (let c = r.mergeDown.col; c < r.mergeDown.col + r.mergeDown.width; c++) merges.push(rangeAddress(c, row, 1, r.mergeDown.rows));
    row++;
  }
  if (values.length !== list.rowCount) throw new Error(`内部错误：清单应有 ${list.rowCount} 行，得到 ${values.length} 行`);
  const block: LayoutBlock = { address: rangeAddress(0, list.firstRow, list.width, list.rowCount), values, numberFormat: values.map(() => list.numberFormat), ...(list.style ? { style: list.style } : {}) };
  return { ...rest, blocks: [...rest.blocks, block], styles, merges };
}
