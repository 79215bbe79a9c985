// The sheet 年度汇总 in the result file, from the add-in's pure layout (addin/summary/layout.ts): the same cells,
// number formats and tables. exceljs cannot write charts, so the sheet says where the chart would be and how to add it.
import type { Workbook, Worksheet } from 'exceljs';
import { getRuleSet, hasRuleSet } from '../shared/index';
import type { PlacedResult, RosterPlan } from '../shared/roster/types';
import { addToSummary, finishSummary, newSummaryBuilder } from '../shared/summary';
import { textOfCell } from '../shared/normalize';
import type { RowResult, Summary } from '../shared/types';
import { buildSummaryLayout, type SummaryLayout, type ComputedBy } from '../addin/summary/layout';
import { uniqueTableName } from '../addin/office/sheet-reset';
import { parseArea } from '../shared/sheet/a1';

/** Said on the sheet (and by the page) where the add-in draws its chart. */
export const NO_CHART_NOTE =
  '（网页版和命令行生成的文件不含“各单位部门达标率”图表：所用的表格组件不能写入图表。需要时在 Excel 或 WPS 中选中上表的“达标率”列，点“插入 → 柱形图”。）';

/** Every computed row's result in sheet order (sheet after sheet), `index` = its place in that list. */
export type ComputedRows = { results: RowResult[]; at: { sheetName: string; sheetRow: number }[]; summary: Summary };

/** The Summary of every sheet's placed results (cross-sheet duplicates included); indexes count computed rows. */
export function computedRows(plans: readonly RosterPlan[], placed: readonly PlacedResult[][]): ComputedRows {
  const b = newSummaryBuilder();
  const results: RowResult[] = [];
  const at: ComputedRows['at'] = [];
  plans.forEach((plan, p) => {
    placed[p].forEach((r, i) => {
      if (r === null) return;
      const row = plan.rows[i];
      const input = row.input ?? {};
      const result = { ...r, index: results.length };
      results.push(result);
      at.push({ sheetName: plan.sheetName, sheetRow: row.sheetRow });
      addToSummary(b, result, textOfCell(input.name) ?? '', textOfCell(input.unit) ?? '', textOfCell(input.department) ?? '');
    });
  });
  return { results, at, summary: finishSummary(b) };
}

/** The summary with each attention item's index set to its 0-based sheet row (the layout shows firstDataRowNumber 1 + index). */
export function withSheetRows(c: ComputedRows): Summary {
  return { ...c.summary, attention: c.summary.attention.map((a) => ({ ...a, index: c.at[a.index].sheetRow })) };
}

export type SummarySheetInput = {
  summary: Summary;
  ruleSetId: string;
  engineVersion: string;
  computedBy: ComputedBy;
  fallbackReason?: string | null;
  madeAt: string;
  rosterSheets: readonly string[];
};

export function summaryLayoutFor(input: SummarySheetInput): SummaryLayout {
  const rs = hasRuleSet(input.ruleSetId) ? getRuleSet(input.ruleSetId) : getRuleSet();
  return buildSummaryLayout({
    summary: input.summary,
    ruleSet: { id: rs.id, title: rs.title, notice: rs.notice, year: rs.year },
    engineVersion: input.engineVersion,
    computedBy: input.computedBy,
    fallbackReason: input.fallbackReason ?? null,
    madeAt: input.madeAt,
    rosterSheet: input.rosterSheets.join('、'),
    firstDataRowNumber: 1,
  });
}

function tableNamesOf(wb: Workbook, except: Worksheet | null): Set<string> {
  const names = new Set<string>();
  for (const ws of wb.worksheets) {
    if (ws === except) continue;
    for (const t of ws.getTables() as unknown as { table?: { name: string } }[]) if (t.table) names.add(t.table.name);
  }
  return names;
}

/** Replaces (or adds, last) the sheet 年度汇总 with the layout. Returns the sheet. */
export function writeSummarySheet(wb: Workbook, layout: SummaryLayout): Worksheet {
  const old = wb.getWorksheet(layout.sheetName);
  if (old) wb.removeWorksheet(old.id);
  const taken = tableNamesOf(wb, null);
  const ws = wb.addWorksheet(layout.sheetName);
  for (const b of layout.blocks) {
    const area = parseArea(b.address);
    if (!area) throw new Error(`内部错误：地址无效 ${b.address}`);
    for (let r = 0; r < b.values.length; r++) {
      const row = ws.getRow(area.row + r + 1);
      for (let c = 0; c < b.values[r].length; c++) {
        const cell = row.getCell(area.col + c + 1);
        cell.value = b.values[r][c];
        cell.style = {
          numFmt: b.numberFormat[r][c],
          ...(b.bold || b.fontSize ? { font: { ...(b.bold ? { bold: true } : {}), ...(b.fontSize ? { size: b.fontSize } : {}) } } : {}),
        };
      }
    }
  }
  for (const t of layout.tables) {
    const area = parseArea(t.address);
    const block = layout.blocks.find((b) => b.address === t.address);
    if (!area || !block) continue;
    const name = uniqueTableName(t.name, taken);
    taken.add(name);
    const [header, ...rows] = block.values;
    ws.addTable({
      name,
      ref: t.address.split(':')[0],
      headerRow: true,
      totalsRow: false,
      style: { theme: t.style as 'TableStyleMedium2', showRowStripes: true },
      columns: header.map((h) => ({ name: String(h), filterButton: true })),
      rows,
    });
  }
  if (layout.chart) {
    const at = parseArea(layout.chart.topLeft);
    if (at) {
      const cell = ws.getCell(at.row + 1, at.col + 1);
      cell.value = NO_CHART_NOTE;
      cell.style = { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } };
      ws.getColumn(at.col + 1).width = 48;
    }
  }
  const widths = [12, 12, 8, 8, 8, 10, 10, 14, 14, 12, 18];
  widths.forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    if (!col.width) col.width = w;
  });
  return ws;
}
