// Applies a SheetLayout with Office.js (queues only; the caller syncs). Makes or empties the sheet first through
// the summary's prepareSheet, so a re-run replaces the sheet and no other sheet is touched.
import { prepareSheet } from './sheet-reset';
import { excelSupports } from './requirements';
import { planBlockBatches, widthToPoints, type CellStyle, type LayoutBlock, type SheetLayout } from '../../shared/sheet/sheet-layout';

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;
const INCH = 72;

function applyStyle(range: Excel.Range, s: CellStyle): void {
  if (s.bold !== undefined) range.format.font.bold = s.bold;
  if (s.fontSize !== undefined) range.format.font.size = s.fontSize;
  if (s.fontColor !== undefined) range.format.font.color = s.fontColor;
  if (s.fill !== undefined) range.format.fill.color = s.fill;
  if (s.wrap !== undefined) range.format.wrapText = s.wrap;
  if (s.horizontal !== undefined) range.format.horizontalAlignment = s.horizontal;
  if (s.vertical !== undefined) range.format.verticalAlignment = s.vertical;
}

/** Queues cell blocks (no sync). */
function applyBlocks(sheet: Excel.Worksheet, blocks: readonly LayoutBlock[]): void {
  for (const b of blocks) {
    const range = sheet.getRange(b.address);
    range.numberFormat = b.numberFormat;
    range.values = b.values;
    if (b.style) applyStyle(range, b.style);
  }
}

/** Queues everything but the cell blocks (no sync): widths, styles, merges, borders, heights, panes, and the page
 * setup when this Excel has it (ExcelApi 1.9); returns whether the page setup was applied. */
function applyFormatting(sheet: Excel.Worksheet, layout: SheetLayout): boolean {
  layout.columnWidths.forEach((w, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthToPoints(w);
  });
  for (const s of layout.styles) applyStyle(sheet.getRange(s.address), s.style);
  for (const m of layout.merges) sheet.getRange(m).merge(false);
  for (const address of layout.borders) {
    const borders = sheet.getRange(address).format.borders;
    for (const edge of EDGES) {
      const border = borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = 'Thin';
    }
  }
  for (const h of layout.rowHeights) sheet.getRangeByIndexes(h.row - 1, 0, 1, 1).format.rowHeight = h.height;
  if (layout.freezeRows > 0) sheet.freezePanes.freezeRows(layout.freezeRows);
  const p = layout.page;
  if (!p || !excelSupports('pageLayout')) return false;
  const pl = sheet.pageLayout;
  pl.paperSize = p.paperSize;
  pl.orientation = p.orientation;
  pl.zoom = p.fitToPages.tall === null ? { horizontalFitToPages: p.fitToPages.wide } : { horizontalFitToPages: p.fitToPages.wide, verticalFitToPages: p.fitToPages.tall };
  pl.topMargin = p.margins.top * INCH;
  pl.bottomMargin = p.margins.bottom * INCH;
  pl.leftMargin = p.margins.left * INCH;
  pl.rightMargin = p.margins.right * INCH;
  pl.centerHorizontally = p.centerHorizontally;
  pl.setPrintArea(p.printArea);
  if (p.printTitleRows) pl.setPrintTitleRows(p.printTitleRows);
  return true;
}

/**
 * Makes (or empties and refills) the layout's sheet and activates it. Nothing else in the workbook changes.
 * Cells go in batches of at most the Excel payload budget, one sync each.
 */
export async function writeLayoutSheet(context: Excel.RequestContext, layout: SheetLayout): Promise<{ printSetup: boolean }> {
  const { sheet, existed } = await prepareSheet(context, layout.sheetName);
  if (existed) sheet.getRange().unmerge();
  for (const batch of planBlockBatches(layout.blocks)) {
    applyBlocks(sheet, batch);
    await context.sync();
  }
  const printSetup = applyFormatting(sheet, layout);
  sheet.activate();
  await context.sync();
  return { printSetup };
}

/** Said after a sheet was made where this Excel could not set up the page. */
export const NO_PRINT_SETUP = '（此版本 Excel 不支持自动设置打印页面：打印前请在“页面布局”中选择 A4 纸并调整为一页宽。）';
