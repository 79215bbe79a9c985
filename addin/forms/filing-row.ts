// 从选中行填入: the selected row of a 培训项目 sheet and its header row (the first of the top rows with the form's
// headings, so a title row above it is fine). Reads only; two syncs.
import { RosterError } from '../office/errors';
import { projectHeaderRow } from './filing-form';

export type SelectedProjectRow = { sheetName: string; rowNumber: number; headers: unknown[]; cells: unknown[] };

export const PICK_A_ROW = '请先在培训项目表中点选一个项目所在的行（不是表头），再点“从选中行填入”。';
/** Columns read at most (a 培训项目 table is narrow; this bounds a whole-row selection). */
const MAX_COLUMNS = 64;
/** Rows above the selection searched for the header row. */
const MAX_HEADER_SEARCH = 20;

export async function readSelectedProjectRow(context: Excel.RequestContext): Promise<SelectedProjectRow> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  const sel = context.workbook.getSelectedRange();
  const used = sheet.getUsedRangeOrNullObject(true);
  sheet.load('name');
  sel.load(['rowIndex']);
  used.load(['rowIndex', 'columnIndex', 'columnCount']);
  await context.sync();
  if (used.isNullObject || sel.rowIndex <= used.rowIndex) throw new RosterError(PICK_A_ROW);
  const width = Math.min(used.columnCount, MAX_COLUMNS);
  const top = Math.max(used.rowIndex, sel.rowIndex - MAX_HEADER_SEARCH);
  const above = sheet.getRangeByIndexes(top, used.columnIndex, sel.rowIndex - top, width);
  const row = sheet.getRangeByIndexes(sel.rowIndex, used.columnIndex, 1, width);
  above.load('values');
  row.load('values');
  await context.sync();
  const header = projectHeaderRow(above.values);
  if (header < 0) {
    throw new RosterError(`工作表“${sheet.name}”选中行的上方没有申报表的栏目（如“申请培训项目名称”“培训天数”“拟计算学时”），未填入任何内容。`);
  }
  return { sheetName: sheet.name, rowNumber: sel.rowIndex + 1, headers: above.values[header], cells: row.values[0] };
}
