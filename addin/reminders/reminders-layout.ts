// What goes in which cell of the sheet 提醒名单 (pure). Header at row HEADER_ROW, one person a row below it.
import { rangeAddress } from '../../shared/sheet/a1';
import { TEXT, WHOLE, blockAt, expandList, type LayoutValue, type ListRow, type ListRows, type SheetLayout } from '../../shared/sheet/sheet-layout';
import { DUTY_HEADER_ROW, DUTY_ROSTER_CELL, dutyPage, dutySheetHead, type DutyReader, type DutySheetMeta } from '../duties/duty-head';
import type { Reminder } from './reminders';
import { matchKept, orphanRows } from '../duties/kept-cells';

export const REMINDERS_SHEET_NAME = '提醒名单';
/** The cell naming the roster sheet, so a re-run from 提醒名单 finds the roster again. */
export const REMINDERS_ROSTER_CELL = DUTY_ROSTER_CELL;
export const REMINDERS_HEADER_ROW = DUTY_HEADER_ROW;
export const REMINDER_HEADERS = ['花名册行号', '姓名', '单位', '部门', '状态', '申报职称', '还缺什么', '完成期限', '剩余天数', '是否逾期', '提醒短信', '通知情况'] as const;
/** The column the clerk fills in (e.g. 11月2日已发短信): kept across re-runs, by person. */
export const NOTICE_HEADER = '通知情况';
export const REMINDER_KEY_HEADERS = ['姓名', '单位', '部门'] as const;
export const MESSAGE_COLUMN = REMINDER_HEADERS.indexOf('提醒短信');
export const OVERDUE_TEXT = '已逾期';
export const OVERDUE_FILL = '#F8CBAD';
export const OVERDUE_FONT = '#9C0006';
const MISSING_COLUMN = REMINDER_HEADERS.indexOf('还缺什么');
const WIDTHS = [10, 8, 18, 10, 8, 7, 36, 11, 8, 8, 70, 16];

export type RemindersLayoutInput = DutySheetMeta & { reminders: readonly Reminder[] };

/** How to copy the messages, with what the clerk has at hand (the task pane, or only the file in WPS / Excel). */
const COPY_HINT: Record<DutyReader, string> = {
  pane: '选中若干行，在任务窗格点“复制所选提醒”即可复制提醒短信。',
  file: '选中“提醒短信”列中要发的单元格，复制（Ctrl+C）后粘贴到短信或微信即可。',
};

export function reminderCells(r: Reminder, notice = ''): LayoutValue[] {
  return [r.rowNumber, r.name, r.unit, r.department, r.status, r.titleApplicant ? '是' : '', r.missing, r.deadline, r.daysLeft ?? '', r.overdue ? OVERDUE_TEXT : '', r.message, notice];
}

export const reminderKey = (r: Reminder): string[] => [r.name, r.unit, r.department];

const ROW_FORMATS = REMINDER_HEADERS.map((h) => (h === '花名册行号' || h === '剩余天数' ? WHOLE : TEXT));

/** The sheet; `listRows` 'when-written' gives the people as a list made when written (the .xlsx writer). */
export function buildRemindersLayout(input: RemindersLayoutInput, listRows: ListRows = 'arrays'): SheetLayout {
  const { reminders, ruleSet, duties } = input;
  const width = REMINDER_HEADERS.length;
  const head = dutySheetHead(input, `${ruleSet.year}年度继续教育提醒名单`, [
    '说明',
    `未达标、待补材料、数据有误的人员和全部申报职称人员，按完成期限排序；逾期的行标红。学习平台：${duties.cityPlatform.name}（${duties.cityPlatform.url}）。单位应及时通知本单位人员按时完成学习（正文四(一)）。${COPY_HINT[input.reader ?? 'pane']}“数据有误”的行没有短信：那是花名册的录入问题，请按“还缺什么”改正后重新核对，再提醒本人。发出后可在“通知情况”列记下日期和方式，重新生成时会保留。`,
  ], REMINDER_HEADERS);
  const { blocks, styles } = head;
  const first = REMINDERS_HEADER_ROW + 1;
  const borders: string[] = [];
  const { byRow, orphans } = matchKept(input.kept ?? [], reminders.map(reminderKey));
  const left = orphanRows(orphans, REMINDER_KEY_HEADERS, NOTICE_HEADER);
  if (left.length > 0) blocks.push(blockAt(0, first + Math.max(1, reminders.length) + 1, left));
  let list: SheetLayout['list'];
  if (reminders.length > 0) {
    styles.push({ address: rangeAddress(MISSING_COLUMN, first, 1, reminders.length), style: { wrap: true } });
    styles.push({ address: rangeAddress(MESSAGE_COLUMN, first, 1, reminders.length), style: { wrap: true } });
    borders.push(rangeAddress(0, REMINDERS_HEADER_ROW, width, reminders.length + 1));
    // one row a person, an overdue one in red
    const overdue = { fill: OVERDUE_FILL, fontColor: OVERDUE_FONT };
    list = {
      firstRow: first,
      rowCount: reminders.length,
      width,
      numberFormat: ROW_FORMATS,
      style: { vertical: 'Top' },
      *rows(): Iterable<ListRow> {
        for (let i = 0; i < reminders.length; i++) {
          const r = reminders[i];
          yield { values: reminderCells(r, byRow[i]), ...(r.overdue ? { highlight: { col: 0, width, rows: 1, style: { ...overdue } } } : {}) };
        }
      },
    };
  } else {
    blocks.push(blockAt(0, first, [['无需提醒：全部人员已达标，且无人申报职称。']]));
  }
  const last = Math.max(first, REMINDERS_HEADER_ROW + reminders.length);
  const layout: SheetLayout = {
    sheetName: REMINDERS_SHEET_NAME,
    blocks,
    styles,
    merges: head.merges,
    borders,
    columnWidths: WIDTHS,
    rowHeights: head.rowHeights,
    freezeRows: REMINDERS_HEADER_ROW,
    page: dutyPage(width, last),
    ...(list ? { list } : {}),
  };
  return listRows === 'arrays' ? expandList(layout) : layout;
}
