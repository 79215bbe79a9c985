// Applies a SheetLayout to an exceljs worksheet: the same sheet the add-in makes with Office.js, for the .xlsx
// page and the command line. Type-only import: the task pane bundle does not include exceljs.
import type ExcelJS from 'exceljs';
import { parseAddress } from '../office/a1';
import type { CellStyle, SheetLayout } from '../office/sheet-layout';

/** exceljs' paper size code for A4 (its PaperSize enum is a const enum). */
const A4 = 9 as ExcelJS.PaperSize;
const ALIGN = { Left: 'left', Center: 'center', Right: 'right', Top: 'top', Bottom: 'bottom' } as const;
/** #RRGGBB → exceljs' ARGB (opaque). */
export const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

function eachCell(ws: ExcelJS.Worksheet, address: string, f: (cell: ExcelJS.Cell, i: number, j: number) => void): void {
  const box = parseAddress(address);
  for (let i = 0; i < box.rowCount; i++) for (let j = 0; j < box.columnCount; j++) f(ws.getCell(box.row + i + 1, box.col + j + 1), i, j);
}

function style(cell: ExcelJS.Cell, s: CellStyle): void {
  if (s.bold !== undefined || s.fontSize !== undefined || s.fontColor !== undefined) {
    cell.font = { ...cell.font, ...(s.bold !== undefined ? { bold: s.bold } : {}), ...(s.fontSize !== undefined ? { size: s.fontSize } : {}), ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}) };
  }
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.wrap !== undefined || s.horizontal || s.vertical) {
    cell.alignment = {
      ...cell.alignment,
      ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
      ...(s.horizontal ? { horizontal: ALIGN[s.horizontal] } : {}),
      ...(s.vertical ? { vertical: s.vertical === 'Center' ? 'middle' : ALIGN[s.vertical] } : {}),
    };
  }
}

/** Writes the layout into an empty worksheet named layout.sheetName. */
export function applySheetLayoutExcelJs(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  layout.columnWidths.forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
  for (const b of layout.blocks) {
    eachCell(ws, b.address, (cell, i, j) => {
      cell.numFmt = b.numberFormat[i][j];
      cell.value = b.values[i][j];
      if (b.style) style(cell, b.style);
    });
  }
  for (const s of layout.styles) eachCell(ws, s.address, (cell) => style(cell, s.style));
  for (const m of layout.merges) ws.mergeCells(m);
  const thin = { style: 'thin' as const };
  for (const address of layout.borders) eachCell(ws, address, (cell) => (cell.border = { top: thin, bottom: thin, left: thin, right: thin }));
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
