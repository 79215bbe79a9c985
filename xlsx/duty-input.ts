// The sheets 提醒名单 and 审核材料清单 of the result file (正文四(一)、(三), 附件1第7条): the add-in's pure layouts
// (addin/duties/duty-layouts.ts) for each roster sheet, so the .xlsx page and `npm run roster` give the clerk the same
// sheets as the add-in's buttons. A second run over its own output keeps what the clerk typed into 通知情况 and
// 核验结果 (read from the earlier sheets, recognised by their layout in roster-file.ts).
import { evaluate } from '../shared/index';
import type { PlacedResult, RosterPlan } from '../shared/roster/types';
import type { RosterRowInput, RowResult } from '../shared/types';
import { buildDutyLayouts } from '../addin/duties/duty-layouts';
import type { SheetLayout } from '../shared/sheet/sheet-layout';
import type { OpenedRoster } from './roster-file';

export type DutySheetsInput = {
  plans: readonly RosterPlan[];
  placed: readonly PlacedResult[][];
  ruleSet: string;
  asOf: string;
  madeAt: string;
};

/**
 * The roster sheet's rows as one run from its first to its last data row (the layouts number rows from
 * firstDataRowNumber on): a skipped total or note row in between becomes a blank row, which the duty lists leave out.
 */
function contiguous(plan: RosterPlan, placed: readonly PlacedResult[], blank: RowResult): { rows: RosterRowInput[]; results: RowResult[]; firstDataRowNumber: number } {
  const first = plan.rows[0]?.sheetRow ?? 0;
  const last = plan.rows.at(-1)?.sheetRow ?? first - 1;
  const rows: RosterRowInput[] = Array.from({ length: last - first + 1 }, () => ({}));
  const results: RowResult[] = rows.map(() => blank);
  plan.rows.forEach((r, i) => {
    rows[r.sheetRow - first] = r.input ?? {};
    results[r.sheetRow - first] = placed[i] ?? blank;
  });
  return { rows, results, firstDataRowNumber: first + 1 };
}

/**
 * The duty sheets of every roster sheet, named as roster-file.ts decided (opened.names), each with what the clerk
 * typed into the earlier sheet of that name. Each layout is made when asked (one roster's pair in memory at a time).
 */
export function dutyLayouts(opened: OpenedRoster, input: DutySheetsInput): { name: string; layout: () => SheetLayout }[] {
  const blank = evaluate([{}], { ruleSet: input.ruleSet, asOf: input.asOf }).results[0];
  const previous = (name: string): unknown[][] | undefined => opened.own.find((o) => o.sheet.name === name && o.kind !== 'summary')?.values;
  const made: { name: string; layout: () => SheetLayout }[] = [];
  input.plans.forEach((plan, p) => {
    const names = { reminders: opened.names.reminders[p], checklist: opened.names.checklist[p] };
    let pair: { reminders: SheetLayout | null; checklist: SheetLayout | null } | null = null;
    const build = (): { reminders: SheetLayout | null; checklist: SheetLayout | null } => {
      if (pair) return pair;
      const layouts = buildDutyLayouts({
        ...contiguous(plan, input.placed[p], blank),
        ruleSet: input.ruleSet,
        asOf: input.asOf,
        rosterSheet: plan.sheetName,
        madeAt: input.madeAt,
        // opened in WPS or an Excel without the add-in: no task pane to point at
        reader: 'file',
        // written a row at a time (xlsx/write/layout-sheet.ts): 100,000 people's cells never exist at once
        listRows: 'when-written',
        previous: { reminders: previous(names.reminders), checklist: previous(names.checklist) },
      });
      pair = { reminders: { ...layouts.reminders, sheetName: names.reminders }, checklist: { ...layouts.checklist, sheetName: names.checklist } };
      return pair;
    };
    const take = (kind: 'reminders' | 'checklist'): SheetLayout => {
      const layout = build()[kind];
      if (!layout || !pair) throw new Error('内部错误：清单已写出');
      pair[kind] = null;
      return layout;
    };
    made.push({ name: names.reminders, layout: () => take('reminders') }, { name: names.checklist, layout: () => take('checklist') });
  });
  return made;
}
