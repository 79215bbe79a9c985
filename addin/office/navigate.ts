// 定位: selects one roster row (input and output columns) on its sheet.
export async function selectSheetRow(
  context: Excel.RequestContext,
  target: { sheetId: string; row: number; firstCol: number; columnCount: number },
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(target.sheetId);
  sheet.activate();
  sheet.getRangeByIndexes(target.row, target.firstCol, 1, target.columnCount).select();
  await context.sync();
}
