// Not a rule of its own: the warning every cap gives when it removes hours, shared by the kinds of sources and the
// category cap (docs/rules.md §3: every cap that removes hours says so, with lostHours).
import { makeLossWarning } from '../build';
import { cachedWarningOf } from '../cache';
import { fmt } from '../format';
import type { CompiledRuleSet } from '../rulesets/compile';
import type { RowWarning } from '../types';

/**
 * Credits `cap` of `claimed` (call only when `claimed > cap`) and records the hours removed as a warning:
 * `lostHours = claimed − cap`, message `<reason>，<lost>学时未计入（<clause>）`. The warning is shared by every row
 * with the same numbers (`detail`: any other number the reason shows), and `reason` is only called for the first.
 */
export function capTo(
  cap: number,
  claimed: number,
  detail: number,
  code: string,
  clause: string,
  reason: () => string,
  rs: CompiledRuleSet,
  warnings: RowWarning[],
): number {
  // the site is the code: within a rule set each cap code has one clause and one reason (validate.ts)
  warnings.push(cachedWarningOf(rs.cache, code, cap, claimed, detail, () => {
    const lost = claimed - cap;
    return makeLossWarning(code, clause, lost, `${reason()}，${fmt(lost)}学时未计入（${clause}）`);
  }));
  return cap;
}
