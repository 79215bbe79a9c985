// The 提醒名单 and 审核材料清单 layouts of an evaluated roster, for any writer (Office.js in the add-in; exceljs in
// the .xlsx page and the command line): pure, from the roster rows and evaluate()'s results.
import { getRuleSet } from '../../shared/index';
import { getDuties } from '../../shared/rulesets/duties';
import type { RosterRowInput, RowResult } from '../../shared/types';
import { buildChecklist } from '../evidence/checklist';
import { buildChecklistLayout } from '../evidence/checklist-layout';
import { buildReminders } from '../reminders/reminders';
import { buildRemindersLayout } from '../reminders/reminders-layout';
import type { SheetLayout } from './sheet-layout';

export type DutyLayoutsInput = {
  rows: readonly RosterRowInput[];
  results: readonly RowResult[];
  /** The rule set evaluate() answered with. */
  ruleSet: string;
  asOf: string;
  rosterSheet: string;
  /** Sheet row of rows[0]. */
  firstDataRow: number;
  madeAt: string;
};

export function buildDutyLayouts(input: DutyLayoutsInput): { reminders: SheetLayout; checklist: SheetLayout } {
  const ruleSet = getRuleSet(input.ruleSet);
  const duties = getDuties(ruleSet.id);
  const common = { ruleSet, duties, asOf: input.asOf, rosterSheet: input.rosterSheet, madeAt: input.madeAt };
  const data = { rows: input.rows, results: input.results, firstDataRow: input.firstDataRow, ruleSet, duties };
  return {
    reminders: buildRemindersLayout({ ...common, reminders: buildReminders({ ...data, asOf: input.asOf }) }),
    checklist: buildChecklistLayout({ ...common, people: buildChecklist(data) }),
  };
}
