// The button 提醒名单 (task pane and ribbon): evaluates the roster of the active sheet and makes or replaces the
// sheet 提醒名单. Nothing else in the workbook changes.
import { CHECKLIST_ROSTER_CELL, CHECKLIST_SHEET_NAME } from '../evidence/checklist-layout';
import { writeLayoutSheet } from '../forms/apply-sheet-layout';
import { SUMMARY_SHEET_NAME, ROSTER_SHEET_VALUE_CELL } from '../summary/layout';
import { buildReminders } from './reminders';
import { NOTICE_HEADER, REMINDER_KEY_HEADERS, REMINDERS_HEADER_ROW, REMINDERS_ROSTER_CELL, REMINDERS_SHEET_NAME, buildRemindersLayout } from './reminders-layout';
import { readPreviousSheet, type PreviousSheetSpec } from '../forms/previous-sheet';
import type { OwnSheet } from '../summary/own-sheets';
import { readRosterResults, sheetMeta } from './roster-results';

/** The add-in's own sheets that name their roster sheet (a button pressed there goes back to that roster). */
export const OWN_SHEETS: readonly OwnSheet[] = [
  { name: REMINDERS_SHEET_NAME, rosterCell: REMINDERS_ROSTER_CELL },
  { name: CHECKLIST_SHEET_NAME, rosterCell: CHECKLIST_ROSTER_CELL },
  { name: SUMMARY_SHEET_NAME, rosterCell: ROSTER_SHEET_VALUE_CELL },
];

/** Made by the add-in: A1 ends with 提醒名单 and A3 is 花名册工作表 (the layout's title and meta rows). */
export const isOwnDutySheet = (noun: string) => (top: readonly (readonly unknown[])[]): boolean =>
  String(top[0]?.[0] ?? '').endsWith(noun) && String(top[2]?.[0] ?? '') === '花名册工作表';

const REMINDERS_PREVIOUS: PreviousSheetSpec = {
  name: REMINDERS_SHEET_NAME,
  isOurs: isOwnDutySheet(REMINDERS_SHEET_NAME),
  kept: { headerRow: REMINDERS_HEADER_ROW, keyHeaders: REMINDER_KEY_HEADERS, keptHeader: NOTICE_HEADER },
};

export type ReminderSheetResult = { sheetName: string; people: number; overdue: number; rosterSheet: string };

export async function buildReminderSheet(opts: { asOf: string; now?: Date }): Promise<ReminderSheetResult> {
  const roster = await readRosterResults(OWN_SHEETS, opts.asOf);
  const reminders = buildReminders({ ...roster, asOf: opts.asOf });
  const kept = await Excel.run((context) => readPreviousSheet(context, REMINDERS_PREVIOUS));
  const layout = buildRemindersLayout({ reminders, kept, ...sheetMeta(roster, opts.asOf, opts.now ?? new Date()) });
  await Excel.run((context) => writeLayoutSheet(context, layout));
  return { sheetName: layout.sheetName, people: reminders.length, overdue: reminders.filter((r) => r.overdue).length, rosterSheet: roster.sheetName };
}
