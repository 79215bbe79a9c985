// A1 addresses for layouts (pure): column 0-based, row 1-based as shown in Excel.
import { columnLetter } from './addresses';

export { columnLetter };

/** The A1 address of a cell: column 0-based, row 1-based. */
export function cellAddress(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

/** The A1 address of a rectangle: top-left column 0-based, row 1-based, width and height ≥ 1. */
export function rangeAddress(column: number, row: number, width: number, height: number): string {
  if (width < 1 || height < 1) throw new RangeError(`empty range ${width}×${height}`);
  const first = cellAddress(column, row);
  if (width === 1 && height === 1) return first;
  return `${first}:${cellAddress(column + width - 1, row + height - 1)}`;
}
