// Reads the roster sheet's cells (values and value types) in chunks: one load + sync per chunk, halving a chunk
// Excel finds too large; then shared/roster plans the roster over the grid.
import { planRoster, type GridValue, type GridValueType, type RosterPlan, type SheetGrid } from '../../shared/roster';
import { LIMITS, jsonBytes, readChunkRows } from '../../shared/sheet/chunks';
import { PAYLOAD_TOO_LARGE, RosterError, officeErrorCode } from '../office/errors';
import { frameSheet, type SheetFrame } from './locate';

/**
 * After a read, size the next one from the bytes actually seen: half the Excel budget over the largest row so far
 * in this chunk (rows further down may be longer; an oversized read is halved on Excel's payload error anyway).
 * `types`, when given, are the same rows' value types (read in the same sync).
 */
export function nextReadSize(values: readonly unknown[][], rowsRead: number, types?: readonly unknown[][]): number {
  let maxRow = 1;
  let all = 0;
  for (let i = 0; i < values.length; i++) {
    const b = jsonBytes(values[i]) + (types ? jsonBytes(types[i]) : 0);
    maxRow = Math.max(maxRow, b);
    all += b;
  }
  const perRow = Math.max(maxRow, all / Math.max(1, rowsRead));
  return Math.max(1, Math.min(LIMITS.maxRowsPerExcelChunk, Math.floor(LIMITS.excelBudgetBytes / 2 / perRow)));
}

export type ReadOptions = { onProgress?: (done: number, total: number) => void; signal?: AbortSignal; chunkRows?: number };

/** The used range of the frame's sheet as a SheetGrid. */
export async function readGrid(context: Excel.RequestContext, frame: SheetFrame, options: ReadOptions = {}): Promise<SheetGrid> {
  const base = {
    name: frame.sheetName, merged: frame.merged, mergedUnread: frame.mergedUnread, tables: frame.tables, hiddenRows: frame.hiddenRows, hiddenColumns: frame.hiddenColumns,
    selection: frame.selection, remembered: frame.remembered,
  };
  const used = frame.used;
  if (used === null) return { ...base, origin: { row: 0, col: 0 }, values: [] };
  const sheet = context.workbook.worksheets.getItem(frame.sheetId);
  const values: GridValue[][] = [];
  const valueTypes: GridValueType[][] = [];
  const total = used.rowCount;
  let size = options.chunkRows ?? readChunkRows(used.columnCount * 2);
  let done = 0;
  options.onProgress?.(0, total);
  while (done < total) {
    if (options.signal?.aborted) throw new RosterError('已取消，未写入任何单元格。');
    const n = Math.min(size, total - done);
    const range = sheet.getRangeByIndexes(used.row + done, used.col, n, used.columnCount);
    range.load('values,valueTypes');
    try {
      await context.sync();
    } catch (e) {
      if (officeErrorCode(e) === PAYLOAD_TOO_LARGE && n > 1) {
        size = Math.max(1, Math.floor(n / 2));
        continue;
      }
      throw e;
    }
    const v = range.values as GridValue[][];
    const t = range.valueTypes as GridValueType[][];
    if (options.chunkRows === undefined) size = nextReadSize(v, n, t);
    for (let i = 0; i < v.length; i++) {
      values.push(v[i]);
      valueTypes.push(t[i]);
    }
    done += n;
    options.onProgress?.(done, total);
  }
  return { ...base, origin: { row: used.row, col: used.col }, values, valueTypes };
}

export type RosterRead = { frame: SheetFrame; plan: RosterPlan };

/**
 * Frame, read and plan the active sheet (or the sheet with that id or name), its columns read by `ruleSet`'s headers
 * and aliases (the default rule set when omitted).
 */
export async function readRoster(context: Excel.RequestContext, sheetKey?: string, options: ReadOptions & { ruleSet?: string } = {}): Promise<RosterRead> {
  const frame = await frameSheet(context, sheetKey);
  const grid = await readGrid(context, frame, options);
  return { frame, plan: planRoster(grid, { ruleSet: options.ruleSet }) };
}
