// Kind hoursPerDay: the actual hours, at most so many a day, then (optionally) at most so many a year.
// zaozhuang-2023: 附件1第1条 (培训进修 and 省/市级高级研修班: 按备案的实际学时, a daily ceiling and a yearly cap each) and
// 附件1第4条 (受邀专家: 按实际工作时间认定, a daily ceiling, no yearly cap). docs/rules.md §3.
import { makeClauseWarning } from '../build';
import { keepWarning, warningAt } from '../cache';
import { fmt } from '../format';
import type { CompiledRuleSet, CompiledSource } from '../rulesets/compile';
import type { RowWarning } from '../types';
import { newCapWarning } from './caps';

/**
 * `min(hours, perDay × days)`, then `min(…, yearCap)`. The hours credited are the actual ones: days without hours
 * credit nothing (HOURS_MISSING; the daily ceiling is not a default), hours without days are credited up to the
 * yearly cap (DAYS_MISSING: the daily ceiling cannot be checked). Hours of 0 say nothing.
 */
export function creditHoursPerDay(s: CompiledSource, vals: Float64Array, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  const hours = vals[s.input];
  const days = vals[s.days];
  if (hours !== hours) {
    if (days > 0) warnings.push(warningAt(rs.cache, s.hoursMissingSite, days, s.each, 0) ?? hoursMissing(s, days, rs));
    return 0;
  }
  if (hours <= 0) return 0;
  let credited = hours;
  if (days !== days) warnings.push(warningAt(rs.cache, s.daysMissingSite, hours, s.each, 0) ?? daysMissing(s, hours, rs));
  else {
    const dailyMax = s.each * days;
    if (credited > dailyMax) credited = capDaily(s, hours, days, dailyMax, rs, warnings);
  }
  if (credited > s.cap) credited = capYearly(s, credited, rs, warnings);
  return credited;
}

// The warnings apart, each built once per distinct numbers (warningAt finds it for the next row): a closure or a
// message built in the rule would cost every row an allocation.

function capDaily(s: CompiledSource, hours: number, days: number, dailyMax: number, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  warnings.push(warningAt(rs.cache, s.code, dailyMax, hours, days)
    ?? newCapWarning(s.code, dailyMax, hours, days, s.clause, `${s.label}${fmt(hours)}学时超过每天${fmt(s.each)}学时上限（${fmt(days)}天最多${fmt(dailyMax)}学时）`, rs));
  return dailyMax;
}

function capYearly(s: CompiledSource, credited: number, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  warnings.push(warningAt(rs.cache, s.code2, s.cap, credited, 0) ?? newCapWarning(s.code2, s.cap, credited, 0, s.clause, `${s.label}学时超过${fmt(s.cap)}学时上限`, rs));
  return s.cap;
}

/** DAYS_MISSING: hours were given without days, so the daily cap cannot be checked. */
function daysMissing(s: CompiledSource, hours: number, rs: CompiledRuleSet): RowWarning {
  return keepWarning(rs.cache, s.daysMissingSite, hours, s.each, 0, makeClauseWarning('DAYS_MISSING', s.clause,
    `${s.label}填写了${fmt(hours)}学时但未填天数，无法核对每天${fmt(s.each)}学时上限，请补填天数（${s.clause}）`));
}

/**
 * HOURS_MISSING: days were given without hours. The notice credits the actual hours; the daily ceiling is not a
 * default, so nothing is credited until the hours are filled in from the proof. No lostHours: nothing was claimed.
 */
function hoursMissing(s: CompiledSource, days: number, rs: CompiledRuleSet): RowWarning {
  return keepWarning(rs.cache, s.hoursMissingSite, days, s.each, 0, makeClauseWarning('HOURS_MISSING', s.clause,
    `${s.label}填写了${fmt(days)}天但未填学时，暂不计入（每天${fmt(s.each)}学时是上限，不是默认值）；请按证明材料补填实际学时（${s.clause}）`));
}
