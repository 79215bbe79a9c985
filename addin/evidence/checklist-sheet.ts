// The button 审核材料清单 (task pane and ribbon): evaluates the roster of the active sheet and makes or replaces the
// sheet 审核材料清单. Nothing else in the workbook changes.
import { writeLayoutSheet } from '../office/apply-sheet-layout';
import { OWN_SHEETS } from '../reminders/reminders-sheet';
import { readRosterResults, sheetMeta } from '../duties/roster-results';
import { buildChecklist } from './checklist';
import { buildChecklistLayout } from './checklist-layout';
import { previousSpec, readPreviousSheet } from '../duties/previous-sheet';
import { DUTY_SHEETS } from '../duties/duty-layouts';

export type ChecklistSheetResult = { sheetName: string; people: number; items: number; rosterSheet: string; printSetup: boolean };

export async function buildChecklistSheet(opts: { asOf: string; now?: Date }): Promise<ChecklistSheetResult> {
  const roster = await readRosterResults(OWN_SHEETS, opts.asOf);
  const people = buildChecklist(roster);
  const kept = await Excel.run((context) => readPreviousSheet(context, previousSpec(DUTY_SHEETS.checklist)));
  const layout = buildChecklistLayout({ people, kept, ...sheetMeta(roster, opts.asOf, opts.now ?? new Date()) });
  const { printSetup } = await Excel.run((context) => writeLayoutSheet(context, layout));
  return { sheetName: layout.sheetName, people: people.length, items: people.reduce((n, p) => n + p.items.length, 0), rosterSheet: roster.sheetName, printSetup };
}
