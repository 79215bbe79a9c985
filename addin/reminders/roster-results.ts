// Reads the roster of the active sheet and evaluates it with the bundled engine (the code the calculation service
// runs). Run from one of the add-in's own sheets (提醒名单, 审核材料清单, 年度汇总), it goes back to the roster
// sheet that sheet names.
import { evaluate, getRuleSet } from '../../shared/index';
import type { RosterRowInput, RowResult } from '../../shared/types';
import type { RuleSet, RuleSetDuties } from '../../shared/rulesets/types';
import { getDuties } from '../../shared/rulesets/duties';
import { RosterError } from '../excel/errors';
import { readRosterForSummary } from '../summary/summary-sheet';

export type OwnSheet = { name: string; rosterCell: string };

export type RosterResults = {
  sheetName: string;
  rows: RosterRowInput[];
  results: RowResult[];
  firstDataRow: number;
  ruleSet: RuleSet;
  duties: RuleSetDuties;
};

/** When the active sheet is `own`, activates the roster sheet named in its cell; else leaves the selection alone. */
async function backToRoster(context: Excel.RequestContext, own: readonly OwnSheet[]): Promise<void> {
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load('name');
  await context.sync();
  const mine = own.find((s) => s.name === active.name);
  if (!mine) return;
  const cell = active.getRange(mine.rosterCell);
  cell.load('values');
  await context.sync();
  const rosterName = String(cell.values[0]?.[0] ?? '').trim();
  const roster = rosterName ? context.workbook.worksheets.getItemOrNullObject(rosterName) : null;
  if (roster) {
    roster.load('name');
    await context.sync();
  }
  if (!roster || roster.isNullObject) {
    throw new RosterError(`当前是“${mine.name}”工作表，找不到它所依据的花名册：请先切换到花名册工作表再生成。`);
  }
  roster.activate();
  await context.sync();
}

export async function readRosterResults(own: readonly OwnSheet[], asOf: string): Promise<RosterResults> {
  const roster = await Excel.run(async (context) => {
    await backToRoster(context, own);
    return readRosterForSummary(context);
  });
  const answer = evaluate(roster.rows, { asOf });
  return {
    sheetName: roster.sheetName,
    rows: roster.rows,
    results: answer.results,
    firstDataRow: roster.firstDataRow,
    ruleSet: getRuleSet(answer.ruleSet),
    duties: getDuties(answer.ruleSet),
  };
}
