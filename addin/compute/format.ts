// Formats of the output columns: header style, column widths, wrapped sentences, 状态 colours by conditional format,
// the header frozen (unless the clerk froze panes).
import type { WritePlan } from './layout';

/** Font and fill colours per status (Fluent palette: green, red, amber, purple). */
export const STATUS_STYLES: readonly { text: string; font: string; fill: string }[] = [
  { text: '达标', font: '#0E700E', fill: '#DFF6DD' },
  { text: '未达标', font: '#A4262C', fill: '#FDE7E9' },
  { text: '待补材料', font: '#8A5300', fill: '#FFF4CE' },
  { text: '数据有误', font: '#5C2E91', fill: '#EFE4F7' },
];

/**
 * Column widths in points per output header. 封顶提示 and 说明 hold sentences: a page-friendly width, wrapped
 * (WRAPPED_OUTPUTS), so that the roster prints as the clerk's did plus our columns, not as pages of one long line.
 */
export const WIDTHS: Readonly<Record<string, number>> = {
  公需课认定学时: 78,
  专业课认定学时: 78,
  总学时: 52,
  公需课缺口: 64,
  专业课缺口: 64,
  完成期限: 72,
  状态: 60,
  封顶提示: 120,
  说明: 200,
};
/** Output columns whose cells wrap, top-aligned (their text is sentences). */
export const WRAPPED_OUTPUTS: readonly string[] = ['封顶提示', '说明'];

/** Header style, widths, wrap, 状态 colours; the header row frozen unless the sheet has panes frozen already. */
export function applyOutputFormats(sheet: Excel.Worksheet, plan: WritePlan, options: { keepFreeze?: boolean } = {}): void {
  for (const c of plan.columns) {
    const head = sheet.getRangeByIndexes(plan.headerRow, c.col, 1, 1);
    head.format.font.bold = true;
    head.format.fill.color = '#DEECF9';
    head.format.columnWidth = WIDTHS[c.header] ?? 80;
    if (WRAPPED_OUTPUTS.includes(c.header) && plan.rowCount > 0) {
      const cells = sheet.getRangeByIndexes(plan.firstRow, c.col, plan.rowCount, 1);
      cells.format.wrapText = true;
      cells.format.verticalAlignment = 'Top';
    }
  }
  const status = plan.columns.find((c) => c.header === '状态');
  if (status && plan.rowCount > 0) {
    const range = sheet.getRangeByIndexes(plan.firstRow, status.col, plan.rowCount, 1);
    range.conditionalFormats.clearAll();
    for (const s of STATUS_STYLES) {
      const cf = range.conditionalFormats.add('ContainsText');
      cf.textComparison.format.font.color = s.font;
      cf.textComparison.format.fill.color = s.fill;
      cf.textComparison.rule = { operator: 'BeginsWith', text: s.text };
    }
  }
  // a freeze the clerk set (columns too, e.g. at D5) is theirs; only a sheet with none gets the header frozen
  if (!options.keepFreeze) sheet.freezePanes.freezeRows(plan.headerRow + 1);
}
