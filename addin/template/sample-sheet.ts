// Writes the sample roster into a new sheet and activates it. Two syncs.
import { SAMPLE_SHEET_NAME, sampleRoster } from './sample-roster';

/** `ruleSet`: the workbook's rule set (its columns, and its year for the sample's dates). */
export async function insertSampleRoster(context: Excel.RequestContext, ruleSet?: string): Promise<{ sheetName: string; rows: number }> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const taken = new Set(sheets.items.map((s) => s.name));
  let name = SAMPLE_SHEET_NAME;
  for (let n = 2; taken.has(name); n++) name = `${SAMPLE_SHEET_NAME}${n}`;

  const { headers, rows, dateColumns, textColumns } = sampleRoster(ruleSet);
  const sheet = sheets.add(name);
  const header = sheet.getRangeByIndexes(0, 0, 1, headers.length);
  header.values = [headers];
  header.format.font.bold = true;
  header.format.fill.color = '#F3F2F1';
  for (const c of textColumns) sheet.getRangeByIndexes(1, c, rows.length, 1).numberFormat = rows.map(() => ['@']);
  const body = sheet.getRangeByIndexes(1, 0, rows.length, headers.length);
  body.values = rows as (string | number | boolean)[][];
  for (const c of dateColumns) sheet.getRangeByIndexes(1, c, rows.length, 1).numberFormat = rows.map(() => ['yyyy-mm-dd']);
  sheet.freezePanes.freezeRows(1);
  sheet.activate();
  sheet.getRange('A2').select();
  await context.sync();
  return { sheetName: name, rows: rows.length };
}
