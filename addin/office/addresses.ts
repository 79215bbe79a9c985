// A1-style addresses from 0-based sheet indexes (Excel's getRangeByIndexes is 0-based too).

/** 0 → "A", 25 → "Z", 26 → "AA". */
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

/** Sheet names with anything but letters, digits and underscores are quoted, as Excel does. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "A1" or "A1:C10" for a block starting at (row, col) with the given size. */
export function rangeAddress(row: number, col: number, rowCount = 1, columnCount = 1): string {
  const first = `${columnLetter(col)}${row + 1}`;
  if (rowCount === 1 && columnCount === 1) return first;
  return `${first}:${columnLetter(col + columnCount - 1)}${row + rowCount}`;
}

export function sheetRangeAddress(sheet: string, row: number, col: number, rowCount = 1, columnCount = 1): string {
  return `${quoteSheetName(sheet)}!${rangeAddress(row, col, rowCount, columnCount)}`;
}
