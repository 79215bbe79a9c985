// Finds the roster: the table holding the selection, else the active sheet's used range. Two syncs.
import { mapHeaders } from '../../shared/index';
import type { CellValue } from '../../shared/types';
import { HEADER_SEARCH_ROWS, detectHeaderRow, type HeaderMapping } from '../core/layout';
import { RosterError } from './errors';
import { excelSupports } from './requirements';

export type RosterSource = {
  sheetId: string;
  sheetName: string;
  /** Set when the roster is an Excel table (ListObject). */
  tableName: string | null;
  /** 0-based sheet row of the header row. */
  headerRow: number;
  /** 0-based sheet column of the roster's first column. */
  firstCol: number;
  /** The header row across the roster range (used range or table). */
  headers: CellValue[];
  mapping: HeaderMapping;
  firstDataRow: number;
  dataRowCount: number;
};

export async function locateRoster(context: Excel.RequestContext): Promise<RosterSource> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load('id,name');
  // ExcelApi 1.9: the table holding the selection; without it the used range is the roster
  const tables = excelSupports('tablesOfSelection') ? context.workbook.getSelectedRange().getTables(false) : null;
  tables?.load('items/name');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();

  if (tables && tables.items.length > 0) {
    const table = tables.items[0];
    const range = table.getRange();
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    const header = table.getHeaderRowRange();
    header.load('values');
    table.load('showTotals');
    await context.sync();
    const headers = header.values[0] as CellValue[];
    const dataRowCount = range.rowCount - 1 - (table.showTotals ? 1 : 0);
    return {
      sheetId: sheet.id,
      sheetName: sheet.name,
      tableName: table.name,
      headerRow: range.rowIndex,
      firstCol: range.columnIndex,
      headers,
      mapping: mapHeaders(headers),
      firstDataRow: range.rowIndex + 1,
      dataRowCount,
    };
  }

  if (used.isNullObject) throw new RosterError(`工作表“${sheet.name}”是空的：请先打开花名册，或点击“插入示例花名册”。`);
  const probeRows = Math.min(HEADER_SEARCH_ROWS, used.rowCount);
  const top = sheet.getRangeByIndexes(used.rowIndex, used.columnIndex, probeRows, used.columnCount);
  top.load('values');
  await context.sync();
  const found = detectHeaderRow(top.values as CellValue[][]);
  if (found < 0) {
    throw new RosterError(`在工作表“${sheet.name}”的前 ${probeRows} 行里找不到表头（例如“姓名”“市平台公需课学时”）。`);
  }
  const headers = top.values[found] as CellValue[];
  const headerRow = used.rowIndex + found;
  return {
    sheetId: sheet.id,
    sheetName: sheet.name,
    tableName: null,
    headerRow,
    firstCol: used.columnIndex,
    headers,
    mapping: mapHeaders(headers),
    firstDataRow: headerRow + 1,
    dataRowCount: used.rowIndex + used.rowCount - (headerRow + 1),
  };
}
