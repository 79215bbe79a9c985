// Cross-source rule filingGate: some sources' hours count only when the training was filed. zaozhuang-2023:
// 附件1第1条 with 正文七 (未进行备案的，不进行继续教育学时认定): 培训已备案 = 否 and hours of 培训进修 or 研修班 claimed →
// nothing of them is credited, and one warning loses them all. docs/rules.md §3.
import { makeLossWarning } from '../build';
import { keepWarning, warningAt } from '../cache';
import { fmt } from '../format';
import type { CompiledGate, CompiledRuleSet } from '../rulesets/compile';
import type { RowWarning } from '../types';

/** true (with the gate's warning) when the row says not filed and claims hours of the gated sources. */
export function notFiled(g: CompiledGate, vals: Float64Array, rs: CompiledRuleSet, warnings: RowWarning[]): boolean {
  if (vals[g.slot] !== 0) return false;
  let claimed = 0;
  const slots = g.hoursSlots;
  for (let k = 0; k < slots.length; k++) {
    const h = vals[slots[k]];
    if (h === h) claimed += h;
  }
  if (claimed <= 0) return false;
  warnings.push(warningAt(rs.cache, g.code, claimed, 0, 0) ?? notFiledWarning(g, claimed, rs));
  return true;
}

/** The gate's warning, built once per distinct hours (apart: no allocation for a row whose warning was seen). */
function notFiledWarning(g: CompiledGate, claimed: number, rs: CompiledRuleSet): RowWarning {
  return keepWarning(rs.cache, g.code, claimed, 0, 0, makeLossWarning(
    g.code,
    g.clause,
    claimed,
    `${g.what}未备案，${g.labels}${fmt(claimed)}学时不予认定；已备案的请在“${g.header}”填“是”（${g.clause}）`,
  ));
}
