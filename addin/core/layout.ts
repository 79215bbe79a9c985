// Where the roster is on the sheet and where the output columns go.
import { HEADERS, OUTPUT_HEADERS, mapHeaders, outputHeaderOf } from '../../shared/index';
import type { CellValue, RosterKey } from '../../shared/types';

export type HeaderMapping = ReturnType<typeof mapHeaders>;

/** How many rows at the top of the roster are searched for the header row (a title row may sit above it). */
export const HEADER_SEARCH_ROWS = 10;

/**
 * The header row is the row among the first few that maps the most roster columns (a title such as
 * "2023年度继续教育学时台账" may sit above it). Ties go to the upper row. Returns -1 if no row maps anything.
 */
export function detectHeaderRow(topRows: readonly CellValue[][]): number {
  let best = -1;
  let bestCount = 0;
  const limit = Math.min(topRows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const mapped = mapHeaders(topRows[r]).columns.filter((k) => k !== null).length;
    if (mapped > bestCount) {
      best = r;
      bestCount = mapped;
    }
  }
  return best;
}

/** One output column: its header, its sheet column, whether it exists already. */
export type OutputColumn = { header: string; col: number; exists: boolean };
/** A run of adjacent output columns written with one range. `outputs` index OUTPUT_HEADERS. */
export type OutputBlock = { col: number; width: number; outputs: number[] };
export type OutputPlan = { columns: OutputColumn[]; blocks: OutputBlock[]; created: OutputColumn[] };

/**
 * Existing output columns (matched by header, first occurrence) are reused where they are; the missing ones are
 * appended right of the roster range, in CONTRACT.md's order. Never returns an input column.
 */
export function planOutputColumns(headerRow: readonly CellValue[], mapping: HeaderMapping, firstCol: number): OutputPlan {
  const existing = new Map<string, number>();
  headerRow.forEach((cell, i) => {
    // the project's one header normaliser (shared/headers.ts): “状 态” is 状态 here as in mapHeaders
    const h = outputHeaderOf(cell);
    if (h !== null && !existing.has(h) && mapping.columns[i] == null) {
      existing.set(h, i);
    }
  });
  // Appended right of everything the roster range holds (headerRow spans the used range or the table), so a
  // column with data but no header is never overwritten.
  let next = firstCol + headerRow.length;
  const columns: OutputColumn[] = OUTPUT_HEADERS.map((header) => {
    const at = existing.get(header);
    if (at !== undefined) return { header, col: firstCol + at, exists: true };
    return { header, col: next++, exists: false };
  });
  const inputCols = new Set<number>();
  mapping.columns.forEach((k, i) => {
    if (k !== null) inputCols.add(firstCol + i);
  });
  for (const c of columns) {
    if (inputCols.has(c.col)) throw new Error(`内部错误：输出列“${c.header}”与输入列重叠`);
  }
  return { columns, blocks: groupBlocks(columns), created: columns.filter((c) => !c.exists) };
}

/** Groups output columns into runs of adjacent sheet columns (in sheet order). */
export function groupBlocks(columns: readonly OutputColumn[]): OutputBlock[] {
  const order = columns.map((c, i) => ({ col: c.col, i })).sort((a, b) => a.col - b.col);
  const blocks: OutputBlock[] = [];
  for (const { col, i } of order) {
    const last = blocks[blocks.length - 1];
    if (last && last.col + last.width === col) {
      last.width++;
      last.outputs.push(i);
    } else blocks.push({ col, width: 1, outputs: [i] });
  }
  return blocks;
}

/** The Chinese header of a roster key, for messages. */
export function headerName(key: RosterKey): string {
  return HEADERS.find((h) => h.key === key)?.zh ?? key;
}
