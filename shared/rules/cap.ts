// The two warnings every capped source shares: a cap that removes hours, and a day count missing for a daily cap.
import { fmt } from '../format';
import type { CapCode } from '../codes';
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
