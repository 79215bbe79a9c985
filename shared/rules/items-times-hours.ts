// Kind itemsTimesHours: so many hours for each item, at most so many a year (or no yearly cap). zaozhuang-2023:
// 附件1第2条 (资格证书: no yearly cap, a Reading, docs/rules.md §3), 附件1第3条 (代表性成果：每项（篇、本）计…), 附件1第5条
// (技能竞赛、技术比武：每项（次）计…).
import { fmt } from '../format';
import type { CompiledRuleSet, CompiledSource } from '../rulesets/compile';
import type { RowWarning } from '../types';
import { warningAt } from '../cache';
import { newCapWarning } from './caps';

/** `min(count × hoursEach, yearCap)`; a cap that removes hours warns with the source's cap code. */
export function creditItemsTimesHours(s: CompiledSource, vals: Float64Array, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  const count = vals[s.input];
  if (!(count > 0)) return 0;
  const claimed = count * s.each;
  if (claimed <= s.cap) return claimed;
  return capItems(s, count, claimed, rs, warnings);
}

/** The cap (apart: its message is built only for a new warning). */
function capItems(s: CompiledSource, count: number, claimed: number, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  warnings.push(warningAt(rs.cache, s.code, s.cap, claimed, count)
    ?? newCapWarning(s.code, s.cap, claimed, count, s.clause, `${s.label}${fmt(count)}${s.itemWord}计${fmt(claimed)}学时，超过${fmt(s.cap)}学时上限`, rs));
  return s.cap;
}
