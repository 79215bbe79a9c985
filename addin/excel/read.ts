// Reads the roster's data rows in chunks: one load + sync per chunk, halving a chunk Excel finds too large.
import { rowFromCells } from '../../shared/index';
import type { CellValue, RosterRowInput } from '../../shared/types';
import { readChunkRows } from '../core/chunks';
import { PAYLOAD_TOO_LARGE, RosterError, officeErrorCode } from './errors';
import type { RosterSource } from './locate';

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
    for (const cells of range.values as CellValue[][]) {
      rows.push(rowFromCells(cells, source.mapping.columns));
      const name = nameCol >= 0 ? cells[nameCol] : '';
      names.push(name === null || name === undefined ? '' : String(name).trim());
    }
    done += n;
    options.onProgress?.(done, total);
  }
  return { rows, names };
}
