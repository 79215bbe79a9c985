// A1 addresses, one convention for every surface (add-in, .xlsx page, command line; pure, linear time):
// - building an address: `column` is the 0-based column index (A = 0) and `rowNumber` the row as Excel shows it (1-based);
//   width and height ≥ 1. Layouts count rows as the clerk sees them, so their constants read like the sheet.
// - reading an address: a `CellArea` (shared/roster), row and column both 0-based sheet indexes, as
//   Excel's getRangeByIndexes and the roster reader use them.
import { columnLetter } from '../roster/cells';
import type { CellArea } from '../roster/types';

/** 0 → "A", 25 → "Z", 26 → "AA" (one definition, in shared/roster, whose messages name columns too). */
export { columnLetter };

/** The A1 address of a cell: column 0-based, row 1-based. */
export function cellAddress(column: number, rowNumber: number): string {
  return `${columnLetter(column)}${rowNumber}`;
}

/** The A1 address of a rectangle: top-left column 0-based, row 1-based, width and height ≥ 1. */
export function rangeAddress(column: number, rowNumber: number, width = 1, height = 1): string {
  if (width < 1 || height < 1) throw new RangeError(`empty range ${width}×${height}`);
  const first = cellAddress(column, rowNumber);
  if (width === 1 && height === 1) return first;
  return `${first}:${cellAddress(column + width - 1, rowNumber + height - 1)}`;
}

/** Sheet names with anything but letters, digits and underscores are quoted, as Excel does. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `'Sheet'!B2:D4`: the sheet-qualified form of rangeAddress (same convention). */
export function sheetRangeAddress(sheet: string, column: number, rowNumber: number, width = 1, height = 1): string {
  return `${quoteSheetName(sheet)}!${rangeAddress(column, rowNumber, width, height)}`;
}

/**
 * "B3:D7", "B3", "$B$3" or "Sheet1!B3:D7" → its 0-based area, or null when it is not an address. A hand-written
 * scan with a length bound per cell (no regex over untrusted text beyond 16 characters).
 */
export function parseArea(ref: string): CellArea | null {
  const parts = (ref.split('!').pop() ?? '').replace(/\$/g, '').split(':');
  if (parts.length > 2) return null;
  const p = parseCell(parts[0].trim());
  const q = parts[1] === undefined ? p : parseCell(parts[1].trim());
  if (!p || !q) return null;
  return { row: Math.min(p.row, q.row), col: Math.min(p.col, q.col), rowCount: Math.abs(q.row - p.row) + 1, columnCount: Math.abs(q.col - p.col) + 1 };
}

/** parseArea for addresses the add-in made itself: throws (in Chinese) instead of returning null. */
export function parseAddress(address: string): CellArea {
  const area = parseArea(address);
  if (!area) throw new RangeError(`不是单元格地址：${address}`);
  return area;
}

function parseCell(s: string | undefined): { row: number; col: number } | null {
  if (!s || s.length > 16) return null;
  let i = 0;
  let col = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i) & ~0x20; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  const digits = s.slice(i);
  if (i === 0 || !/^[0-9]{1,7}$/.test(digits)) return null;
  return { row: Number(digits) - 1, col: col - 1 };
}
