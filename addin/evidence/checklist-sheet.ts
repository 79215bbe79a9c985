// The button 审核材料清单 (task pane and ribbon): evaluates the roster of the active sheet and makes or replaces that
// roster's 审核材料清单 (审核材料清单（二科） when another roster or a sheet of the clerk's has the plain name).
// Nothing else in the workbook changes.
import { readRosterResults, sheetMeta } from '../duties/roster-results';
import { buildChecklist } from './checklist';
import { buildChecklistLayout } from './checklist-layout';
import { DUTY_SHEETS } from '../duties/duty-layouts';
import { writeDutySheet, type DutySheetWritten } from '../duties/duty-sheet';

export type ChecklistSheetResult = DutySheetWritten & { people: number; items: number; rosterSheet: string };

export async function buildChecklistSheet(opts: { asOf: string; now?: Date }): Promise<ChecklistSheetResult> {
  const roster = await readRosterResults(opts.asOf);
  const people = buildChecklist(roster);
  const meta = sheetMeta(roster, opts.asOf, opts.now ?? new Date());
  const written = await writeDutySheet(DUTY_SHEETS.checklist, roster.sheetName, (kept) => buildChecklistLayout({ people, kept, ...meta }));
  return { ...written, people: people.length, items: people.reduce((n, p) => n + p.items.length, 0), rosterSheet: roster.sheetName };
}
