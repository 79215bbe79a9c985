// Writes the blank roster sheet 花名册模板 (replacing its content if the sheet exists, touching no other sheet):
// the headers of docs/rules.md §2 as an Excel table, with data validation and input messages per column.
import { PROMPT_TITLE_MAX, buildTemplateLayout, clip } from './template-layout';
import type { TemplateLayout, ValidationSpec } from './template-layout';
import { prepareSheet } from '../office/sheet-reset';
import { uniqueTableName } from '../../shared/sheet/sheet-names';
import { excelSupports } from '../office/requirements';
import { workbookRuleSet } from '../settings/rule-set-choice';

export function toExcelRule(v: ValidationSpec): Excel.DataValidationRule {
  switch (v.type) {
    case 'list':
      return { list: { inCellDropDown: true, source: v.values.join(',') } };
    case 'decimal':
      return { decimal: { operator: 'Between', formula1: v.min, formula2: v.max } };
    case 'wholeNumber':
      return { wholeNumber: { operator: 'Between', formula1: v.min, formula2: v.max } };
    case 'date':
      return { date: { operator: 'Between', formula1: v.min, formula2: v.max } };
  }
}

/** Queues the template's cells, table and validation on `sheet` (no sync). */
export function applyTemplateLayout(sheet: Excel.Worksheet, layout: TemplateLayout, tableName: string): Excel.Table {
  const header = sheet.getRange(layout.headerAddress);
  header.numberFormat = [layout.columns.map(() => '@')];
  header.values = [layout.columns.map((c) => c.header)];
  // drop-down lists and input messages need ExcelApi 1.8: without it the template is the headers and formats only
  const validation = excelSupports('dataValidation');
  for (const c of layout.columns) {
    const data = sheet.getRange(c.dataAddress);
    if (c.numberFormat) data.numberFormat = Array.from({ length: layout.dataRows }, () => [c.numberFormat]);
    if (!validation) continue;
    const dv = data.dataValidation;
    dv.clear();
    if (c.validation) {
      dv.rule = toExcelRule(c.validation);
      dv.ignoreBlanks = true;
      dv.errorAlert = { showAlert: true, style: 'Stop', title: clip(c.header, PROMPT_TITLE_MAX), message: c.errorMessage ?? '' };
    }
    dv.prompt = { showPrompt: true, title: c.prompt.title, message: c.prompt.message };
  }
  const table = sheet.tables.add(layout.tableAddress, true);
  table.name = tableName;
  table.style = 'TableStyleMedium2';
  header.format.font.bold = true;
  header.format.autofitColumns();
  sheet.freezePanes.freezeRows(1);
  return table;
}

/** Makes or refreshes the sheet 花名册模板 (with the workbook's rule set's limits) and activates it. */
export async function writeRosterTemplate(): Promise<void> {
  const layout = buildTemplateLayout(undefined, workbookRuleSet().ruleSet.id);
  await Excel.run(async (context) => {
    const { sheet, takenTableNames } = await prepareSheet(context, layout.sheetName);
    applyTemplateLayout(sheet, layout, uniqueTableName(layout.tableName, takenTableNames));
    sheet.activate();
    await context.sync();
  });
}
