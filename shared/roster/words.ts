// Rows that are not people (RULES.md §9): total rows and note/footer rows, recognised in any cell.
// The word lists are RULES.md §9's; the engine applies them to the name alone, the roster reader to the whole row.
import { compact } from './cells';

/** RULES.md §9: a cell that is one of these (spaces removed, an optional colon after) marks a total row. */
export const TOTAL_WORDS: readonly string[] = ['合计', '小计', '总计', '共计', '汇总', '累计'];
/** RULES.md §9: a cell starting with one of these followed by a colon is a note (制表人：王小红). Longest first. */
export const NOTE_WORDS: readonly string[] = [
  '单位负责人', '填表说明', '联系电话', '制表人', '审核人', '填表人', '填报人', '负责人', '联系人', '制表', '审核', '备注', '说明', '注',
];

const COLONS = ['：', ':'];

/** true when the cell text is a total word (合计, 小 计, 合计：). */
export function isTotalText(text: string): boolean {
  if (text.length === 0 || text.length > 40) return false;
  let t = compact(text);
  const last = t[t.length - 1];
  if (COLONS.includes(last)) t = t.slice(0, -1);
  return TOTAL_WORDS.includes(t);
}

/** true when the cell text starts a note: 制表人：…, 注:…, 审核：… */
export function isNoteText(text: string): boolean {
  if (text.length === 0) return false;
  const t = compact(text, 8);
  for (const w of NOTE_WORDS) {
    if (t.startsWith(w) && COLONS.includes(t[w.length])) return true;
  }
  return false;
}
