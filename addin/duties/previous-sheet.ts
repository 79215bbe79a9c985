// Before a duty sheet is replaced: is the existing sheet of that name one the add-in made (else stop, so a sheet
// of the clerk's own is never emptied), and what did the clerk type into it (the kept column)? Three syncs at most.
import { RosterError } from '../office/errors';
import type { KeptEntry } from './kept-cells';
import { readKept } from './kept-cells';
import { isOwnDutySheet, type DutySheetSpec } from './duty-layouts';

export type PreviousSheetSpec = {
  name: string;
  /** true when the top-left cells (A1:B3 values) show the add-in made the sheet. */
  isOurs: (top: readonly (readonly unknown[])[]) => boolean;
  /** The kept column and the columns that key its rows, with the header row (1-based); absent = nothing kept. */
  kept?: { headerRow: number; keyHeaders: readonly string[]; keptHeader: string };
};

/** The sheet's kept entries ([] when the sheet does not exist). Throws when a sheet of that name is not the add-in's. */
export async function readPreviousSheet(context: Excel.RequestContext, spec: PreviousSheetSpec): Promise<KeptEntry[]> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(spec.name);
  sheet.load('name');
  await context.sync();
  if (sheet.isNullObject) return [];
  const used = sheet.getUsedRangeOrNullObject(true);
  const top = sheet.getRange('A1:B3');
  used.load(['rowIndex', 'rowCount', 'columnIndex', 'columnCount']);
  top.load('values');
  const header = spec.kept ? sheet.getRangeByIndexes(spec.kept.headerRow - 1, 0, 1, 64) : null;
  header?.load('values');
  await context.sync();
  if (used.isNullObject) return [];
  if (!spec.isOurs(top.values)) {
    throw new RosterError(`工作簿里已有一张名为“${spec.name}”的工作表，且不是本助手生成的：为免覆盖您的内容，请先把它改名，再重新生成。`);
  }
  if (!spec.kept || !header) return [];
  const first = spec.kept.headerRow; // 0-based index of the first row under the header
  const rows = used.rowIndex + used.rowCount - first;
  if (rows <= 0) return [];
  const wanted = [...spec.kept.keyHeaders, spec.kept.keptHeader];
  const names = header.values[0].map((v) => String(v ?? '').trim());
  const ranges = wanted.map((h) => {
    const col = names.indexOf(h);
    return col < 0 ? null : sheet.getRangeByIndexes(first, col, rows, 1);
  });
  if (ranges[ranges.length - 1] === null) return [];
  for (const r of ranges) r?.load('values');
  await context.sync();
  const columns: Record<string, unknown[]> = {};
  wanted.forEach((h, i) => (columns[h] = ranges[i]?.values.map((r) => r[0]) ?? []));
  return readKept(columns, spec.kept.keyHeaders, spec.kept.keptHeader);
}

/** How a re-run finds a previous 提醒名单 / 审核材料清单 and what the clerk typed into it. */
export function previousSpec(spec: DutySheetSpec): PreviousSheetSpec {
  return { name: spec.name, isOurs: (top) => isOwnDutySheet(spec, top), kept: { headerRow: spec.headerRow, keyHeaders: spec.keyHeaders, keptHeader: spec.keptHeader } };
}
