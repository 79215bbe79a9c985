// Not a clause: the warnings every capped source shares (a cap that removes hours, a day count missing for a daily
// cap) and the formula of a counted source (hours each, a yearly cap), used by 附件1第1条–第5条.
import { makeClauseWarning, makeLossWarning } from '../build';
import { cachedWarningOf } from '../cache';
import type { CapCode } from '../codes';
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
  code: CapCode,
  clause: string,
  reason: () => string,
  rs: CompiledRuleSet,
  warnings: RowWarning[],
): number {
  // the site is the code: within a rule set each cap code has one clause and one reason
  warnings.push(cachedWarningOf(rs.cache, code, cap, claimed, detail, () => {
    const lost = claimed - cap;
    return makeLossWarning(code, clause, lost, `${reason()}，${fmt(lost)}学时未计入（${clause}）`);
  }));
  return cap;
}

/** DAYS_MISSING: hours were given without days, so the daily cap of `perDay` cannot be checked. */
export function warnDaysMissing(what: string, hours: number, perDay: number, clause: string, rs: CompiledRuleSet, warnings: RowWarning[]): void {
  // the site is `what` (培训进修, 高级研修班, 专家活动): one per source, with its clause
  warnings.push(cachedWarningOf(rs.cache, what, hours, perDay, 0, () => makeClauseWarning(
    'DAYS_MISSING',
    clause,
    `${what}填写了${fmt(hours)}学时但未填天数，无法核对每天${fmt(perDay)}学时上限，请补填天数（${clause}）`,
  )));
}

/**
 * HOURS_MISSING: days were given without hours. The notice credits the actual hours (按备案的实际学时, 按实际工作时间);
 * `perDay` a day is a ceiling, not a default, so nothing is credited until the hours are filled in from the proof.
 * No lostHours: nothing was claimed.
 */
export function warnHoursMissing(what: string, days: number, perDay: number, clause: string, rs: CompiledRuleSet, warnings: RowWarning[]): void {
  // the site names the code and the source (a DAYS_MISSING of the same source has its own)
  warnings.push(cachedWarningOf(rs.cache, `HOURS_MISSING:${what}`, days, perDay, 0, () => makeClauseWarning(
    'HOURS_MISSING',
    clause,
    `${what}填写了${fmt(days)}天但未填学时，暂不计入（每天${fmt(perDay)}学时是上限，不是默认值）；请按证明材料补填实际学时（${clause}）`,
  )));
}

/** `count` items of `each` hours, at most `cap` a year (附件1第3条, 第5条). */
export function creditCounted(
  count: number | null,
  each: number,
  cap: number,
  what: string,
  code: CapCode,
  clause: string,
  rs: CompiledRuleSet,
  warnings: RowWarning[],
): number {
  if (count === null || count <= 0) return 0;
  const claimed = count * each;
  if (claimed <= cap) return claimed;
  return capCount(count, claimed, cap, what, code, clause, rs, warnings);
}

/** The cap of creditCounted (apart: a closure in the caller would cost every row an allocation). */
function capCount(count: number, claimed: number, cap: number, what: string, code: CapCode, clause: string, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  return capTo(cap, claimed, count, code, clause, () => `${what}${fmt(count)}项计${fmt(claimed)}学时，超过${fmt(cap)}学时上限`, rs, warnings);
}
