// The button 提醒名单 (task pane and ribbon): evaluates the roster of the active sheet and makes or replaces that
// roster's 提醒名单 (提醒名单（二科） when another roster or a sheet of the clerk's has the plain name). Nothing else
// in the workbook changes.
import { buildReminders } from './reminders';
import { buildRemindersLayout } from './reminders-layout';
import { DUTY_SHEETS } from '../duties/duty-layouts';
import { writeDutySheet, type DutySheetWritten } from '../duties/duty-sheet';
import { readRosterResults, sheetMeta } from '../duties/roster-results';

export type ReminderSheetResult = DutySheetWritten & { people: number; overdue: number; rosterSheet: string };

export async function buildReminderSheet(opts: { asOf: string; now?: Date }): Promise<ReminderSheetResult> {
  const roster = await readRosterResults(opts.asOf);
  const reminders = buildReminders({ ...roster, asOf: opts.asOf });
  const meta = sheetMeta(roster, opts.asOf, opts.now ?? new Date());
  const written = await writeDutySheet(DUTY_SHEETS.reminders, roster.sheetName, (kept) => buildRemindersLayout({ reminders, kept, ...meta }));
  return { ...written, people: reminders.length, overdue: reminders.filter((r) => r.overdue).length, rosterSheet: roster.sheetName };
}
