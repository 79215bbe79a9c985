// Rows that are not people (RULES.md §9), recognised in any cell: the engine's own check (fields.ts notAPersonName)
// over the rule set's words (totalRowNames, noteRowPrefixes, noteRowColons), applied here to a whole row.
import { notAPersonName } from '../fields';
import { toHalfWidth } from '../normalize';
import { getCompiledRuleSet } from '../rulesets';
import { compact } from './cells';

/** true when the cell text is a total word (合计, 小 计, 合计：). */
export function isTotalText(text: string): boolean {
  const rs = getCompiledRuleSet();
  if (notAPersonName(text, rs) === null) return false;
  const t = toHalfWidth(compact(text));
  return rs.notPerson.totals.has(t) || rs.notPerson.totals.has(t.slice(0, -1));
}

/** true when the cell text starts a note: 制表人：…, 注:…, 审核：… */
export function isNoteText(text: string): boolean {
  return notAPersonName(text, getCompiledRuleSet()) !== null && !isTotalText(text);
}
