// Not a clause: the warnings every capped source shares (a cap that removes hours, a day count missing for a daily
// cap) and the formula of a counted source (hours each, a yearly cap), used by 附件1第1条–第5条.
import type { CapCode } from '../codes';
import { fmt } from '../format';
import type { RowWarning } from '../types';

/**
 * Credits `cap` of `claimed` (call only when `claimed > cap`) and records the hours removed as a warning:
 * `lostHours = claimed − cap`, message `<reason>，<lost>学时未计入（<clause>）`.
 */
export function capTo(cap: number, claimed: number, code: CapCode, clause: string, reason: string, warnings: RowWarning[]): number {
  const lost = claimed - cap;
  warnings.push({ code, clause, lostHours: lost, message: `${reason}，${fmt(lost)}学时未计入（${clause}）` });
  return cap;
}

/** DAYS_MISSING: hours were given without days, so the daily cap of `perDay` cannot be checked. */
export function warnDaysMissing(what: string, hours: number, perDay: number, clause: string, warnings: RowWarning[]): void {
  warnings.push({
    code: 'DAYS_MISSING',
    clause,
    message: `${what}填写了${fmt(hours)}学时但未填天数，无法核对每天${fmt(perDay)}学时上限，请补填天数（${clause}）`,
  });
}

/** `count` items of `each` hours, at most `cap` a year (附件1第3条, 第5条). */
export function creditCounted(
  count: number | null,
  each: number,
  cap: number,
  what: string,
  code: CapCode,
  clause: string,
  warnings: RowWarning[],
): number {
  if (count === null || count <= 0) return 0;
  const claimed = count * each;
  if (claimed <= cap) return claimed;
  return capTo(cap, claimed, code, clause, `${what}${fmt(count)}项计${fmt(claimed)}学时，超过${fmt(cap)}学时上限`, warnings);
}
