// The roster rows behind 年度汇总: one roster sheet, or several chosen by the clerk (one per department), each read
// through shared/roster. People are counted once: a later row with an ID number already seen is left out and reported.
import { HEADER_SEARCH_ROWS, attentionRowLabel, findCrossDuplicates, headerName, planRoster, summaryNotes, type DuplicateId, type RosterPlan } from '../../shared/roster';
import type { RosterRowInput } from '../../shared/types';
import { RosterError } from '../office/errors';
import { readRoster } from '../compute/read';

export type RostersForSummary = {
  sheetNames: string[];
  /** Every data row of every sheet in order; rows not counted (totals, notes, repeats) are {} (blank). */
  rows: RosterRowInput[];
  /** Per row: where it is, as the attention list shows it (“一科 第 5 行”, or the row number for one sheet). */
  rowLabels: (string | number)[];
  /** 1-based sheet row of rows[0] when there is one sheet. */
  firstDataRowNumber: number;
  /** ID numbers found on several rows (across the sheets chosen). */
  duplicates: DuplicateId[];
  /** What 年度汇总 must say about how the rosters were read (hours taken as documented without 证明材料齐全). */
  notes: string[];
};

function stopIfNeeded(plan: RosterPlan): void {
  if (plan.stop) throw new RosterError(plan.stop.message.includes(plan.sheetName) ? plan.stop.message : `工作表“${plan.sheetName}”：${plan.stop.message}`);
}

/** Joins planned sheets: one row per data row; the second and later rows of a repeated ID are blank (counted once). */
export function joinRosters(plans: readonly RosterPlan[]): RostersForSummary {
  const duplicates = findCrossDuplicates(plans);
  const repeat = new Set<string>();
  for (const d of duplicates) for (const a of d.at.slice(1)) repeat.add(`${a.sheetName}\u0001${a.sheetRow}`);
  const many = plans.length > 1;
  const rows: RosterRowInput[] = [];
  const rowLabels: (string | number)[] = [];
  for (const plan of plans) {
    for (const r of plan.rows) {
      rows.push(r.input === null || repeat.has(`${plan.sheetName}\u0001${r.sheetRow}`) ? {} : r.input);
      rowLabels.push(attentionRowLabel(plan.sheetName, r.sheetRow, many));
    }
  }
  return {
    sheetNames: plans.map((p) => p.sheetName),
    rows,
    rowLabels,
    firstDataRowNumber: (plans[0]?.rows[0]?.sheetRow ?? 0) + 1,
    duplicates,
    notes: summaryNotes(plans),
  };
}

/**
 * Reads and plans each named sheet by a rule set's columns (one Excel batch); stops naming the sheet when one cannot
 * be used.
 */
export async function readRostersForSummary(context: Excel.RequestContext, sheetNames: readonly string[], ruleSet?: string): Promise<RostersForSummary> {
  const plans: RosterPlan[] = [];
  for (const name of sheetNames) {
    const { plan } = await readRoster(context, name, { ruleSet });
    stopIfNeeded(plan);
    plans.push(plan);
  }
  return joinRosters(plans);
}

/** One line per person counted once although on several rows (for the pane). */
export function duplicateNotes(duplicates: readonly DuplicateId[], limit = 5): string[] {
  const lines = duplicates.slice(0, limit).map((d) => {
    const where = d.at.map((a) => `“${a.sheetName}”第 ${a.sheetRow + 1} 行`).join('、');
    return `${headerName('idNumber')} ${d.idNumber} 出现在${where}，只计一次。`;
  });
  if (duplicates.length > limit) lines.push(`另有 ${duplicates.length - limit} 个身份证号重复。`);
  return lines;
}

/** Sheets that look like rosters (a header with 姓名 in the first rows), for the clerk to choose from. Two syncs. */
export async function listRosterSheets(context: Excel.RequestContext, skip: readonly string[]): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const probes = sheets.items
    .filter((s) => !skip.includes(s.name))
    .map((s) => ({ sheet: s, name: s.name, used: s.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount') }));
  await context.sync();
  const tops = probes
    .filter((p) => !p.used.isNullObject)
    .map((p) => {
      const top = p.sheet.getRangeByIndexes(p.used.rowIndex, p.used.columnIndex, Math.min(HEADER_SEARCH_ROWS, p.used.rowCount), p.used.columnCount);
      return { name: p.name, origin: { row: p.used.rowIndex, col: p.used.columnIndex }, top: top.load('values') };
    });
  await context.sync();
  return tops
    .filter((t) => planRoster({ name: t.name, origin: t.origin, values: t.top.values as (string | number | boolean | null)[][] }).columns.includes('name'))
    .map((t) => t.name);
}
