// 从选中行填入: the header row and the selected row of a 培训项目 sheet (its table holding the selection, else the
// used range's first row as headers). Reads only; two syncs.
import { RosterError } from '../excel/errors';

export type SelectedProjectRow = { sheetName: string; sheetRow: number; headers: unknown[]; cells: unknown[] };

const PICK_A_ROW = '请先在培训项目表中点选一个项目所在的行（不是表头），再点“从选中行填入”。';
/** Columns read at most (a 培训项目 table is narrow; this bounds a whole-row selection). */
const MAX_COLUMNS = 64;

export async function readSelectedProjectRow(context: Excel.RequestContext): Promise<SelectedProjectRow> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  const sel = context.workbook.getSelectedRange();
  const used = sheet.getUsedRangeOrNullObject(true);
  const tables = sel.getTables(false);
  sheet.load('name');
  sel.load(['rowIndex']);
  used.load(['rowIndex', 'columnIndex', 'columnCount']);
  tables.load('items/name');
  await context.sync();
  if (used.isNullObject) throw new RosterError(PICK_A_ROW);
  let headerRow = used.rowIndex;
  let firstCol = used.columnIndex;
  let width = used.columnCount;
  if (tables.items.length > 0) {
    const header = tables.items[0].getHeaderRowRange();
    header.load(['rowIndex', 'columnIndex', 'columnCount']);
    await context.sync();
    headerRow = header.rowIndex;
    firstCol = header.columnIndex;
    width = header.columnCount;
  }
  if (sel.rowIndex <= headerRow) throw new RosterError(PICK_A_ROW);
  width = Math.min(width, MAX_COLUMNS);
  const headers = sheet.getRangeByIndexes(headerRow, firstCol, 1, width);
  const row = sheet.getRangeByIndexes(sel.rowIndex, firstCol, 1, width);
  headers.load('values');
  row.load('values');
  await context.sync();
  return { sheetName: sheet.name, sheetRow: sel.rowIndex + 1, headers: headers.values[0], cells: row.values[0] };
}
