// Reads the roster's data rows in chunks: one load + sync per chunk, halving a chunk Excel finds too large.
import { rowFromCells } from '../../shared/index';
import type { CellValue, RosterRowInput } from '../../shared/types';
import { LIMITS, jsonBytes, readChunkRows } from '../core/chunks';
import { PAYLOAD_TOO_LARGE, RosterError, officeErrorCode } from './errors';
import type { RosterSource } from './locate';

/**
 * After a read, size the next one from the bytes actually seen: half the Excel budget over the largest row so far
 * in this chunk (rows further down may be longer; an oversized read is halved on Excel's payload error anyway).
 */
export function nextReadSize(values: readonly CellValue[][], rowsRead: number): number {
  let maxRow = 1;
  for (const row of values) maxRow = Math.max(maxRow, jsonBytes(row));
  const perRow = Math.max(maxRow, jsonBytes(values) / Math.max(1, rowsRead));
  return Math.max(1, Math.min(LIMITS.maxRowsPerExcelChunk, Math.floor(LIMITS.excelBudgetBytes / 2 / perRow)));
}

export type RosterRows = { rows: RosterRowInput[]; names: string[] };

export async function readRosterRows(
  context: Excel.RequestContext,
  source: RosterSource,
  options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal; chunkRows?: number } = {},
): Promise<RosterRows> {
  const sheet = context.workbook.worksheets.getItem(source.sheetId);
  const width = source.headers.length;
  const total = source.dataRowCount;
  const nameCol = source.mapping.columns.indexOf('name');
  const rows: RosterRowInput[] = [];
  const names: string[] = [];
  let size = options.chunkRows ?? readChunkRows(width);
  let done = 0;
  options.onProgress?.(0, total);
  while (done < total) {
    if (options.signal?.aborted) throw new RosterError('已取消');
    const n = Math.min(size, total - done);
    const range = sheet.getRangeByIndexes(source.firstDataRow + done, source.firstCol, n, width);
    range.load('values');
    try {
      await context.sync();
    } catch (e) {
      if (officeErrorCode(e) === PAYLOAD_TOO_LARGE && n > 1) {
        size = Math.max(1, Math.floor(n / 2));
        continue;
      }
      throw e;
    }
    const values = range.values as CellValue[][];
    if (options.chunkRows === undefined) size = nextReadSize(values, n);
    for (const cells of values) {
      rows.push(rowFromCells(cells, source.mapping.columns));
      const name = nameCol >= 0 ? cells[nameCol] : '';
      names.push(name === null || name === undefined ? '' : String(name).trim());
    }
    done += n;
    options.onProgress?.(done, total);
  }
  return { rows, names };
}
