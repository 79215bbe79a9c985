// Writes the output columns: a check that the sheet did not change and is not protected, then one sync per chunk,
// then formats and what to remember (the output block, the ignored columns). Only our own columns are written.
import { OUTPUT_HEADERS } from '../../shared/index';
import type { PlacedResult, RosterPlan, SheetGrid } from '../../shared/roster';
import type { CellValue } from '../../shared/types';
import { LIMITS, jsonBytes, planChunksBySize, type Chunk } from '../../shared/sheet/chunks';
import type { WritePlan } from './layout';
import { blockMatrices, outputCells } from './results';
import { RosterError } from '../office/errors';
import { applyOutputFormats } from './format';
import { protectedSheetMessage, type SheetFrame } from './locate';
import { rememberBlock, rememberIgnored, type IgnoredColumns } from './memory';

const same = (a: CellValue, b: CellValue): boolean => (a ?? '') === (b ?? '');

/** Write chunks sized by the bytes of their values and number formats. */
export function planWriteChunks(results: readonly PlacedResult[], plan: Pick<WritePlan, 'columns'>): Chunk[] {
  const perRowFormats = jsonBytes(plan.columns.map(() => '0.0'));
  const sizes = results.map((r) => jsonBytes(outputCells(r)) + perRowFormats + 8);
  return planChunksBySize(sizes, LIMITS.excelBudgetBytes, LIMITS.maxRowsPerExcelChunk);
}

export const SHEET_CHANGED_MESSAGE = '计算期间工作表被修改（表头或行数变了），为安全起见未写入任何单元格，请重新点击“计算学时”。';

/** The roster's header cells as read (plan.headerRows × firstCol..lastCol), to compare before writing. */
export function headerCellsOf(grid: SheetGrid, plan: RosterPlan): CellValue[][] {
  return plan.headerRows.map((r) => {
    const row = grid.values[r - grid.origin.row] ?? [];
    return Array.from({ length: plan.lastCol - plan.firstCol + 1 }, (_, i) => row[plan.firstCol + i - grid.origin.col] ?? '');
  });
}

/** Before writing: not protected, the header row(s) and the used range's rows as read, or nothing is written. */
async function verifyUnchanged(context: Excel.RequestContext, frame: SheetFrame, plan: RosterPlan, headerCells: CellValue[][]): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(frame.sheetId);
  const protection = sheet.protection;
  protection.load('protected');
  const header = sheet.getRangeByIndexes(plan.headerRows[0], plan.firstCol, plan.headerRows.length, plan.lastCol - plan.firstCol + 1);
  header.load('values');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,rowCount');
  await context.sync();
  if (protection.protected) throw new RosterError(protectedSheetMessage(frame.sheetName));
  const before = frame.used;
  const now = header.values as CellValue[][];
  const sameHeader = headerCells.every((row, i) => row.every((v, j) => same(v, now[i]?.[j])));
  const sameRows = before !== null && !used.isNullObject && used.rowIndex === before.row && used.rowCount === before.rowCount;
  if (!sameHeader || !sameRows) throw new RosterError(SHEET_CHANGED_MESSAGE);
}

export type WriteStats = { chunks: number; rows: number };

export type WriteOptions = { onProgress?: (done: number, total: number) => void; ignored?: IgnoredColumns | null };

export async function writeOutputs(
  context: Excel.RequestContext,
  frame: SheetFrame,
  plan: RosterPlan,
  write: WritePlan,
  results: readonly PlacedResult[],
  options: WriteOptions & { headerCells: CellValue[][] },
): Promise<WriteStats> {
  if (results.length !== write.rowCount) throw new RosterError(`内部错误：结果 ${results.length} 行，花名册 ${write.rowCount} 行`);
  await verifyUnchanged(context, frame, plan, options.headerCells);
  const sheet = context.workbook.worksheets.getItem(frame.sheetId);
  const chunks = planWriteChunks(results, write);
  options.onProgress?.(0, results.length);
  for (let i = 0; i < chunks.length; i++) {
    const { start, end } = chunks[i];
    if (i === 0) writeHeaders(context, sheet, plan.table, write);
    for (const block of write.blocks) {
      const { values, numberFormat } = blockMatrices(results, block, start, end);
      const range = sheet.getRangeByIndexes(write.firstRow + start, block.col, end - start, block.width);
      range.numberFormat = numberFormat;
      range.values = values;
    }
    await context.sync();
    options.onProgress?.(end, results.length);
  }
  applyOutputFormats(sheet, write, { keepFreeze: frame.frozen });
  if (plan.output) rememberBlock(context, frame.sheetId, plan.output.remember);
  if (options.ignored) rememberIgnored(context, frame.sheetId, options.ignored);
  await context.sync();
  return { chunks: chunks.length, rows: results.length };
}

/** Headers of the output columns not there yet; in a table, they are added to the table (right of it). */
function writeHeaders(context: Excel.RequestContext, sheet: Excel.Worksheet, table: string | null, write: WritePlan): void {
  if (table !== null) {
    const t = context.workbook.tables.getItem(table);
    for (const c of [...write.created].sort((a, b) => a.col - b.col)) t.columns.add(undefined, undefined, c.header);
    return;
  }
  for (const block of write.blocks) {
    const header = sheet.getRangeByIndexes(write.headerRow, block.col, 1, block.width);
    header.values = [block.outputs.map((o) => OUTPUT_HEADERS[o])];
  }
}
