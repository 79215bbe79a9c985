// The 提醒名单 and 审核材料清单 layouts of an evaluated roster, for any writer (Office.js in the add-in; exceljs in
// the .xlsx page and the command line): pure, from the roster rows and evaluate()'s results.
import { getRuleSet } from '../../shared/index';
import { getDuties } from '../../shared/rulesets/duties';
import type { RosterRowInput, RowResult } from '../../shared/types';
import { buildChecklist } from '../evidence/checklist';
import { buildChecklistLayout } from '../evidence/checklist-layout';
import { buildReminders } from '../reminders/reminders';
import { buildRemindersLayout } from '../reminders/reminders-layout';
import { CHECKLIST_HEADER_ROW, CHECKLIST_KEY_HEADERS, CHECKLIST_SHEET_NAME, VERDICT_HEADER } from '../evidence/checklist-layout';
import { NOTICE_HEADER, REMINDER_KEY_HEADERS, REMINDERS_HEADER_ROW, REMINDERS_SHEET_NAME } from '../reminders/reminders-layout';
import { keptFromSheetValues } from './kept-cells';
import type { ListRows, SheetLayout } from '../../shared/sheet/sheet-layout';
import { parseAddress } from '../../shared/sheet/a1';
import { DUTY_ROSTER_CELL, type DutyReader } from './duty-head';

/** A duty sheet: its name, and the column the clerk fills in with the columns that key its rows. */
export type DutySheetSpec = { name: string; headerRow: number; keyHeaders: readonly string[]; keptHeader: string };

export const DUTY_SHEETS: { reminders: DutySheetSpec; checklist: DutySheetSpec } = {
  reminders: { name: REMINDERS_SHEET_NAME, headerRow: REMINDERS_HEADER_ROW, keyHeaders: REMINDER_KEY_HEADERS, keptHeader: NOTICE_HEADER },
  checklist: { name: CHECKLIST_SHEET_NAME, headerRow: CHECKLIST_HEADER_ROW, keyHeaders: CHECKLIST_KEY_HEADERS, keptHeader: VERDICT_HEADER },
};

/** Made by the add-in: A1 ends with the sheet's name and A3 is 花名册工作表 (the layouts' title and meta rows). */
export function isOwnDutySheet(spec: DutySheetSpec, top: readonly (readonly unknown[])[]): boolean {
  return String(top[0]?.[0] ?? '').endsWith(spec.name) && String(top[2]?.[0] ?? '') === '花名册工作表';
}

/** The cells isOwnDutySheet and dutyRosterOf read: the title, the meta labels and the roster's name. */
export const DUTY_TOP = 'A1:B3';

/** The roster sheet a duty sheet was made from (its B3), from the values of DUTY_TOP. */
export function dutyRosterOf(top: readonly (readonly unknown[])[]): string {
  const { row, col } = parseAddress(DUTY_ROSTER_CELL);
  return String(top[row]?.[col] ?? '').trim();
}

export type DutyLayoutsInput = {
  rows: readonly RosterRowInput[];
  results: readonly RowResult[];
  /** The rule set evaluate() answered with. */
  ruleSet: string;
  asOf: string;
  rosterSheet: string;
  /** Sheet row of rows[0]. */
  firstDataRowNumber: number;
  madeAt: string;
  /** Where the clerk works with the sheets (default the task pane). */
  reader?: DutyReader;
  /** The previous 提醒名单 / 审核材料清单 of the workbook (all values, row 1 first), so the clerk's entries are kept. */
  previous?: { reminders?: readonly (readonly unknown[])[]; checklist?: readonly (readonly unknown[])[] };
  /** The people's rows as arrays (default: the add-in) or made when written (the .xlsx writer: sheet-layout.ts). */
  listRows?: ListRows;
};

export function buildDutyLayouts(input: DutyLayoutsInput): { reminders: SheetLayout; checklist: SheetLayout } {
  const ruleSet = getRuleSet(input.ruleSet);
  const duties = getDuties(ruleSet.id);
  const common = { ruleSet, duties, asOf: input.asOf, rosterSheet: input.rosterSheet, madeAt: input.madeAt, reader: input.reader };
  const data = { rows: input.rows, results: input.results, firstDataRowNumber: input.firstDataRowNumber, ruleSet, duties };
  const kept = (spec: DutySheetSpec, values?: readonly (readonly unknown[])[]) => {
    if (!values || values.length === 0) return [];
    if (!isOwnDutySheet(spec, values)) throw new Error(`已有一张名为“${spec.name}”的工作表，且不是本助手生成的：为免覆盖其内容，请先把它改名。`);
    return keptFromSheetValues(values, spec.headerRow, spec.keyHeaders, spec.keptHeader);
  };
  return {
    reminders: buildRemindersLayout({ ...common, reminders: buildReminders({ ...data, asOf: input.asOf }), kept: kept(DUTY_SHEETS.reminders, input.previous?.reminders) }, input.listRows),
    checklist: buildChecklistLayout({ ...common, people: buildChecklist(data), kept: kept(DUTY_SHEETS.checklist, input.previous?.checklist) }, input.listRows),
  };
}
