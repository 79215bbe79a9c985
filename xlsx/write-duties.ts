// The sheets 提醒名单 and 审核材料清单 in the result file (正文四(一)、(三), 附件1第7条): the add-in's pure layouts
// (addin/duties/duty-layouts.ts) written with exceljs, so the .xlsx page and `npm run roster` give the clerk the same
// sheets as the add-in's buttons. A second run over its own output replaces them and keeps what the clerk typed into
// 通知情况 and 核验结果; a sheet of that name the clerk made is never overwritten (the run stops and says so).
import type { Workbook, Worksheet } from 'exceljs';
import { evaluate } from '../shared/index';
import type { PlacedResult, RosterPlan } from '../shared/roster/types';
import type { RosterRowInput, RowResult } from '../shared/types';
import { buildDutyLayouts, DUTY_SHEETS, type DutySheetSpec } from '../addin/duties/duty-layouts';
import { parseAddress } from '../shared/sheet/a1';
import type { SheetLayout } from '../shared/sheet/sheet-layout';
import { applySheetLayoutExcelJs } from './apply-sheet-layout';

/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

/** The duty sheet of one roster sheet: the plain name with one roster sheet, 提醒名单（名册一） with several. */
export function dutySheetName(spec: DutySheetSpec, rosterSheet: string, several: boolean): string {
  if (!several) return spec.name;
  const room = MAX_SHEET_NAME - spec.name.length - 2;
  return `${spec.name}（${[...rosterSheet].slice(0, room).join('')}）`;
}

/** A sheet the roster reader leaves alone: a duty sheet this tool writes (plain or with a roster sheet's name). */
export function isDutySheetName(name: string): boolean {
  return Object.values(DUTY_SHEETS).some((s) => name === s.name || (name.startsWith(`${s.name}（`) && name.endsWith('）')));
}

/** Every value of a sheet, row 1 first (for the clerk's entries to keep). */
function valuesOf(ws: Worksheet | undefined): unknown[][] | undefined {
  if (!ws) return undefined;
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = (row.values as unknown[]).slice(1);
  });
  return Array.from(out, (r) => r ?? []);
}

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
 * The layout without its merges over several rows (the 审核材料清单 merges each person's cells over their source
 * rows: five merges a person). exceljs checks every new merge against every earlier one, when writing and again when
 * reading a file, so 30,000 people took minutes; unmerged, the person's cells are on their first source row and
 * blank below it, which reads the same and is what a second run reads back from merged cells anyway.
 */
function withoutTallMerges(layout: SheetLayout): SheetLayout {
  return { ...layout, merges: layout.merges.filter((m) => parseAddress(m).rowCount === 1) };
}

/** Writes (or replaces) 提醒名单 and 审核材料清单 for every roster sheet; all layouts are built before any sheet changes. */
export function writeDutySheets(wb: Workbook, input: DutySheetsInput): string[] {
  const blank = evaluate([{}], { ruleSet: input.ruleSet, asOf: input.asOf }).results[0];
  const several = input.plans.length > 1;
  const made: { name: string; layout: SheetLayout }[] = [];
  input.plans.forEach((plan, p) => {
    const names = { reminders: dutySheetName(DUTY_SHEETS.reminders, plan.sheetName, several), checklist: dutySheetName(DUTY_SHEETS.checklist, plan.sheetName, several) };
    const layouts = buildDutyLayouts({
      ...contiguous(plan, input.placed[p], blank),
      ruleSet: input.ruleSet,
      asOf: input.asOf,
      rosterSheet: plan.sheetName,
      madeAt: input.madeAt,
      previous: { reminders: valuesOf(wb.getWorksheet(names.reminders)), checklist: valuesOf(wb.getWorksheet(names.checklist)) },
    });
    made.push({ name: names.reminders, layout: layouts.reminders }, { name: names.checklist, layout: layouts.checklist });
  });
  for (const { name, layout } of made) {
    const old = wb.getWorksheet(name);
    if (old) wb.removeWorksheet(old.id);
    applySheetLayoutExcelJs(wb.addWorksheet(name), withoutTallMerges(layout));
  }
  return made.map((m) => m.name);
}
