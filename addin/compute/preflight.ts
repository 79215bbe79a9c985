// The header check shown before anything is sent (the 表头检查 card), in a clerk's words, from shared/roster's plan.
import { findCrossDuplicates, type ExcludedRow, type RosterPlan } from '../../shared/roster';
import { columnLetter } from '../../shared/sheet/a1';

export type Preflight = {
  /** Problems that stop the run (nothing is sent, nothing written). */
  blocking: string[];
  /** Headers not recognised: listed by name; the clerk confirms before they are ignored. */
  unknown: string[];
  /** What was understood about the sheet: header rows, rows that are not people, the clerk's own columns, hidden rows. */
  notes: string[];
  /** Absent optional columns, one short line ('' when none). */
  missingOptional: string;
};

/** How many rows a note names before “等 N 行”. */
const LIST_LIMIT = 5;
const TEXT_LIMIT = 16;

const clip = (s: string): string => (s.length > TEXT_LIMIT ? `${s.slice(0, TEXT_LIMIT)}…` : s);
const rowNo = (r: number): string => `第 ${r + 1} 行`;

function listRows(rows: readonly ExcludedRow[]): string {
  const shown = rows.slice(0, LIST_LIMIT).map((e) => (e.text ? `${rowNo(e.sheetRow)}（${clip(e.text)}）` : rowNo(e.sheetRow)));
  return rows.length > LIST_LIMIT ? `${shown.join('、')}等 ${rows.length} 行` : shown.join('、');
}

export function columnsLabel(cols: readonly number[]): string {
  if (cols.length === 0) return '';
  const min = Math.min(...cols);
  const max = Math.max(...cols);
  return max - min + 1 === cols.length ? `${columnLetter(min)}–${columnLetter(max)} 列` : cols.map(columnLetter).join('、') + ' 列';
}

/** The notes of a plan: what the add-in understood and will do, so the clerk can check it. */
export function planNotes(plan: RosterPlan): string[] {
  const notes: string[] = [];
  const h = plan.headerRows;
  if (h.length === 2) {
    const combined = plan.headers.find((x) => x.includes('/'));
    notes.push(`表头在第 ${h[0] + 1}–${h[1] + 1} 行，两行表头已合并${combined ? `（如“${clip(combined)}”）` : ''}。`);
  } else if (h.length === 1 && h[0] > 0) notes.push(`表头在第 ${h[0] + 1} 行，上方的标题行不参与计算。`);
  if (plan.lookalikes.length > 0) {
    const names = plan.lookalikes.map((l) => `“${clip(l.header)}”（${columnLetter(l.col)} 列）`).join('、');
    notes.push(`${names}是您自己的列，按原样保留，不会改动。`);
  }
  const by = (reason: ExcludedRow['reason']): ExcludedRow[] => plan.excluded.filter((e) => e.reason === reason);
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
  if (plan.output) {
    const where = columnsLabel(plan.output.columns.map((c) => c.col));
    const how = plan.output.origin === 'new' ? '新增在花名册右侧' : '沿用上次计算的位置';
    notes.push(`计算结果写在 ${where}（${how}）。`);
  }
  return notes;
}

export function preflight(plan: RosterPlan): Preflight {
  return {
    blocking: plan.stop ? [plan.stop.message] : [],
    unknown: plan.unknown.map((u) => u.header),
    notes: plan.stop && plan.headerRows.length === 0 ? [] : planNotes(plan),
    missingOptional: plan.missingOptionalLine,
  };
}
