// Makes a sheet of the add-in's own (年度汇总, 花名册模板) or empties it when it exists: its tables, charts,
// validation, cells and formats go; no other sheet is touched. Two syncs at most.
import { excelSupports } from './requirements';

export type PreparedSheet = {
  sheet: Excel.Worksheet;
  existed: boolean;
  /** Table names used elsewhere in the workbook (table names are workbook-wide). */
  takenTableNames: Set<string>;
};

export async function prepareSheet(context: Excel.RequestContext, name: string): Promise<PreparedSheet> {
  const existing = context.workbook.worksheets.getItemOrNullObject(name);
  existing.load('name'); // makes isNullObject readable after the sync, in every host
  const allTables = context.workbook.tables;
  allTables.load('items/name');
  await context.sync();
  const taken = new Set(allTables.items.map((t) => t.name));
  if (existing.isNullObject) {
    return { sheet: context.workbook.worksheets.add(name), existed: false, takenTableNames: taken };
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
