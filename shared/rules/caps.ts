// Not a rule of its own: the warning every cap gives when it removes hours, shared by the kinds of sources and the
// category cap (docs/rules.md §3: every cap that removes hours says so, with lostHours).
import { makeLossWarning } from '../build';
import { keepWarning } from '../cache';
import { fmt } from '../format';
import type { CompiledRuleSet } from '../rulesets/compile';
import type { RowWarning } from '../types';

/**
 * The warning of a cap that removed hours: `lostHours = claimed − cap`, message `<reason>，<lost>学时未计入（<clause>）`,
 * shared by every row with the same numbers (`detail`: any other number the reason shows). The site is the code:
 * within a rule set each cap code has one clause and one reason (validate.ts). Call as
 * `warningAt(rs.cache, code, cap, claimed, detail) ?? newCapWarning(…, reason)`: the reason is only written for a new one.
 */
export function newCapWarning(code: string, cap: number, claimed: number, detail: number, clause: string, reason: string, rs: CompiledRuleSet): RowWarning {
  const lost = claimed - cap;
  return keepWarning(rs.cache, code, cap, claimed, detail, makeLossWarning(code, clause, lost, `${reason}，${fmt(lost)}学时未计入（${clause}）`));
}
