// The header check shown before anything is sent (the 表头检查 card), in a clerk's words, from shared/roster's plan.
import { planNotes, type RosterPlan } from '../../shared/roster';

export { columnsLabel, planNotes } from '../../shared/roster';

export type Preflight = {
  /** Problems that stop the run (nothing is sent, nothing written). */
  blocking: string[];
  /** Headers not recognised: listed by name; the clerk confirms before they are ignored. */
  unknown: string[];
  /** What was understood about the sheet: header rows, rows that are not people, the clerk's own columns, hidden rows. */
  notes: string[];
  /** Absent optional columns, one short line ('' when none). */
  missingOptional: string;
};

export function preflight(plan: RosterPlan): Preflight {
  return {
    blocking: plan.stop ? [plan.stop.message] : [],
    unknown: plan.unknown.map((u) => u.header),
    notes: plan.stop && plan.headerRows.length === 0 ? [] : planNotes(plan),
    missingOptional: plan.missingOptionalLine,
  };
}
