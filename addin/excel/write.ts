// Writes the output columns: a check that the sheet did not change, then one sync per chunk, then formats.
import { OUTPUT_HEADERS } from '../../shared/index';
import type { CellValue, RowResult } from '../../shared/types';
import { LIMITS, jsonBytes, planChunksBySize, type Chunk } from '../core/chunks';
import type { OutputPlan } from '../core/layout';
import { blockMatrices, outputCells } from '../core/results';
import { RosterError } from './errors';
import { applyOutputFormats } from './format';
import type { RosterSource } from './locate';

const same = (a: CellValue, b: CellValue): boolean => (a ?? '') === (b ?? '');

/** Write chunks sized by the bytes of their values and number formats. */
export function planWriteChunks(results: readonly RowResult[], plan: OutputPlan): Chunk[] {
  const perRowFormats = jsonBytes(plan.columns.map(() => '0.0'));
  const sizes = results.map((r) => jsonBytes(outputCells(r)) + perRowFormats + 8);
  return planChunksBySize(sizes, LIMITS.excelBudgetBytes, LIMITS.maxRowsPerExcelChunk);
}

/** Before writing: the header row and the roster's height must be what was read, or nothing is written. */
async function verifyUnchanged(context: Excel.RequestContext, source: RosterSource): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(source.sheetId);
  const header = sheet.getRangeByIndexes(source.headerRow, source.firstCol, 1, source.headers.length);
  header.load('values');
  const used = sheet.getUsedRange(true);
  used.load('rowIndex,rowCount');
  await context.sync();
  const now = header.values[0] as CellValue[];
  const changed = source.headers.some((h, i) => !same(h, now[i]));
  const lastRow = source.firstDataRow + source.dataRowCount;
  if (changed || (source.tableName === null && used.rowIndex + used.rowCount !== lastRow)) {
    throw new RosterError('计算期间工作表被修改（表头或行数变了），为安全起见未写入任何单元格，请重新点击“计算学时”。');
  }
}

export type WriteStats = { chunks: number; rows: number };

export async function writeOutputs(
  context: Excel.RequestContext,
  source: RosterSource,
  plan: OutputPlan,
  results: readonly RowResult[],
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<WriteStats> {
  if (results.length !== source.dataRowCount) throw new RosterError(`内部错误：结果 ${results.length} 行，花名册 ${source.dataRowCount} 行`);
  await verifyUnchanged(context, source);
  const sheet = context.workbook.worksheets.getItem(source.sheetId);
  const chunks = planWriteChunks(results, plan);
  options.onProgress?.(0, results.length);
  for (let i = 0; i < chunks.length; i++) {
    const { start, end } = chunks[i];
    if (i === 0) writeHeaders(context, sheet, source, plan);
    for (const block of plan.blocks) {
      const { values, numberFormat } = blockMatrices(results, block, start, end);
      const range = sheet.getRangeByIndexes(source.firstDataRow + start, block.col, end - start, block.width);
      range.numberFormat = numberFormat;
      range.values = values;
    }
    await context.sync();
    options.onProgress?.(end, results.length);
  }
  applyOutputFormats(sheet, source, plan);
  await context.sync();
  return { chunks: chunks.length, rows: results.length };
}

/** Headers of the output columns; in a table, missing columns are added to the table. */
function writeHeaders(context: Excel.RequestContext, sheet: Excel.Worksheet, source: RosterSource, plan: OutputPlan): void {
  if (source.tableName !== null) {
    const table = context.workbook.tables.getItem(source.tableName);
    for (const c of [...plan.created].sort((a, b) => a.col - b.col)) table.columns.add(undefined, undefined, c.header);
    return;
  }
  for (const block of plan.blocks) {
    const header = sheet.getRangeByIndexes(source.headerRow, block.col, 1, block.width);
    header.values = [block.outputs.map((o) => OUTPUT_HEADERS[o])];
  }
}
