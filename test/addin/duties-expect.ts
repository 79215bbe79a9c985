// Expected 提醒名单 rows for a roster sheet: the pure functions fed with evaluate()'s own results.
import { getRuleSet } from '../../shared/index';
import { getDuties } from '../../shared/rulesets/duties';
import type { RosterRowInput, RowResult } from '../../shared/types';
import { buildReminders as build, type Reminder } from '../../addin/reminders/reminders';
import { reminderCells } from '../../addin/reminders/reminders-layout';

export function buildReminders(rows: RosterRowInput[], results: RowResult[], asOf: string): Reminder[] {
  return build({ rows, results, asOf, firstDataRowNumber: 2, ruleSet: getRuleSet(), duties: getDuties() });
}

export const reminderCellsFor = (r: Reminder) => reminderCells(r);
