// planRoster: from a grid of cells to the roster's header, columns, data rows, excluded rows and output block.
import { rowFromCells } from '../headers';
import type { RosterKey } from '../types';
import { readerOf, type GridReader } from './cells';
import { HEADER_SEARCH_ROWS, findHeader, tableHeader, type FoundHeader } from './header';
import { headerName, missingOptionalLine, stopReason } from './messages';
import { placeOutput } from './output';
import type { CellArea, ExcludedRow, GridTable, PlanOptions, RosterDataRow, RosterPlan, SheetGrid, StopReason } from './types';
import { isNoteText, isTotalText } from './words';

/** Roster columns that earn hours (RULES.md §3): without one of them every person would be 0 h. */
export const CREDITING_KEYS: readonly RosterKey[] = [
  'platformPublicHours', 'platformProfessionalHours', 'trainingHours', 'seminarHours', 'degreeStudyHours', 'certificates',
  'achievements', 'expertDays', 'expertHours', 'aidMonths', 'competitions', 'transferPublicHours', 'transferProfessionalHours',
];

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

function locate(grid: SheetGrid, reader: GridReader, searchRows: number): Extent {
  const onSheet = findHeader(reader, reader.firstRow, searchRows, reader.firstCol, reader.lastCol);
  const table = rosterTable(grid, onSheet, reader);
  if (table === null) return { table, found: onSheet, firstCol: reader.firstCol, lastCol: reader.lastCol, lastDataRow: reader.lastRow };
  const { row, col, rowCount, columnCount } = table.area;
  const lastCol = col + columnCount - 1;
  const found = tableHeader(reader, row, col, lastCol);
  return { table, found, firstCol: col, lastCol, lastDataRow: row + rowCount - 1 - (table.showTotals ? 1 : 0) };
}

function emptyPlan(grid: SheetGrid, stop: StopReason): RosterPlan {
  return {
    sheetName: grid.name, table: null, headerRows: [], firstCol: grid.origin.col, lastCol: grid.origin.col - 1, headers: [], columns: [],
    unknown: [], missingOptionalLine: '', missingOptional: [], lookalikes: [], rows: [], excluded: [], hiddenCount: 0, output: null, stop,
  };
}

const cellText = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

export function planRoster(grid: SheetGrid, options: PlanOptions = {}): RosterPlan {
  const reader = readerOf(grid);
  if (reader.lastRow < reader.firstRow || reader.lastCol < reader.firstCol || gridIsBlank(reader)) {
    return emptyPlan(grid, stopReason('EMPTY_SHEET', grid.name));
  }
  const { table, found, firstCol, lastCol, lastDataRow } = locate(grid, reader, options.headerSearchRows ?? HEADER_SEARCH_ROWS);
  if (found === null) return emptyPlan(grid, stopReason('NO_HEADER', grid.name));
  const headerRow = found.rows[found.rows.length - 1];
  const col = (i: number): number => firstCol + i;
  const inputCols = new Set<number>();
  found.columns.forEach((k, i) => k !== null && inputCols.add(col(i)));
  const output = placeOutput(reader, grid.remembered, headerRow, firstCol, lastCol, inputCols);
  const ours = new Set(output.columns.filter((c) => c.exists).map((c) => c.col));
  const nameIndex = found.columns.indexOf('name');
  const { rows, excluded } = dataRows(grid, reader, found, {
    from: headerRow + 1, to: lastDataRow, firstCol, lastCol, nameCol: nameIndex < 0 ? -1 : col(nameIndex), ours, table,
  });
  const required = new Set(found.mapping.missingRequired);
  const missingOptional = found.mapping.missing.filter((k) => !required.has(k));
  const plan: RosterPlan = {
    sheetName: grid.name,
    table: table?.name ?? null,
    headerRows: found.rows,
    firstCol,
    lastCol,
    headers: found.headers,
    columns: found.columns,
    unknown: found.mapping.unknown.map((u) => ({ col: col(u.index), header: found.headers[u.index] })).filter((u) => !ours.has(u.col)),
    missingOptional,
    missingOptionalLine: missingOptionalLine(missingOptional),
    lookalikes: found.mapping.outputColumns.map((o) => ({ col: col(o.index), header: found.headers[o.index] })).filter((o) => !ours.has(o.col)),
    rows,
    excluded,
    hiddenCount: countHidden(grid, rows),
    output,
    stop: null,
  };
  plan.stop = stopFor(plan, found);
  return plan;
}

function stopFor(plan: RosterPlan, found: FoundHeader): StopReason | null {
  if (found.mapping.missingRequired.includes('name')) return stopReason('NO_NAME_COLUMN', plan.sheetName);
  if (!found.columns.some((k) => k !== null && CREDITING_KEYS.includes(k))) return stopReason('NO_HOURS_COLUMN', plan.sheetName);
  if (found.mapping.duplicates.length > 0) {
    const detail = found.mapping.duplicates.map((d) => `列“${headerName(d.key)}”出现了 ${d.indexes.length} 次，`).join('');
    return stopReason('DUPLICATE_COLUMN', plan.sheetName, detail);
  }
  if (!plan.rows.some((r) => r.input !== null)) return stopReason('NO_DATA_ROWS', plan.sheetName);
  return null;
}

function gridIsBlank(reader: GridReader): boolean {
  for (let r = reader.firstRow; r <= reader.lastRow; r++) if (!reader.isBlankRow(r, reader.firstCol, reader.lastCol)) return false;
  return true;
}

function countHidden(grid: SheetGrid, rows: readonly RosterDataRow[]): number {
  let n = 0;
  for (const r of rows) if (r.hidden && r.input !== null) n++;
  return grid.hiddenRows === undefined ? 0 : n;
}

type RowScan = {
  from: number;
  to: number;
  firstCol: number;
  lastCol: number;
  nameCol: number;
  ours: ReadonlySet<number>;
  table: GridTable | null;
};

/** The first non-empty cell of a row (outside our output block), as text; '' when it is not text. */
function firstText(reader: GridReader, row: number, s: RowScan): { col: number; text: string } | null {
  for (let c = s.firstCol; c <= s.lastCol; c++) {
    if (s.ours.has(c)) continue;
    if (reader.value(row, c) === null) continue;
    return { col: c, text: reader.text(row, c) };
  }
  return null;
}

function totalIn(reader: GridReader, row: number, s: RowScan): string | null {
  for (let c = s.firstCol; c <= s.lastCol; c++) {
    if (s.ours.has(c)) continue;
    const t = reader.text(row, c);
    if (t !== '' && isTotalText(t)) return t;
  }
  return null;
}

function dataRows(grid: SheetGrid, reader: GridReader, found: FoundHeader, s: RowScan): { rows: RosterDataRow[]; excluded: ExcludedRow[] } {
  const hidden = new Set(grid.hiddenRows ?? []);
  const otherTotals = new Set<number>();
  for (const t of grid.tables ?? []) {
    if (!t.showTotals) continue;
    const totalRow = t.area.row + t.area.rowCount - 1;
    const overlaps = t.area.col <= s.lastCol && t.area.col + t.area.columnCount - 1 >= s.firstCol;
    if (overlaps && (t === s.table || (totalRow >= s.from && totalRow <= s.to))) otherTotals.add(totalRow);
  }
  const nameOf = (r: number): string => (s.nameCol < 0 ? '' : cellText(reader.value(r, s.nameCol)));
  // A name with a colon (日期：…, 单位（盖章）: …) is a footer line, never a person.
  const isPerson = (r: number): boolean => {
    const name = nameOf(r);
    return name !== '' && !name.includes('：') && !name.includes(':') && !isTotalText(name) && !isNoteText(name) && !otherTotals.has(r);
  };
  // personBelow[r - from]: some row below r names a person (a non-blank name that is not a total or note word).
  const n = Math.max(0, s.to - s.from + 1);
  const personBelow = new Array<boolean>(n).fill(false);
  for (let i = n - 2; i >= 0; i--) personBelow[i] = personBelow[i + 1] || isPerson(s.from + i + 1);
  const rows: RosterDataRow[] = [];
  const excluded: ExcludedRow[] = [];
  const width = s.lastCol - s.firstCol + 1;
  for (let r = s.from; r <= s.to; r++) {
    const name = nameOf(r);
    const row: RosterDataRow = { sheetRow: r, input: null, name, hidden: hidden.has(r) };
    if (otherTotals.has(r)) {
      excluded.push({ sheetRow: r, reason: 'tableTotal', text: name });
      rows.push(row);
      continue;
    }
    const first = firstText(reader, r, s);
    if (first === null) {
      rows.push(row);
      continue;
    }
    if (isNoteText(first.text) && (name === '' || first.col === s.nameCol)) {
      if (!personBelow[r - s.from]) {
        excluded.push({ sheetRow: r, reason: 'footer', text: first.text });
        break;
      }
      excluded.push({ sheetRow: r, reason: 'note', text: first.text });
      rows.push(row);
      continue;
    }
    const total = name === '' || isTotalText(name) ? totalIn(reader, r, s) : null;
    if (total !== null) {
      excluded.push({ sheetRow: r, reason: 'total', text: total });
      rows.push(row);
      continue;
    }
    const cells = new Array<unknown>(width);
    for (let i = 0; i < width; i++) cells[i] = s.ours.has(s.firstCol + i) ? null : reader.value(r, s.firstCol + i);
    row.input = rowFromCells(cells as (string | number | boolean | null)[], found.columns);
    rows.push(row);
  }
  for (const t of otherTotals) if (t > s.to) excluded.push({ sheetRow: t, reason: 'tableTotal', text: '' });
  return { rows, excluded };
}
