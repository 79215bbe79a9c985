// Makes a sheet of the add-in's own (年度汇总, 花名册模板) or empties it when it exists: its tables, charts,
// validation, cells and formats go; no other sheet is touched. A sheet of that name the clerk made (`isOurs` says
// no) is never emptied: the run stops and says what to rename. Three syncs at most.
import { RosterError } from './errors';
import { excelSupports } from './requirements';

export type PreparedSheet = {
  sheet: Excel.Worksheet;
  existed: boolean;
  /** Table names used elsewhere in the workbook (table names are workbook-wide). */
  takenTableNames: Set<string>;
};

/** The stop when a sheet of the clerk's has the name of one of ours (the same words on every surface). */
export function renameAdvice(name: string): string {
  return `工作簿里已有一张名为“${name}”的工作表，且不是本助手生成的：为免覆盖其内容，请先把它改名（例如改为“${name}（自编）”），再重新生成。`;
}

export async function prepareSheet(context: Excel.RequestContext, name: string, isOurs?: (top: readonly (readonly unknown[])[]) => boolean): Promise<PreparedSheet> {
  const existing = context.workbook.worksheets.getItemOrNullObject(name);
  existing.load('name'); // makes isNullObject readable after the sync, in every host
  const allTables = context.workbook.tables;
  allTables.load('items/name');
  await context.sync();
  const taken = new Set(allTables.items.map((t) => t.name));
  if (existing.isNullObject) {
    return { sheet: context.workbook.worksheets.add(name), existed: false, takenTableNames: taken };
  }
  if (isOurs) {
    const top = existing.getRange('A1:B6');
    top.load('values');
    await context.sync();
    if (!isOurs(top.values)) throw new RosterError(renameAdvice(name));
  }
  const tables = existing.tables;
  const charts = existing.charts;
  tables.load('items/name');
  charts.load('items/name');
  await context.sync();
  for (const t of tables.items) {
    taken.delete(t.name);
    t.delete();
  }
  for (const c of charts.items) c.delete();
  const all = existing.getRange();
  if (excelSupports('dataValidation')) all.dataValidation.clear();
  all.clear('All');
  existing.freezePanes.unfreeze();
  return { sheet: existing, existed: true, takenTableNames: taken };
}
