// Applies a SheetLayout to an exceljs worksheet: the same sheet the add-in makes with Office.js, for the .xlsx
// page and the command line. Type-only import: the task pane bundle does not include exceljs.
import type ExcelJS from 'exceljs';
import { parseAddress } from '../shared/sheet/a1';
import type { CellStyle, SheetLayout } from '../shared/sheet/sheet-layout';

/** exceljs' paper size code for A4 (its PaperSize enum is a const enum). */
const A4 = 9 as ExcelJS.PaperSize;
const ALIGN = { Left: 'left', Center: 'center', Right: 'right', Top: 'top', Bottom: 'bottom' } as const;
/** #RRGGBB → exceljs' ARGB (opaque). */
export const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

/** Every cell of an A1 area, 0-based (row, column), in reading order. */
function eachCellOf(address: string, f: (row: number, col: number, i: number, j: number) => void): void {
  const box = parseAddress(address);
  for (let i = 0; i < box.rowCount; i++) for (let j = 0; j < box.columnCount; j++) f(box.row + i, box.col + j, i, j);
}

/** A layout style laid over a cell's style so far (later layers win, field by field, as Excel's formats do). */
function styled(base: Partial<ExcelJS.Style>, s: CellStyle): Partial<ExcelJS.Style> {
  const out = { ...base };
  if (s.bold !== undefined || s.fontSize !== undefined || s.fontColor !== undefined) {
    out.font = { ...base.font, ...(s.bold !== undefined ? { bold: s.bold } : {}), ...(s.fontSize !== undefined ? { size: s.fontSize } : {}), ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}) };
  }
  if (s.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.wrap !== undefined || s.horizontal || s.vertical) {
    out.alignment = {
      ...base.alignment,
      ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
      ...(s.horizontal ? { horizontal: ALIGN[s.horizontal] } : {}),
      ...(s.vertical ? { vertical: s.vertical === 'Center' ? 'middle' : ALIGN[s.vertical] } : {}),
    };
  }
  return out;
}

const THIN = { style: 'thin' as const };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/** f(base, key) computed once per (base object, key): cells that went through the same layers share one result. */
function memo<K, V extends object>(f: (base: V, key: K) => V): (base: V, key: K) => V {
  const seen = new WeakMap<V, Map<K, V>>();
  return (base, key) => {
    let byKey = seen.get(base);
    if (!byKey) seen.set(base, (byKey = new Map()));
    let out = byKey.get(key);
    if (!out) byKey.set(key, (out = f(base, key)));
    return out;
  };
}

/**
 * Writes the layout into an empty worksheet named layout.sheetName.
 * Each cell's style is worked out from the layout's layers first, and cells that went through the same layers share
 * ONE style object: exceljs renders a style to XML for every distinct style object when it saves (it remembers
 * objects, not contents), which took about half a minute for the duty lists of 100,000 people when every cell had an
 * object of its own. The shared objects are the cells' own: nothing may change a written cell's format in place.
 */
export function applySheetLayoutExcelJs(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  layout.columnWidths.forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
  const withFormat = memo((base: Partial<ExcelJS.Style>, numFmt: string): Partial<ExcelJS.Style> => ({ ...base, numFmt }));
  const withStyle = memo(styled);
  const withBorder = memo((base: Partial<ExcelJS.Style>, _: 'box'): Partial<ExcelJS.Style> => ({ ...base, border: BOX }));
  const none: Partial<ExcelJS.Style> = {};
  // the style of every cell the layout touches, keyed by row × 16384 + column (Excel's column count)
  const styles = new Map<number, Partial<ExcelJS.Style>>();
  const at = (row: number, col: number): Partial<ExcelJS.Style> => styles.get(row * 16384 + col) ?? none;
  const put = (row: number, col: number, style: Partial<ExcelJS.Style>): void => void styles.set(row * 16384 + col, style);
  for (const b of layout.blocks) {
    eachCellOf(b.address, (row, col, i, j) => {
      ws.getCell(row + 1, col + 1).value = b.values[i][j];
      const formatted = withFormat(at(row, col), b.numberFormat[i][j]);
      put(row, col, b.style ? withStyle(formatted, b.style) : formatted);
    });
  }
  for (const s of layout.styles) eachCellOf(s.address, (row, col) => put(row, col, withStyle(at(row, col), s.style)));
  for (const address of layout.borders) eachCellOf(address, (row, col) => put(row, col, withBorder(at(row, col), 'box')));
  for (const [key, style] of styles) ws.getCell(Math.floor(key / 16384) + 1, (key % 16384) + 1).style = style;
  for (const m of layout.merges) ws.mergeCells(m);
  for (const h of layout.rowHeights) ws.getRow(h.row).height = h.height;
  if (layout.freezeRows > 0) ws.views = [{ state: 'frozen', ySplit: layout.freezeRows }];
  const p = layout.page;
  if (p) {
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: A4,
      orientation: p.orientation === 'Portrait' ? 'portrait' : 'landscape',
      fitToPage: true,
      fitToWidth: p.fitToPages.wide,
      fitToHeight: p.fitToPages.tall ?? 0,
      margins: { ...p.margins, header: 0.3, footer: 0.3 },
      horizontalCentered: p.centerHorizontally,
      printArea: p.printArea,
      ...(p.printTitleRows ? { printTitlesRow: p.printTitleRows.replace(/\$/g, '') } : {}),
    };
  }
}
