// Rows that are not people (docs/rules.md §9), recognised in any cell: the engine's own check
// (fields.ts notAPersonName) over the rule set's words (totalRowNames, noteRowPrefixes, noteRowColons), and the
// words only a whole sheet shows (footerRowPrefixes, headcountPrefixes/Suffixes), applied here to a whole row.
// Every check reads a bounded head or tail of the cell (compact), in linear time, without regular expressions.
import { notAPersonName } from '../fields';
import { toHalfWidth } from '../normalize';
import { DEFAULT_RULE_SET, getCompiledRuleSet } from '../rulesets';
import { compact } from './cells';

/** Longer cell texts are not labels of a total or count row (the tail checks below read whole texts). */
const MAX_LABEL_TEXT = 64;

/** The cell text with spaces removed, full-width folded and one trailing colon dropped; '' when too long. */
function folded(text: string, ruleSet: string): string {
  if (text.length > MAX_LABEL_TEXT) return '';
  const rs = getCompiledRuleSet(ruleSet);
  const t = toHalfWidth(compact(text, MAX_LABEL_TEXT));
  return t.length > 0 && rs.notPerson.colons.has(t[t.length - 1]) ? t.slice(0, -1) : t;
}

/** true when the cell text is a total word (合计, 小 计, 合计：) of the rule set's words. */
export function isTotalText(text: string, ruleSet: string = DEFAULT_RULE_SET): boolean {
  const rs = getCompiledRuleSet(ruleSet);
  if (notAPersonName(text, rs) === null) return false;
  const t = toHalfWidth(compact(text));
  return rs.notPerson.totals.has(t) || rs.notPerson.totals.has(t.slice(0, -1));
}

/** true when the cell text is a total word or ends with one (儿科小计, 本科室合计, 小计：), as in a 科室 or 序号 cell. */
export function endsWithTotal(text: string, ruleSet: string = DEFAULT_RULE_SET): boolean {
  const t = folded(text, ruleSet);
  if (t.length === 0) return false;
  for (const word of getCompiledRuleSet(ruleSet).notPerson.totals) if (t.endsWith(word)) return true;
  return false;
}

/** true when the text is a count of people as clerks write it in the name cell: 共17人, 17人, 合计 17 名. */
export function isHeadcountText(text: string, ruleSet: string = DEFAULT_RULE_SET): boolean {
  const w = getCompiledRuleSet(ruleSet).roster;
  // most names are refused by their last character (a count ends with 人, 名 … or 。)
  const end = text.trimEnd();
  const last = end.charCodeAt(end.length - 1);
  if (!w.headcountEnds.has(last) && last !== 0x3002) return false;
  let t = folded(text, ruleSet);
  if (t.endsWith('。')) t = t.slice(0, -1);
  const prefix = w.headcountPrefixes.find((p) => t.startsWith(p)) ?? '';
  const suffix = w.headcountSuffixes.find((s) => t.endsWith(s));
  if (suffix === undefined || t.length <= prefix.length + suffix.length) return false;
  for (let i = prefix.length; i < t.length - suffix.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** true when the cell text starts a note: 制表人：…, 注:…, 审核：…, and the footers of an export: 导出时间：… 导出人：… */
export function isNoteText(text: string, ruleSet: string = DEFAULT_RULE_SET): boolean {
  if (notAPersonName(text, getCompiledRuleSet(ruleSet)) !== null) return !isTotalText(text, ruleSet);
  return isFooterText(text, ruleSet);
}

/** 导出时间：…, 打印人：… (the rule set's footerRowPrefixes, then a colon). */
function isFooterText(text: string, ruleSet: string): boolean {
  const rs = getCompiledRuleSet(ruleSet);
  const head = toHalfWidth(compact(text, 16));
  for (const p of rs.roster.footerPrefixes) {
    if (head.length > p.length && head.startsWith(p) && rs.notPerson.colons.has(head[p.length])) return true;
  }
  return false;
}
