// Building SheetGrids for the roster reader's tests: rows of values from A1 (or an origin), with merges and tables.
import type { CellArea, GridValue, GridValueType, SheetGrid } from '../../../shared/roster';

/** A rectangular grid from ragged rows (short rows are padded with null). */
export function grid(name: string, rows: GridValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...new Array<GridValue>(width - r.length).fill(null)]);
  return { name, origin: { row: 0, col: 0 }, values, ...extra };
}

/** A1-style area: area('A1:E1'). */
export function area(a1: string): CellArea {
  const [from, to = from] = a1.split(':');
  const p = (ref: string): { row: number; col: number } => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m) throw new Error(ref);
    let col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const a = p(from);
  const b = p(to);
  return { row: a.row, col: a.col, rowCount: b.row - a.row + 1, columnCount: b.col - a.col + 1 };
}

/** Value types as Excel would report them, with the given cells set to 'Error'. */
export function typesWithErrors(g: SheetGrid, errors: readonly [number, number][]): GridValueType[][] {
  const t: GridValueType[][] = g.values.map((row) =>
    row.map((v) => (v === null || v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String')),
  );
  for (const [r, c] of errors) t[r][c] = 'Error';
  return t;
}
