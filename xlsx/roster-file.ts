// A roster .xlsx opened: the package read with bounds (xlsx/package.ts, read-sheet.ts), every worksheet planned by
// the same roster module as the add-in (shared/roster), our own sheets of an earlier run recognised by their layout
// (never by name alone, never by rich-text identity) and the names of the sheets this run will write decided.
// Used by the web page (in the browser) and by the command line (in Node).
import type { RosterRowInput, RowResult } from '../shared/types';
import { SWITCH_SHEET_HINT, findCrossDuplicates, placeResults, planRoster, rowsToSend } from '../shared/roster/index';
import type { DuplicateId, PlacedResult, RosterPlan } from '../shared/roster/types';
import { ownSheetNames, sheetKey } from '../shared/sheet/sheet-names';
import { SUMMARY_SHEET_NAME, isOwnSummarySheet } from '../addin/summary/layout';
import { DUTY_SHEETS, isOwnDutySheet, type DutySheetSpec } from '../addin/duties/duty-layouts';
import { DUTY_ROSTER_CELL } from '../addin/duties/duty-head';
import { parseAddress } from '../shared/sheet/a1';
import { DamagedPartError, RosterFileError, XlsxFileError, shortList } from './errors';
import { checkXlsxFile, damagedMessage, zipProblemMessage } from './file-kind';
import { openPackage, readSharedStringTable, workbookPartOf, type SheetEntry, type XlsxPackage } from './package';
import { readSheet, type UncachedFormula } from './read-sheet';
import { ZipFormatError, findEntry, readZip } from './zip/zip-read';
import type { AppendedRange } from './appended-strings';

export { RosterFileError, XlsxFileError };

/** One worksheet as found: its plan, or why it is not a roster. */
export type SheetFinding = { sheetName: string; hidden: boolean; plan: RosterPlan };

export type OwnKind = 'summary' | 'reminders' | 'checklist';
/** A sheet an earlier run of this tool made: what it is, which roster sheet it names, and its values (row 1 first). */
export type OwnSheet = { kind: OwnKind; sheet: SheetEntry; rosterSheet: string; values: unknown[][] };

/** The sheets this run writes: 年度汇总 and, per roster sheet (plans order), its 提醒名单 and 审核材料清单. */
export type OutputNames = { summary: string; reminders: string[]; checklist: string[] };

export type OpenedRoster = {
  fileName: string;
  pkg: XlsxPackage;
  /** The roster sheets that will be computed, in tab order. */
  plans: RosterPlan[];
  /** Every worksheet looked at (roster or not) but our own, in tab order. */
  sheets: SheetFinding[];
  /** Sheets that are not computed, with the reason (Chinese). */
  skipped: { sheetName: string; reason: string }[];
  duplicates: DuplicateId[];
  uncachedFormulas: UncachedFormula[];
  /** Warnings for the clerk before computing (Chinese sentences). */
  warnings: string[];
  rowsToCompute: number;
  /** Our sheets from an earlier run (kept cells are read from them; they are replaced). */
  own: OwnSheet[];
  names: OutputNames;
  /**
   * The shared string table: how many strings it holds, the tail a run of ours appended (null: none recorded), and per
   * worksheet (by name) the cells that point into that tail (row, col pairs) — the writer drops the tail only when
   * it replaces every one of them.
   */
  strings: { count: number; appended: AppendedRange | null; appendedRefs: Map<string, number[]> };
};

/** Who reads the messages: the .xlsx web page (no --sheet) or the command line. */
export type FileReader = 'page' | 'cli';

/** What to do about a hidden roster sheet, in the words of the reader at hand. */
const HIDDEN_SHEET_HINT: Record<FileReader, string> = {
  cli: '需要时请用 --sheet 指定，或在 Excel 中取消隐藏',
  page: '需要时请在 Excel 或 WPS 中取消隐藏该工作表，保存后重新选择文件',
};

/** Why a sheet is not read, naming it once, with no word about switching sheets (a file has no active sheet). */
function stopMessage(sheetName: string, message: string, reader: FileReader): string {
  const text = message.replace(SWITCH_SHEET_HINT, reader === 'cli' ? '请用 --sheet 指定花名册所在的工作表。' : '');
  return text.includes(`工作表“${sheetName}”`) ? text : `工作表“${sheetName}”：${text}`;
}

export type OpenOptions = {
  /** Who reads the messages (default the command line). */
  reader?: FileReader;
  /** Only these sheets (each must exist and be a roster); otherwise every visible sheet with a roster. */
  sheetNames?: readonly string[];
  /** Bytes of memory the reading may take (the CLI: what the JavaScript heap has left); absent = not checked. */
  memoryBudget?: number;
  /** How to say where memory runs short ('本机' on the command line, '浏览器' on the page). */
  where?: string;
  /** The rule set whose columns, aliases and words the sheets are read by (default DEFAULT_RULE_SET). */
  ruleSet?: string;
};

const QUIET_STOPS = new Set(['EMPTY_SHEET', 'NO_HEADER']);
const MAX_LISTED_FORMULAS = 5;
/** Bytes of memory per byte of sheet XML a read takes at most (grid arrays, strings), measured on 100,000 rows. */
export const MEMORY_PER_SHEET_BYTE = 3;
const MB = 1024 * 1024;

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

/** A grid's values as rows from sheet row 1 and column A (for the layout checks and the kept cells). */
function sheetValues(grid: { origin: { row: number; col: number }; values: unknown[][] }, maxRows = Infinity): unknown[][] {
  const rows = Math.min(grid.origin.row + grid.values.length, maxRows);
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const src = grid.values[r - grid.origin.row];
    out.push(src ? [...new Array<unknown>(grid.origin.col).fill(null), ...src] : []);
  }
  return out;
}

function ownKind(top: readonly (readonly unknown[])[]): OwnKind | null {
  if (isOwnSummarySheet(top)) return 'summary';
  if (isOwnDutySheet(DUTY_SHEETS.reminders, top)) return 'reminders';
  if (isOwnDutySheet(DUTY_SHEETS.checklist, top)) return 'checklist';
  return null;
}

/** Opens the package or says in Chinese why not. */
function openFile(fileName: string, bytes: Uint8Array): XlsxPackage {
  checkXlsxFile(fileName, bytes);
  try {
    return openPackage(readZip(bytes));
  } catch (e) {
    throw asFileError(fileName, e);
  }
}

/** Any reading failure as the clerk's sentence; programming errors pass through. */
export function asFileError(fileName: string, e: unknown): unknown {
  if (e instanceof ZipFormatError) return new XlsxFileError(zipProblemMessage(fileName, e.problem));
  if (e instanceof DamagedPartError) return new XlsxFileError(damagedMessage(fileName, e));
  if (e instanceof RangeError && /allocation|array length|Invalid typed array/i.test(e.message)) {
    return new XlsxFileError(`文件“${fileName}”太大，内存不足，无法读取。请把花名册拆成几个文件分别核对。`);
  }
  return e;
}

function checkMemory(fileName: string, pkg: XlsxPackage, sheets: readonly SheetEntry[], options: OpenOptions): void {
  if (options.memoryBudget === undefined) return;
  let bytes = 0;
  for (const s of sheets) bytes += s.path ? (findEntry(pkg.zip, s.path)?.size ?? 0) : 0;
  const sst = workbookPartOf(pkg, 'sharedStrings');
  bytes += sst ? (findEntry(pkg.zip, sst)?.size ?? 0) : 0;
  const need = bytes * MEMORY_PER_SHEET_BYTE;
  if (need > options.memoryBudget) {
    throw new XlsxFileError(
      `文件“${fileName}”的表格解压后约 ${Math.ceil(bytes / MB)} MB，读取它约需 ${Math.ceil(need / MB)} MB 内存，而${options.where ?? '本机'}可用的只有约 ${Math.floor(options.memoryBudget / MB)} MB。` +
        '请把花名册拆成几个文件（例如每个科室一个）分别核对，或关闭其他程序后在内存更大的电脑上再试。',
    );
  }
}

/**
 * Reads the workbook and finds its roster sheets. Throws XlsxFileError (not an .xlsx, damaged, too large) or
 * RosterFileError (no roster, a sheet of the clerk's where ours would go, a sheet beyond the limits).
 */
export async function openRoster(fileName: string, bytes: Uint8Array, options: OpenOptions = {}): Promise<OpenedRoster> {
  const pkg = openFile(fileName, bytes);
  const wanted = new Set(options.sheetNames ?? []);
  const worksheets = pkg.sheets.filter((s) => s.kind === 'worksheet' && s.path !== null);
  for (const n of wanted) {
    if (!worksheets.some((ws) => ws.name === n)) {
      throw new RosterFileError(`文件中没有名为“${n}”的工作表（有：${shortList(worksheets.map((w) => w.name), 10, '张')}）。`);
    }
  }
  checkMemory(fileName, pkg, worksheets, options);
  const sheets: SheetFinding[] = [];
  const own: OwnSheet[] = [];
  const uncached: UncachedFormula[] = [];
  const strings: OpenedRoster['strings'] = { count: 0, appended: null, appendedRefs: new Map() };
  try {
    const table = readSharedStringTable(pkg);
    const sst = table.strings;
    strings.count = sst.length;
    strings.appended = table.appended;
    for (const ws of worksheets) {
      const read = readSheet(pkg, ws, sst, table.appended?.from);
      if (read.appendedRefs.length > 0) strings.appendedRefs.set(ws.name, read.appendedRefs);
      const top = sheetValues(read.grid, 6);
      const kind = ownKind(top);
      if (kind !== null) {
        const roster = kind === 'summary' ? '' : String(sheetValues(read.grid, 3)[parseAddress(DUTY_ROSTER_CELL).row]?.[parseAddress(DUTY_ROSTER_CELL).col] ?? '');
        own.push({ kind, sheet: ws, rosterSheet: roster, values: kind === 'summary' ? [] : sheetValues(read.grid) });
        continue;
      }
      if (wanted.size > 0 && !wanted.has(ws.name)) continue;
      const plan = planRoster(read.grid, { ruleSet: options.ruleSet });
      sheets.push({ sheetName: ws.name, hidden: read.hidden, plan });
      if (plan.stop === null) uncached.push(...read.uncachedFormulas.filter((f) => isReadCell(plan, f.row, f.col)));
    }
  } catch (e) {
    throw asFileError(fileName, e);
  }
  const plans: RosterPlan[] = [];
  const skipped: { sheetName: string; reason: string }[] = [];
  for (const s of sheets) {
    const explicit = wanted.has(s.sheetName);
    if (s.plan.stop !== null) {
      if (explicit || !QUIET_STOPS.has(s.plan.stop.code)) skipped.push({ sheetName: s.sheetName, reason: stopMessage(s.sheetName, s.plan.stop.message, options.reader ?? 'cli') });
      continue;
    }
    if (s.hidden && !explicit) {
      skipped.push({ sheetName: s.sheetName, reason: `工作表“${s.sheetName}”是隐藏的，未核对（${HIDDEN_SHEET_HINT[options.reader ?? 'cli']}）。` });
      continue;
    }
    plans.push(s.plan);
  }
  if (plans.length === 0 || (wanted.size > 0 && skipped.length > 0)) {
    const reasons = skipped.slice(0, 10).map((s) => s.reason);
    if (skipped.length > 10) reasons.push(`（另有 ${skipped.length - 10} 张工作表也不是花名册）`);
    if (reasons.length === 0) reasons.push(`文件“${fileName}”的各工作表里都找不到花名册的表头（如“姓名”“市平台公需课学时”）。`);
    throw new RosterFileError(reasons.join('\n'));
  }
  const names = outputNames(pkg, plans, own);
  const warnings: string[] = [];
  const formulas = formulaWarning(uncached);
  if (formulas) warnings.push(formulas);
  for (const s of skipped.slice(0, 10)) warnings.push(s.reason);
  if (skipped.length > 10) warnings.push(`另有 ${skipped.length - 10} 张工作表不是花名册，未核对。`);
  const duplicates = findCrossDuplicates(plans);
  const rowsToCompute = plans.reduce((n, p) => n + p.rows.filter((r) => r.input !== null).length, 0);
  return { fileName, pkg, plans, sheets, skipped, duplicates, uncachedFormulas: uncached, warnings, rowsToCompute, own, names, strings };
}

const renameAdvice = (name: string): string =>
  `工作簿里已有一张名为“${name}”的工作表，且不是本助手生成的：为免覆盖其内容，请先把它改名（例如改为“${name}（自编）”）后另存，再重新选择文件。`;

/**
 * The names this run writes: per roster sheet, our own sheet made for it earlier, else the plain name when free, else a
 * suffixed one (a list made for another roster sheet, e.g. an earlier `--sheet 一科`, is kept). One roster sheet and a
 * sheet of the clerk's under one of our plain names stops the run.
 */
function outputNames(pkg: XlsxPackage, plans: readonly RosterPlan[], own: readonly OwnSheet[]): OutputNames {
  const ownKeys = new Set(own.map((o) => sheetKey(o.sheet.name)));
  const clerks = new Set(pkg.sheets.map((s) => sheetKey(s.name)).filter((k) => !ownKeys.has(k)));
  if (clerks.has(sheetKey(SUMMARY_SHEET_NAME))) throw new RosterFileError(renameAdvice(SUMMARY_SHEET_NAME));
  const rosterNames = plans.map((p) => p.sheetName);
  const pick = (kind: 'reminders' | 'checklist', spec: DutySheetSpec, takenAlso: ReadonlySet<string>): string[] => {
    if (plans.length === 1 && clerks.has(sheetKey(spec.name))) throw new RosterFileError(renameAdvice(spec.name));
    const mine = own.filter((o) => o.kind === kind);
    const reuse = rosterNames.map((r) => mine.find((o) => o.rosterSheet === r)?.sheet.name ?? null);
    const reused = new Set(reuse.filter((r): r is string => r !== null).map(sheetKey));
    const taken = new Set([...pkg.sheets.map((s) => sheetKey(s.name)).filter((k) => !reused.has(k)), ...takenAlso]);
    return ownSheetNames(spec.name, rosterNames, taken, reuse);
  };
  const reminders = pick('reminders', DUTY_SHEETS.reminders, new Set([sheetKey(SUMMARY_SHEET_NAME)]));
  const checklist = pick('checklist', DUTY_SHEETS.checklist, new Set([sheetKey(SUMMARY_SHEET_NAME), ...reminders.map(sheetKey)]));
  return { summary: SUMMARY_SHEET_NAME, reminders, checklist };
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

/** The results of rowsOf() placed back per sheet, cross-sheet duplicates marked (docs/rules.md §9). */
export function placeAll(opened: Pick<OpenedRoster, 'plans' | 'duplicates'>, results: readonly RowResult[]): PlacedResult[][] {
  const { starts } = rowsOf(opened);
  return opened.plans.map((plan, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : results.length;
    return placeResults(plan, results.slice(starts[i], end), opened.duplicates);
  });
}
