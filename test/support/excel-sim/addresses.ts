// A1 addresses for the simulator (0-based boxes), as Excel writes and reads them. The parser is the simulator's
// own, not shared/sheet/a1.ts: a wrong address the add-in builds must not be read back by the same wrong code.
import { columnLetter } from '../../../shared/sheet/a1';
import { SimError, type Box } from './context';

/** `B2`, or `B2:D5` for more than one cell (`span`: always the two corners, as page setup writes it). */
export function a1(row: number, col: number, rows: number, cols: number, span = false): string {
  const first = `${columnLetter(col)}${row + 1}`;
  return rows === 1 && cols === 1 && !span ? first : `${first}:${columnLetter(col + cols - 1)}${row + rows}`;
}

/** A sheet name as it appears in an address (quoted unless a plain identifier). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `A1`, `$A$1:C3` or `Sheet!A1:C3` as a box; anything else is InvalidArgument. */
export function parseA1(address: string): Box {
  const cell = (s: string): { row: number; col: number } => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(s.trim());
    if (!m) throw new SimError('InvalidArgument', `Invalid address ${address}`);
    const col = m[1].toUpperCase().split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { row: Number(m[2]) - 1, col };
  };
  const [a, b] = (address.split('!').pop() ?? '').split(':');
  const p = cell(a);
  const q = b ? cell(b) : p;
  return { row: Math.min(p.row, q.row), col: Math.min(p.col, q.col), rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
}
