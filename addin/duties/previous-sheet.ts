// Before a sheet of ours is replaced: is the existing sheet one the add-in made (a sheet of the clerk's own is never
// emptied), and what did the clerk type into it (the kept column)? Duty sheets are found per roster sheet
// (duty-sheet-name.ts); every read is one batch for all the sheets it looks at, never a sync per sheet.
import { RosterError } from '../office/errors';
import type { KeptEntry } from './kept-cells';
import { readKept } from './kept-cells';
import { DUTY_TOP, type DutySheetSpec } from './duty-layouts';
import { chooseDutySheet, isDutySheetCandidate, type DutySheetChoice } from './duty-sheet-name';

/** The kept column and the columns that key its rows, with the header row (1-based). */
export type KeptSpec = { headerRow: number; keyHeaders: readonly string[]; keptHeader: string };

export type PreviousSheetSpec = {
  name: string;
  /** true when the top-left cells (A1:B3 values) show the add-in made the sheet. */
  isOurs: (top: readonly (readonly unknown[])[]) => boolean;
  /** Absent: nothing kept. */
  kept?: KeptSpec;
};

/** The loads queued for one sheet: its top cells, used rows and header row. */
type Probe = { sheet: Excel.Worksheet; top: Excel.Range; used: Excel.Range; header: Excel.Range | null };

const HEADER_WIDTH = 64;

function probe(sheet: Excel.Worksheet, kept?: KeptSpec): Probe {
  const top = sheet.getRange(DUTY_TOP).load('values');
  const used = sheet.getUsedRangeOrNullObject(true).load(['rowIndex', 'rowCount']);
  const header = kept ? sheet.getRangeByIndexes(kept.headerRow - 1, 0, 1, HEADER_WIDTH).load('values') : null;
  return { sheet, top, used, header };
}

/** The kept entries of a probed (and synced) sheet: one more sync. */
async function keptOf(context: Excel.RequestContext, p: Probe, kept: KeptSpec): Promise<KeptEntry[]> {
  if (p.used.isNullObject || !p.header) return [];
  const first = kept.headerRow; // 0-based index of the first row under the header
  const rows = p.used.rowIndex + p.used.rowCount - first;
  if (rows <= 0) return [];
  const wanted = [...kept.keyHeaders, kept.keptHeader];
  const names = p.header.values[0].map((v) => String(v ?? '').trim());
  const ranges = wanted.map((h) => {
    const col = names.indexOf(h);
    return col < 0 ? null : p.sheet.getRangeByIndexes(first, col, rows, 1);
  });
  if (ranges[ranges.length - 1] === null) return [];
  for (const r of ranges) r?.load('values');
  await context.sync();
  const columns: Record<string, unknown[]> = {};
  wanted.forEach((h, i) => (columns[h] = ranges[i]?.values.map((r) => r[0]) ?? []));
  return readKept(columns, kept.keyHeaders, kept.keptHeader);
}

/** The sheet's kept entries ([] when the sheet does not exist). Throws when a sheet of that name is not the add-in's. Three syncs at most. */
export async function readPreviousSheet(context: Excel.RequestContext, spec: PreviousSheetSpec): Promise<KeptEntry[]> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(spec.name);
  sheet.load('name');
  await context.sync();
  if (sheet.isNullObject) return [];
  const p = probe(sheet, spec.kept);
  await context.sync();
  if (p.used.isNullObject) return [];
  if (!spec.isOurs(p.top.values)) {
    throw new RosterError(`工作簿里已有一张名为“${spec.name}”的工作表，且不是本助手生成的：为免覆盖您的内容，请先把它改名，再重新生成。`);
  }
  return spec.kept ? keptOf(context, p, spec.kept) : [];
}

/** Where this roster's 提醒名单 / 审核材料清单 goes, and what the clerk typed into it last time. */
export type DutySheetTarget = DutySheetChoice & { kept: KeptEntry[] };

/**
 * Finds the sheet `spec` of `rosterSheet` (chooseDutySheet): all sheet names in one sync, the top cells, used rows
 * and header row of every candidate in the next, the kept column of the chosen one in a third.
 */
export async function findDutySheet(context: Excel.RequestContext, spec: DutySheetSpec, rosterSheet: string): Promise<DutySheetTarget> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const probes = sheets.items.filter((s) => isDutySheetCandidate(spec, s.name)).map((s) => ({ name: s.name, ...probe(s, spec) }));
  if (probes.length > 0) await context.sync();
  const choice = chooseDutySheet(spec, rosterSheet, sheets.items.map((s) => s.name), probes.map((p) => ({ name: p.name, top: p.top.values })));
  const chosen = choice.exists ? probes.find((p) => p.name === choice.name) : undefined;
  return { ...choice, kept: chosen ? await keptOf(context, chosen, spec) : [] };
}
