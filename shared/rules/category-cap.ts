// Cross-source rule categoryCaps: several sources capped together, after each source's own caps. zaozhuang-2023:
// 附件1第1条, 培训进修 and 省/市级高级研修班 together (a Reading: the cautious one, docs/rules.md §3).
import { fmt } from '../format';
import { creditSlot, type CompiledCategoryCap, type CompiledRuleSet } from '../rulesets/compile';
import type { RowWarning } from '../types';
import { warningAt } from '../cache';
import { newCapWarning } from './caps';

/**
 * Caps the sources' credits (`credits`, by creditSlot) together at the cap; the hours kept go to the
 * sources in the order listed, the last taking what is left. A null cap (Infinity) caps nothing.
 */
export function capCategory(g: CompiledCategoryCap, side: number, credits: Float64Array, rs: CompiledRuleSet, warnings: RowWarning[]): void {
  const members = g.sources;
  let sum = 0;
  for (let k = 0; k < members.length; k++) sum += credits[creditSlot(members[k], side)];
  const kept = sum <= g.cap ? sum : capBoth(g, sum, rs, warnings);
  let left = kept;
  const last = members.length - 1;
  for (let k = 0; k < last; k++) {
    const at = creditSlot(members[k], side);
    const c = credits[at] < left ? credits[at] : left;
    credits[at] = c;
    left -= c;
  }
  credits[creditSlot(members[last], side)] = left;
}

/** The cap (apart: its message is built only for a new warning). */
function capBoth(g: CompiledCategoryCap, sum: number, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  warnings.push(warningAt(rs.cache, g.code, g.cap, sum, 0) ?? newCapWarning(g.code, g.cap, sum, 0, g.clause, `${g.what}合计${fmt(sum)}学时超过${fmt(g.cap)}学时上限`, rs));
  return g.cap;
}
