// The button 提醒名单 (task pane and ribbon): evaluates the roster of the active sheet and makes or replaces the
// sheet 提醒名单. Nothing else in the workbook changes.
import { CHECKLIST_ROSTER_CELL, CHECKLIST_SHEET_NAME } from '../evidence/checklist-layout';
import { writeLayoutSheet } from '../office/apply-sheet-layout';
import { buildReminders } from './reminders';
import { REMINDERS_ROSTER_CELL, REMINDERS_SHEET_NAME, buildRemindersLayout } from './reminders-layout';
import { DUTY_SHEETS } from '../duties/duty-layouts';
import { previousSpec, readPreviousSheet } from '../duties/previous-sheet';
import type { OwnSheet } from '../duties/back-to-roster';
import { readRosterResults, sheetMeta } from '../duties/roster-results';

/** The duty sheets that name their roster sheet (a button pressed there goes back to that roster; 年度汇总 is
 * handled by readRosterForSummary itself). */
export const OWN_SHEETS: readonly OwnSheet[] = [
  { name: REMINDERS_SHEET_NAME, rosterCell: REMINDERS_ROSTER_CELL },
  { name: CHECKLIST_SHEET_NAME, rosterCell: CHECKLIST_ROSTER_CELL },
];

export type ReminderSheetResult = { sheetName: string; people: number; overdue: number; rosterSheet: string; printSetup: boolean };

export async function buildReminderSheet(opts: { asOf: string; now?: Date }): Promise<ReminderSheetResult> {
  const roster = await readRosterResults(OWN_SHEETS, opts.asOf);
  const reminders = buildReminders({ ...roster, asOf: opts.asOf });
  const kept = await Excel.run((context) => readPreviousSheet(context, previousSpec(DUTY_SHEETS.reminders)));
  const layout = buildRemindersLayout({ reminders, kept, ...sheetMeta(roster, opts.asOf, opts.now ?? new Date()) });
  const { printSetup } = await Excel.run((context) => writeLayoutSheet(context, layout));
  return { sheetName: layout.sheetName, people: reminders.length, overdue: reminders.filter((r) => r.overdue).length, rosterSheet: roster.sheetName, printSetup };
}
