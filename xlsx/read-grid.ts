// An exceljs worksheet as the roster module's SheetGrid: the used range's values with Excel value types, merged
// areas, tables (with their total rows) and hidden rows, in 0-based sheet coordinates.
import type { Workbook, Worksheet } from 'exceljs';
import type { CellArea, GridTable, GridValue, GridValueType, SheetGrid } from '../shared/roster/types';
import { columnLetter, parseArea } from '../shared/sheet/a1';
import { gridCell } from './cell-value';

/** A formula whose file holds no cached result (the file was written by a program that does not calculate). */
export type UncachedFormula = { sheetName: string; address: string; row: number; col: number };

export type ReadSheet = { grid: SheetGrid; uncachedFormulas: UncachedFormula[]; hidden: boolean };

function tablesOf(ws: Worksheet): GridTable[] {
  const out: GridTable[] = [];
  for (const t of ws.getTables() as unknown as { table?: TableModel }[]) {
    const m = t.table;
    if (!m) continue;
    const area = parseArea(m.tableRef ?? m.ref ?? '');
    if (!area) continue;
    out.push({ name: m.name, area, showHeaders: m.headerRow !== false, showTotals: m.totalsRow === true });
  }
  return out;
}
type TableModel = { name: string; ref?: string; tableRef?: string; headerRow?: boolean; totalsRow?: boolean };

/** Reads one worksheet. `signal` is checked between rows of a large sheet by the caller's chunked loop. */
export function readSheetGrid(ws: Worksheet, date1904: boolean): ReadSheet {
  const cells: { row: number; col: number; value: GridValue; type: GridValueType }[] = [];
  const uncachedFormulas: UncachedFormula[] = [];
  const hiddenRows: number[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const g = gridCell(cell.type as number, cell.value, date1904);
      const c = colNumber - 1;
      if (g.formulaWithoutResult) uncachedFormulas.push({ sheetName: ws.name, address: `${columnLetter(c)}${rowNumber}`, row: r, col: c });
      if (g.type === 'Empty') return;
      cells.push({ row: r, col: c, value: g.value, type: g.type });
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  const tables = tablesOf(ws);
  for (const t of tables) {
    top = Math.min(top, t.area.row);
    left = Math.min(left, t.area.col);
    bottom = Math.max(bottom, t.area.row + t.area.rowCount - 1);
    right = Math.max(right, t.area.col + t.area.columnCount - 1);
  }
  const merged: CellArea[] = [];
  for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
    const a = parseArea(ref);
    if (a) merged.push(a);
  }
  const empty = bottom < 0;
  const origin = empty ? { row: 0, col: 0 } : { row: top, col: left };
  const height = empty ? 0 : bottom - top + 1;
  const width = empty ? 0 : right - left + 1;
  const values: GridValue[][] = new Array(height);
  const valueTypes: GridValueType[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    values[r] = new Array<GridValue>(width).fill(null);
    valueTypes[r] = new Array<GridValueType>(width).fill('Empty');
  }
  for (const c of cells) {
    values[c.row - origin.row][c.col - origin.col] = c.value;
    valueTypes[c.row - origin.row][c.col - origin.col] = c.type;
  }
  return {
    grid: { name: ws.name, origin, values, valueTypes, merged, tables, hiddenRows, selection: null, remembered: null },
    uncachedFormulas,
    hidden: ws.state !== 'visible' && ws.state !== undefined,
  };
}

/** Every worksheet of the workbook, in tab order. */
export function readWorkbookGrids(wb: Workbook): ReadSheet[] {
  const date1904 = wb.properties?.date1904 === true;
  return wb.worksheets.map((ws) => readSheetGrid(ws, date1904));
}
