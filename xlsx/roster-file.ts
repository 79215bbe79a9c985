// A roster .xlsx in, the checked copy out: the same roster module as the add-in (shared/roster), the same engine,
// the same output columns. Used by the web page (in the browser) and by `npm run roster` (in Node).
import ExcelJS from 'exceljs';
import type { RosterRowInput, RowResult } from '../shared/types';
import { findCrossDuplicates, placeResults, planRoster, rowsToSend } from '../shared/roster/index';
import type { DuplicateId, PlacedResult, RosterPlan } from '../shared/roster/types';
import { SUMMARY_SHEET_NAME } from '../addin/summary/layout';
import { isDutySheetName } from './write-duties';
import { XlsxFileError, checkXlsxFile, lostFeatures, lostFeaturesMessage } from './file-check';
import { readSheetGrid, type UncachedFormula } from './read-grid';

export { XlsxFileError };

/** A roster problem the clerk must fix in the file (exit code 1 of the command line). */
export class RosterFileError extends Error {
  override readonly name = 'RosterFileError';
}

/** One worksheet as found: its plan, or why it is not a roster. */
export type SheetFinding = { sheetName: string; hidden: boolean; plan: RosterPlan };

export type OpenedRoster = {
  fileName: string;
  workbook: ExcelJS.Workbook;
  /** The roster sheets that will be computed, in tab order. */
  plans: RosterPlan[];
  /** Every sheet looked at (roster or not), in tab order; 年度汇总, 提醒名单 and 审核材料清单 are left out. */
  sheets: SheetFinding[];
  /** Sheets that are not computed, with the reason (Chinese). */
  skipped: { sheetName: string; reason: string }[];
  duplicates: DuplicateId[];
  uncachedFormulas: UncachedFormula[];
  /** What the result file will not contain (charts, pivot tables, …), Chinese. */
  lost: string[];
  /** Warnings for the clerk before computing (Chinese sentences). */
  warnings: string[];
  rowsToCompute: number;
};

const QUIET_STOPS = new Set(['EMPTY_SHEET', 'NO_HEADER']);
const MAX_LISTED_FORMULAS = 5;

function formulaWarning(list: readonly UncachedFormula[]): string | null {
  if (list.length === 0) return null;
  const shown = list.slice(0, MAX_LISTED_FORMULAS).map((f) => `“${f.sheetName}”${f.address}`).join('、');
  const more = list.length > MAX_LISTED_FORMULAS ? ` 等 ${list.length} 个单元格` : '';
  return `${shown}${more}是公式，但文件里没有保存计算结果，按空白处理。请在 Excel 或 WPS 中打开文件、按 F9 重新计算并保存后再选择。`;
}

/** A cell the roster sends to the engine: a person's row, in a recognised column. */
function isReadCell(plan: RosterPlan, row: number, col: number): boolean {
  const i = col - plan.firstCol;
  if (i < 0 || i >= plan.columns.length || plan.columns[i] === null) return false;
  const first = plan.rows[0]?.sheetRow ?? 0;
  const r = plan.rows[row - first];
  return r !== undefined && r.sheetRow === row && r.input !== null;
}

/**
 * Reads the workbook and finds its roster sheets. `sheetNames`: only these (each must exist and be a roster);
 * otherwise every visible sheet whose roster is recognised. Throws XlsxFileError (not an .xlsx) or RosterFileError.
 */
export async function openRoster(fileName: string, bytes: Uint8Array, sheetNames: readonly string[] = []): Promise<OpenedRoster> {
  checkXlsxFile(fileName, bytes);
  const lost = lostFeatures(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new XlsxFileError(`无法读取文件“${fileName}”：文件可能已损坏或不是 Excel 工作簿（${why.slice(0, 120)}）。请用 Excel 或 WPS 打开后另存为 .xlsx 再试。`);
  }
  const date1904 = workbook.properties?.date1904 === true;
  const wanted = new Set(sheetNames);
  for (const name of wanted) {
    if (!workbook.worksheets.some((ws) => ws.name === name)) {
      const all = workbook.worksheets.map((ws) => `“${ws.name}”`).join('、');
      throw new RosterFileError(`文件中没有名为“${name}”的工作表（有：${all}）。`);
    }
  }
  const sheets: SheetFinding[] = [];
  const uncached: UncachedFormula[] = [];
  for (const ws of workbook.worksheets) {
    if (ws.name === SUMMARY_SHEET_NAME || isDutySheetName(ws.name)) continue;
    if (wanted.size > 0 && !wanted.has(ws.name)) continue;
    const read = readSheetGrid(ws, date1904);
    const plan = planRoster(read.grid);
    sheets.push({ sheetName: ws.name, hidden: read.hidden, plan });
    if (plan.stop === null) uncached.push(...read.uncachedFormulas.filter((f) => isReadCell(plan, f.row, f.col)));
  }
  const plans: RosterPlan[] = [];
  const skipped: { sheetName: string; reason: string }[] = [];
  for (const s of sheets) {
    const explicit = wanted.has(s.sheetName);
    if (s.plan.stop !== null) {
      if (explicit || !QUIET_STOPS.has(s.plan.stop.code)) skipped.push({ sheetName: s.sheetName, reason: `工作表“${s.sheetName}”：${s.plan.stop.message}` });
      continue;
    }
    if (s.hidden && !explicit) {
      skipped.push({ sheetName: s.sheetName, reason: `工作表“${s.sheetName}”是隐藏的，未核对（需要时请用 --sheet 指定，或在 Excel 中取消隐藏）。` });
      continue;
    }
    plans.push(s.plan);
  }
  if (plans.length === 0 || (wanted.size > 0 && skipped.length > 0)) {
    const reasons = skipped.map((s) => s.reason);
    if (reasons.length === 0) reasons.push(`文件“${fileName}”的各工作表里都找不到花名册的表头（如“姓名”“市平台公需课学时”）。`);
    throw new RosterFileError(reasons.join('\n'));
  }
  const warnings: string[] = [];
  const lostMessage = lostFeaturesMessage(lost);
  if (lostMessage) warnings.push(lostMessage);
  const formulas = formulaWarning(uncached);
  if (formulas) warnings.push(formulas);
  for (const s of skipped) warnings.push(s.reason);
  const duplicates = findCrossDuplicates(plans);
  const rowsToCompute = plans.reduce((n, p) => n + p.rows.filter((r) => r.input !== null).length, 0);
  return { fileName, workbook, plans, sheets, skipped, duplicates, uncachedFormulas: uncached, lost, warnings, rowsToCompute };
}

/** Every row to evaluate, sheet after sheet, and where each sheet's rows start in that list. */
export function rowsOf(opened: Pick<OpenedRoster, 'plans'>): { rows: RosterRowInput[]; starts: number[] } {
  const rows: RosterRowInput[] = [];
  const starts: number[] = [];
  for (const plan of opened.plans) {
    starts.push(rows.length);
    for (const r of rowsToSend(plan)) rows.push(r);
  }
  return { rows, starts };
}

/** The results of rowsOf() placed back per sheet, cross-sheet duplicates marked (RULES.md §9). */
export function placeAll(opened: Pick<OpenedRoster, 'plans' | 'duplicates'>, results: readonly RowResult[]): PlacedResult[][] {
  const { starts } = rowsOf(opened);
  return opened.plans.map((plan, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : results.length;
    return placeResults(plan, results.slice(starts[i], end), opened.duplicates);
  });
}
