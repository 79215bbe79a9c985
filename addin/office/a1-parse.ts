// An A1 address (B3 or B3:C4, optional $ signs) as a rectangle: row and column 0-based. Pure, linear time.
export type Box = { row: number; col: number; rows: number; cols: number };

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function cell(s: string, address: string): { row: number; col: number } {
  const m = CELL.exec(s.trim());
  if (!m) throw new RangeError(`不是单元格地址：${address}`);
  const col = m[1].toUpperCase().split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

export function parseAddress(address: string): Box {
  const parts = address.split('!').pop()!.split(':');
  if (parts.length > 2) throw new RangeError(`不是单元格地址：${address}`);
  const p = cell(parts[0], address);
  const q = parts[1] === undefined ? p : cell(parts[1], address);
  return { row: Math.min(p.row, q.row), col: Math.min(p.col, q.col), rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
}
