// A roster without a 证明材料齐全 column (docs/rules.md §9): every hour that needs evidence (附件1第7条: all but the
// city platform's) is then taken as documented. Said once, before computing and in 年度汇总, never silently.
import { isPlaceholder } from '../normalize';
import { DEFAULT_RULE_SET, getCompiledRuleSet } from '../rulesets';
import type { RosterKey } from '../types';
import type { RosterDataRow } from './types';

/**
 * The inputs whose hours need evidence in a rule set (the default one when omitted): the hours, count or months column
 * of every source with evidence (附件1第7条; 正文四(三) for transferred hours), and the special case's (附件1第6条).
 */
export function evidenceKeysOf(ruleSet: string = DEFAULT_RULE_SET): readonly RosterKey[] {
  return getCompiledRuleSet(ruleSet).evidenceKeys;
}

/** A cell that claims something: not blank, not a placeholder, not zero. */
function claims(v: unknown, ruleSet: string): boolean {
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return false;
  const t = v.trim();
  return t !== '' && t !== '0' && !isPlaceholder(t, getCompiledRuleSet(ruleSet).words);
}

/** How many people claim hours that need evidence when the roster has no 证明材料齐全 column (0 when it has one). */
export function evidenceUnchecked(columns: readonly (RosterKey | null)[], rows: readonly RosterDataRow[], ruleSet: string = DEFAULT_RULE_SET): number {
  const evidence = getCompiledRuleSet(ruleSet).ruleSet.evidenceStatus;
  if (evidence === undefined || columns.includes(evidence.input)) return 0;
  const keys = evidenceKeysOf(ruleSet).filter((k) => columns.includes(k));
  if (keys.length === 0) return 0;
  let n = 0;
  for (const r of rows) if (r.input !== null && keys.some((k) => claims(r.input?.[k], ruleSet))) n++;
  return n;
}
