// What was understood about a roster sheet, in a clerk's words: the lines of the preflight card (task pane, .xlsx
// page, command line), from the plan alone. Rows are numbered as Excel shows them, columns by their letters.
import { columnLetter } from './cells';
import { findCrossDuplicates } from './duplicates';
import { evidenceUncheckedLine, headerName } from './messages';
import type { ExcludedRow, RosterPlan } from './types';

/** How many rows a note names before “等 N 行”. */
const LIST_LIMIT = 5;
const TEXT_LIMIT = 16;

const clip = (s: string): string => (s.length > TEXT_LIMIT ? `${s.slice(0, TEXT_LIMIT)}…` : s);
const rowNo = (r: number): string => `第 ${r + 1} 行`;

function listRows(rows: readonly ExcludedRow[]): string {
  const shown = rows.slice(0, LIST_LIMIT).map((e) => (e.text ? `${rowNo(e.sheetRow)}（${clip(e.text)}）` : rowNo(e.sheetRow)));
  return rows.length > LIST_LIMIT ? `${shown.join('、')}等 ${rows.length} 行` : shown.join('、');
}

/** “K–S 列” for adjacent columns, else “K、M 列”. */
export function columnsLabel(cols: readonly number[]): string {
  if (cols.length === 0) return '';
  const min = Math.min(...cols);
  const max = Math.max(...cols);
  return max - min + 1 === cols.length ? `${columnLetter(min)}–${columnLetter(max)} 列` : cols.map(columnLetter).join('、') + ' 列';
}

export type PlanNoteOptions = {
  /** Say where the header is (the page and the command line say it in their own first line). */
  header?: boolean;
};

/** The notes of a plan: what was understood and will be done, so the clerk can check it before anything is computed. */
export function planNotes(plan: RosterPlan, options: PlanNoteOptions = {}): string[] {
  const notes: string[] = [];
  const h = plan.headerRows;
  if (options.header !== false) {
    if (h.length === 2) {
      const combined = plan.headers.find((x) => x.includes('/'));
      notes.push(`表头在第 ${h[0] + 1}–${h[1] + 1} 行，两行表头已合并${combined ? `（如“${clip(combined)}”）` : ''}。`);
    } else if (h.length === 1 && h[0] > 0) notes.push(`表头在第 ${h[0] + 1} 行，上方的标题行不参与计算。`);
  }
  if (plan.lookalikes.length > 0) {
    const names = plan.lookalikes.map((l) => `“${clip(l.header)}”（${columnLetter(l.col)} 列）`).join('、');
    notes.push(`${names}是您自己的列，按原样保留，不会改动。`);
  }
  for (const n of plan.notRead) {
    notes.push(`${columnLetter(n.col)} 列“${clip(n.header)}”已隐藏，不读取：“${headerName(n.key, plan.ruleSet)}”读可见的 ${columnLetter(n.readCol)} 列。`);
  }
  if (plan.hiddenRead.length > 0) {
    notes.push(`${plan.hiddenRead.map((c) => `${columnLetter(c.col)} 列“${clip(c.header)}”`).join('、')}已隐藏，照样读取。`);
  }
  for (const m of plan.mergedFill) {
    notes.push(`${columnLetter(m.col)} 列“${clip(m.header)}”有 ${m.areas} 处上下合并的单元格：其内容算作所跨的每一行。`);
  }
  if (plan.mergedUnread > 0) {
    notes.push(`此版本 Excel 读不出合并单元格：有 ${plan.mergedUnread} 人的单位或部门为空。若这些单元格是上下合并的，年度汇总会把他们归入（未填）；请更新 Excel，或取消合并并向下填充后再计算。`);
  }
  const by = (reason: ExcludedRow['reason']): ExcludedRow[] => plan.excluded.filter((e) => e.reason === reason);
  const headers = by('header');
  if (headers.length > 0) notes.push(`${listRows(headers)}是重复的表头，不是人员，不计算。`);
  const totals = by('total');
  if (totals.length > 0) notes.push(`${listRows(totals)}是合计行，不是人员，不计算。`);
  const tableTotals = by('tableTotal');
  if (tableTotals.length > 0) notes.push(`Excel 表格的汇总行（${listRows(tableTotals)}）不计算。`);
  const notesRows = by('note');
  if (notesRows.length > 0) notes.push(`${listRows(notesRows)}是说明文字，已跳过。`);
  const footer = by('footer')[0];
  if (footer) notes.push(`从${rowNo(footer.sheetRow)}（${clip(footer.text)}）起是表尾，不再读取。`);
  if (plan.hiddenCount > 0) notes.push(`其中 ${plan.hiddenCount} 行已隐藏或被筛选，也会一并计算。`);
  for (const d of findCrossDuplicates([plan]).slice(0, LIST_LIMIT)) {
    notes.push(`${d.at.map((a) => rowNo(a.sheetRow)).join('、')}的身份证号相同，将标为“数据有误”，请合并为一行。`);
  }
  const numericIds = plan.rows.filter((r) => typeof r.input?.idNumber === 'number');
  if (numericIds.length > 0) {
    const rows = numericIds.slice(0, LIST_LIMIT).map((r) => rowNo(r.sheetRow)).join('、');
    notes.push(`${rows}${numericIds.length > LIST_LIMIT ? `等 ${numericIds.length} 行` : ''}的身份证号存成了数字，Excel 只保留 15 位：请把该列设为文本后重新录入。`);
  }
  if (plan.evidenceUnchecked > 0) notes.push(evidenceUncheckedLine(plan.evidenceUnchecked, plan.ruleSet));
  if (plan.output && options.header !== false) {
    const where = columnsLabel(plan.output.columns.map((c) => c.col));
    const how = plan.output.origin === 'new' ? '新增在花名册右侧' : '沿用上次计算的位置';
    notes.push(`计算结果写在 ${where}（${how}）。`);
  }
  return notes;
}

/** 年度汇总's notes about the rosters read: one line when people's hours were taken as documented (no 证明材料齐全). */
export function summaryNotes(plans: readonly RosterPlan[]): string[] {
  const unchecked = plans.reduce((n, p) => n + p.evidenceUnchecked, 0);
  return unchecked > 0 ? [evidenceUncheckedLine(unchecked, plans[0].ruleSet)] : [];
}
