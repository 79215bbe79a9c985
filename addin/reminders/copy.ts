// 复制所选提醒: the messages of the rows selected on a 提醒名单 (under any of its names: 提醒名单（二科）), joined one
// per line, to the clipboard.
import { RosterError } from '../office/errors';
import { DUTY_SHEETS, DUTY_TOP, isOwnDutySheet } from '../duties/duty-layouts';
import { MESSAGE_COLUMN, REMINDERS_HEADER_ROW, REMINDERS_SHEET_NAME } from './reminders-layout';

/** The 0-based rows of the selection that hold reminders (below the header, within the used rows), or null. */
export function reminderRowsOf(sel: { rowIndex: number; rowCount: number }, usedRowCount: number): { start: number; count: number } | null {
  const firstData = REMINDERS_HEADER_ROW; // 0-based index of the first row under the header
  const start = Math.max(sel.rowIndex, firstData);
  const end = Math.min(sel.rowIndex + sel.rowCount, usedRowCount);
  return end > start ? { start, count: end - start } : null;
}

export const SELECT_FIRST = `请先在提醒名单工作表（名称以“${REMINDERS_SHEET_NAME}”开头）中选中要复制的人员行（可选多行），再点“复制所选提醒”。`;
/** The rows chosen have no message: 数据有误 rows are the clerk's to correct, not the person's to be told. */
export const NO_MESSAGE_SELECTED = '所选的行没有提醒短信：“数据有误”的行不发短信，请先按“还缺什么”改正花名册并重新核对；要复制短信，请选中有短信的人员行。';

/** Reads the selected reminders' messages (two syncs). Throws a RosterError with what to do when nothing fits. */
export async function readSelectedMessages(context: Excel.RequestContext): Promise<string[]> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  const sel = context.workbook.getSelectedRange();
  const used = sheet.getUsedRangeOrNullObject(true);
  const top = sheet.getRange(DUTY_TOP).load('values');
  sel.load(['rowIndex', 'rowCount']);
  used.load(['rowIndex', 'rowCount']);
  await context.sync();
  if (!isOwnDutySheet(DUTY_SHEETS.reminders, top.values) || used.isNullObject) throw new RosterError(SELECT_FIRST);
  const rows = reminderRowsOf(sel, used.rowIndex + used.rowCount);
  if (!rows) throw new RosterError(SELECT_FIRST);
  const cells = sheet.getRangeByIndexes(rows.start, MESSAGE_COLUMN, rows.count, 1);
  cells.load('values');
  await context.sync();
  const messages = cells.values.map((r) => String(r[0] ?? '').trim()).filter((m) => m !== '');
  if (messages.length === 0) throw new RosterError(NO_MESSAGE_SELECTED);
  return messages;
}

/** Copies text: the async clipboard API, else a hidden textarea and execCommand('copy'). Returns false when both fail. */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    doc.body.appendChild(area);
    area.select();
    try {
      return doc.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
