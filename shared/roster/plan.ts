// planRoster: from a grid of cells to the roster's header, columns, data rows, excluded rows and output block.
import { creditKeysOf } from '../headers';
import { isBlankCell } from '../normalize';
import { DEFAULT_RULE_SET } from '../rulesets';
import type { RosterKey } from '../types';
import { readerOf, type GridReader } from './cells';
import { evidenceUnchecked } from './evidence-column';
import { HEADER_SEARCH_ROWS, findHeader, tableHeader, type FoundHeader } from './header';
import { resolveColumns } from './hidden-columns';
import { missingOptionalLine, stopReason } from './messages';
import { placeOutput } from './output';
import { dataRows } from './rows';
import type { CellArea, GridTable, PlanOptions, RosterDataRow, RosterPlan, SheetGrid, StopReason } from './types';

const contains = (a: CellArea, row: number, col: number): boolean =>
  row >= a.row && row < a.row + a.rowCount && col >= a.col && col < a.col + a.columnCount;

/** The table the clerk's selection is in, else the table whose header row is the header found on the sheet. */
function rosterTable(grid: SheetGrid, found: FoundHeader | null, reader: GridReader): GridTable | null {
  const tables = (grid.tables ?? []).filter((t) => t.showHeaders);
  const sel = grid.selection;
  if (sel) {
    const t = tables.find((x) => contains(x.area, sel.row, sel.col));
    if (t) return t;
  }
  if (found === null) return null;
  const headerRow = found.rows[found.rows.length - 1];
  const mappedCols = found.columns.map((k, i) => (k === null ? -1 : reader.firstCol + i)).filter((c) => c >= 0);
  return tables.find((t) => t.area.row === headerRow && mappedCols.some((c) => contains(t.area, headerRow, c))) ?? null;
}

type Extent = { table: GridTable | null; found: FoundHeader | null; firstCol: number; lastCol: number; lastDataRow: number };

function locate(grid: SheetGrid, reader: GridReader, searchRows: number, ruleSet: string): Extent {
  const onSheet = findHeader(reader, reader.firstRow, searchRows, reader.firstCol, reader.lastCol, ruleSet);
  const table = rosterTable(grid, onSheet, reader);
  if (table === null) return { table, found: onSheet, firstCol: reader.firstCol, lastCol: reader.lastCol, lastDataRow: reader.lastRow };
  const { row, col, rowCount, columnCount } = table.area;
  const lastCol = col + columnCount - 1;
  const found = tableHeader(reader, row, col, lastCol, ruleSet);
  return { table, found, firstCol: col, lastCol, lastDataRow: row + rowCount - 1 - (table.showTotals ? 1 : 0) };
}

function emptyPlan(grid: SheetGrid, stop: StopReason, ruleSet: string): RosterPlan {
  return {
    sheetName: grid.name, ruleSet, table: null, headerRows: [], firstCol: grid.origin.col, lastCol: grid.origin.col - 1, headers: [], columns: [],
    unknown: [], missingOptionalLine: '', missingOptional: [], lookalikes: [], rows: [], excluded: [], hiddenCount: 0, notRead: [],
    hiddenRead: [], mergedFill: [], mergedUnread: 0, evidenceUnchecked: 0, output: null, stop,
  };
}

export function planRoster(grid: SheetGrid, options: PlanOptions = {}): RosterPlan {
  const ruleSet = options.ruleSet ?? DEFAULT_RULE_SET;
  const reader = readerOf(grid);
  if (reader.lastRow < reader.firstRow || reader.lastCol < reader.firstCol || gridIsBlank(reader)) {
    return emptyPlan(grid, stopReason('EMPTY_SHEET', grid.name), ruleSet);
  }
  const { table, found, firstCol, lastCol, lastDataRow } = locate(grid, reader, options.headerSearchRows ?? HEADER_SEARCH_ROWS, ruleSet);
  if (found === null) return emptyPlan(grid, stopReason('NO_HEADER', grid.name), ruleSet);
  const headerRow = found.rows[found.rows.length - 1];
  const col = (i: number): number => firstCol + i;
  const resolved = resolveColumns(found, firstCol, grid.hiddenColumns, ruleSet);
  const { columns } = resolved;
  const inputCols = new Set<number>();
  columns.forEach((k, i) => k !== null && inputCols.add(col(i)));
  for (const n of resolved.notRead) inputCols.add(n.col);
  const output = placeOutput(reader, grid.remembered, headerRow, firstCol, lastCol, inputCols);
  const ours = new Set(output.columns.filter((c) => c.exists).map((c) => c.col));
  const nameIndex = columns.indexOf('name');
  const { rows, excluded } = dataRows(grid, reader, found, {
    from: headerRow + 1, to: lastDataRow, firstCol, lastCol, nameCol: nameIndex < 0 ? -1 : col(nameIndex), ours, table, columns, ruleSet,
  });
  const required = new Set(found.mapping.missingRequired);
  const missingOptional = found.mapping.missing.filter((k) => !required.has(k));
  const plan: RosterPlan = {
    sheetName: grid.name,
    ruleSet,
    table: table?.name ?? null,
    headerRows: found.rows,
    firstCol,
    lastCol,
    headers: found.headers,
    columns,
    unknown: found.mapping.unknown.map((u) => ({ col: col(u.index), header: found.headers[u.index] })).filter((u) => !ours.has(u.col)),
    missingOptional,
    missingOptionalLine: missingOptionalLine(missingOptional, ruleSet),
    lookalikes: found.mapping.outputColumns.map((o) => ({ col: col(o.index), header: found.headers[o.index] })).filter((o) => !ours.has(o.col)),
    rows,
    excluded,
    hiddenCount: countHidden(grid, rows),
    notRead: resolved.notRead,
    hiddenRead: resolved.hiddenRead,
    mergedFill: mergedFill(grid, columns, found.headers, firstCol, headerRow + 1, lastDataRow),
    mergedUnread: grid.mergedUnread === true ? blankGroups(rows, columns) : 0,
    evidenceUnchecked: evidenceUnchecked(columns, rows, ruleSet),
    output,
    stop: null,
  };
  plan.stop = stopFor(plan, found, resolved.conflict);
  return plan;
}

function stopFor(plan: RosterPlan, found: FoundHeader, conflict: string): StopReason | null {
  if (found.mapping.missingRequired.includes('name')) return stopReason('NO_NAME_COLUMN', plan.sheetName);
  const credit = creditKeysOf(plan.ruleSet);
  if (!plan.columns.some((k) => k !== null && credit.includes(k))) return stopReason('NO_HOURS_COLUMN', plan.sheetName);
  if (conflict !== '') return stopReason('DUPLICATE_COLUMN', plan.sheetName, conflict);
  if (!plan.rows.some((r) => r.input !== null)) return stopReason('NO_DATA_ROWS', plan.sheetName);
  return null;
}

function gridIsBlank(reader: GridReader): boolean {
  for (let r = reader.firstRow; r <= reader.lastRow; r++) if (!reader.isBlankRow(r, reader.firstCol, reader.lastCol)) return false;
  return true;
}

/** Read columns with areas merged down over data rows (a 科室 over its people), how many areas each. */
function mergedFill(grid: SheetGrid, columns: readonly (RosterKey | null)[], headers: readonly string[], firstCol: number, from: number, to: number): RosterPlan['mergedFill'] {
  const areas = new Map<number, number>();
  for (const m of grid.merged ?? []) {
    const i = m.col - firstCol;
    if (m.rowCount < 2 || m.row < from || m.row > to || i < 0 || i >= columns.length || columns[i] === null) continue;
    areas.set(i, (areas.get(i) ?? 0) + 1);
  }
  return [...areas].sort((a, b) => a[0] - b[0]).map(([i, n]) => ({ col: firstCol + i, header: headers[i], areas: n }));
}

/** People with a blank unit or department (in a column the roster has). */
function blankGroups(rows: readonly RosterDataRow[], columns: readonly (RosterKey | null)[]): number {
  const keys = (['unit', 'department'] as const).filter((k) => columns.includes(k));
  let n = 0;
  for (const r of rows) if (r.input !== null && keys.some((k) => isBlankCell(r.input?.[k]))) n++;
  return n;
}

function countHidden(grid: SheetGrid, rows: readonly RosterDataRow[]): number {
  let n = 0;
  for (const r of rows) if (r.hidden && r.input !== null) n++;
  return grid.hiddenRows === undefined ? 0 : n;
}
