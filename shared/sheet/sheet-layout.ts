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
