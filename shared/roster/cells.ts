// Reading cells of a SheetGrid: by value type, with merged areas, in sheet coordinates.
import type { CellArea, GridValue, GridValueType, SheetGrid } from './types';

/** The text Excel shows for an error cell whose value did not come as text. */
const ERROR_FALLBACK = '#VALUE!';

export type GridReader = {
  readonly grid: SheetGrid;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  /** The value as the engine takes it: an error cell is its error text, an empty cell null. */
  value(row: number, col: number): GridValue;
  type(row: number, col: number): GridValueType;
  /** Trimmed text of a String cell ('' for any other type). */
  text(row: number, col: number): string;
  /** The merged area covering (row, col), or null. */
  mergeAt(row: number, col: number): CellArea | null;
  /**
   * value(), except in the first column of a merged area whose top row is `fromRow` or below: there every cell has
   * the value of the area's top cell (a 科室 merged over its people belongs to each of them). Other blanks stay blank.
   */
  filledValue(row: number, col: number, fromRow: number): GridValue;
  isBlankRow(row: number, firstCol: number, lastCol: number): boolean;
};

function inferType(v: GridValue): GridValueType {
  if (v === null || v === '') return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

export function readerOf(grid: SheetGrid): GridReader {
  const height = grid.values.length;
  let width = 0;
  for (const row of grid.values) if (row.length > width) width = row.length;
  const { row: r0, col: c0 } = grid.origin;
  const merges = new Map<number, CellArea>();
  const key = (r: number, c: number): number => (r - r0) * (width + 1) + (c - c0);
  for (const m of grid.merged ?? []) {
    const top = Math.max(m.row, r0);
    const bottom = Math.min(m.row + m.rowCount, r0 + height);
    const left = Math.max(m.col, c0);
    const right = Math.min(m.col + m.columnCount, c0 + width);
    for (let r = top; r < bottom; r++) for (let c = left; c < right; c++) merges.set(key(r, c), m);
  }
  const inside = (r: number, c: number): boolean => r >= r0 && r < r0 + height && c >= c0 && c < c0 + width;
  const raw = (r: number, c: number): GridValue => (inside(r, c) ? (grid.values[r - r0][c - c0] ?? null) : null);
  const type = (r: number, c: number): GridValueType => {
    if (!inside(r, c)) return 'Empty';
    return grid.valueTypes?.[r - r0]?.[c - c0] ?? inferType(raw(r, c));
  };
  const value = (r: number, c: number): GridValue => {
    const t = type(r, c);
    const v = raw(r, c);
    if (t === 'Error') return typeof v === 'string' && v.startsWith('#') ? v : ERROR_FALLBACK;
    if (t === 'Empty') return null;
    return v === '' ? null : v;
  };
  const text = (r: number, c: number): string => {
    const v = raw(r, c);
    return type(r, c) === 'String' && typeof v === 'string' ? v.trim() : '';
  };
  return {
    grid,
    firstRow: r0,
    lastRow: r0 + height - 1,
    firstCol: c0,
    lastCol: c0 + width - 1,
    value,
    type,
    text,
    mergeAt: (r, c) => merges.get(key(r, c)) ?? null,
    filledValue(r, c, fromRow) {
      const m = merges.get(key(r, c));
      return m !== undefined && m.col === c && m.row < r && m.row >= fromRow ? value(m.row, c) : value(r, c);
    },
    isBlankRow(r, first, last) {
      for (let c = first; c <= last; c++) {
        const v = value(r, c);
        if (v !== null && !(typeof v === 'string' && v.trim() === '')) return false;
      }
      return true;
    },
  };
}

/** 0 → "A", 25 → "Z", 26 → "AA": the column letters Excel shows (messages name columns by them). */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`列序号无效：${index}`);
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Text of a cell with spaces removed and full-width colons kept, bounded (for the word checks). */
export function compact(s: string, max = 40): string {
  let out = '';
  for (let i = 0; i < s.length && out.length < max; i++) {
    const ch = s[i];
    if (ch.trim() !== '') out += ch;
  }
  return out;
}
