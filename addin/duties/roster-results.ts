// Reads the roster of the active sheet (as 年度汇总 does) and evaluates it with the bundled engine (the code the
// calculation service runs). Run from 提醒名单 or 审核材料清单, it goes back to the roster sheet that sheet names.
import { evaluate, getRuleSet } from '../../shared/index';
import type { RosterRowInput, RowResult } from '../../shared/types';
import type { RuleSet, RuleSetDuties } from '../../shared/rulesets/types';
import { getDuties } from '../../shared/rulesets/duties';
import { backToRoster } from './back-to-roster';
import type { DutySheetMeta } from './duty-head';
import { readRosterForSummary } from '../summary/summary-sheet';
import { localDateTime } from '../../shared/local-time';
import { workbookRuleSet } from '../settings/rule-set-choice';

export type RosterResults = {
  sheetName: string;
  rows: RosterRowInput[];
  results: RowResult[];
  firstDataRowNumber: number;
  ruleSet: RuleSet;
  duties: RuleSetDuties;
};

/** The roster's results by the workbook's rule set (addin/settings/rule-set-choice.ts). */
export async function readRosterResults(asOf: string): Promise<RosterResults> {
  const ruleSet = workbookRuleSet().ruleSet.id;
  const roster = await Excel.run(async (context) => {
    await backToRoster(context);
    return readRosterForSummary(context, ruleSet);
  });
  const answer = evaluate(roster.rows, { asOf, ruleSet });
  return {
    sheetName: roster.sheetName,
    rows: roster.rows,
    results: answer.results,
    firstDataRowNumber: roster.firstDataRowNumber,
    ruleSet: getRuleSet(answer.ruleSet),
    duties: getDuties(answer.ruleSet),
  };
}

/** The header facts every duty sheet shows (rule set, 核对日期, roster sheet, when it was made). */
export function sheetMeta(roster: RosterResults, asOf: string, now: Date): DutySheetMeta {
  return { ruleSet: roster.ruleSet, duties: roster.duties, asOf, rosterSheet: roster.sheetName, madeAt: localDateTime(now) };
}
