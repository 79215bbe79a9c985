// What the result file's 年度汇总 is made from: the Summary of every computed row (sheet after sheet, cross-sheet
// duplicates included) and the add-in's pure layout (addin/summary/layout.ts), the same cells, tables and chart.
import { getRuleSet } from '../shared/index';
import type { PlacedResult, RosterPlan } from '../shared/roster/types';
import { addToSummary, finishSummary, newSummaryBuilder } from '../shared/summary';
import { textOfCell } from '../shared/normalize';
import { attentionRowLabel } from '../shared/roster/messages';
import type { RowResult, Summary } from '../shared/types';
import { buildSummaryLayout, type SummaryLayout, type ComputedBy } from '../addin/summary/layout';

/** Every computed row's result in sheet order (sheet after sheet), `index` = its place in that list. */
export type ComputedRows = { results: RowResult[]; at: { sheetName: string; sheetRow: number }[]; summary: Summary };

/** The Summary of every sheet's placed results (cross-sheet duplicates included); indexes count computed rows. */
export function computedRows(plans: readonly RosterPlan[], placed: readonly PlacedResult[][]): ComputedRows {
  const b = newSummaryBuilder();
  const results: RowResult[] = [];
  const at: ComputedRows['at'] = [];
  plans.forEach((plan, p) => {
    placed[p].forEach((r, i) => {
      if (r === null) return;
      const row = plan.rows[i];
      const input = row.input ?? {};
      const result = { ...r, index: results.length };
      results.push(result);
      at.push({ sheetName: plan.sheetName, sheetRow: row.sheetRow });
      addToSummary(b, result, textOfCell(input.name) ?? '', textOfCell(input.unit) ?? '', textOfCell(input.department) ?? '');
    });
  });
  return { results, at, summary: finishSummary(b, results) };
}

/** Per computed row, where 需关注人员 says it is: its sheet row, with the sheet's name when there are several. */
export function rowLabelsOf(c: ComputedRows, severalSheets: boolean): (string | number)[] {
  return c.at.map((a) => attentionRowLabel(a.sheetName, a.sheetRow, severalSheets));
}

export type SummarySheetInput = {
  summary: Summary;
  ruleSetId: string;
  engineVersion: string;
  computedBy: ComputedBy;
  fallbackReason?: string | null;
  madeAt: string;
  rosterSheets: readonly string[];
  /** Per result index of `summary`, the row as 需关注人员 shows it. */
  rowLabels: readonly (string | number)[];
  /** Said on the sheet about how the rosters were read. */
  notes?: readonly string[];
  /** The 核对日期: in another year than the rule set's, the sheet says so first. */
  asOf?: string;
};

export function summaryLayoutFor(input: SummarySheetInput): SummaryLayout {
  const rs = getRuleSet(input.ruleSetId);
  return buildSummaryLayout({
    summary: input.summary,
    ruleSet: { id: rs.id, title: rs.title, notice: rs.notice, year: rs.year },
    engineVersion: input.engineVersion,
    computedBy: input.computedBy,
    fallbackReason: input.fallbackReason ?? null,
    madeAt: input.madeAt,
    rosterSheet: input.rosterSheets.join('、'),
    firstDataRowNumber: 1,
    rowLabels: input.rowLabels,
    notes: input.notes,
    asOf: input.asOf,
  });
}
