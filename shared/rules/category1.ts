// 附件1第1条 培训进修类: regular training, 省/市级高级研修班, their common cap, and the filing requirement (正文七).
import { fmt } from '../format';
import { capTo, warnDaysMissing } from './cap';
import type { CompiledRuleSet } from '../rulesets/compile';
import type { CapCode } from '../codes';
import type { RowWarning } from '../types';

function creditDailyYearly(
  hours: number | null,
  days: number | null,
  perDay: number,
  yearCap: number,
  what: string,
  codes: { daily: CapCode; year: CapCode },
  clause: string,
  warnings: RowWarning[],
): number {
  if (hours === null || hours <= 0) return 0;
  let credited = hours;
  if (days === null) {
    warnDaysMissing(what, hours, perDay, clause, warnings);
  } else {
    const dailyMax = perDay * days;
    if (credited > dailyMax) {
      credited = capTo(dailyMax, credited, codes.daily, clause,
        `${what}${fmt(hours)}学时超过每天${fmt(perDay)}学时上限（${fmt(days)}天最多${fmt(dailyMax)}学时）`, warnings);
    }
  }
  if (credited > yearCap) {
    credited = capTo(yearCap, credited, codes.year, clause, `${what}学时超过${fmt(yearCap)}学时上限`, warnings);
  }
  return credited;
}

/**
 * 附件1第1条: regular training is credited as professional hours at the filed hours, at most 8 a day
 * (`min(trainingHours, 8 × trainingDays)`), then at most 24 a year. Days blank → DAYS_MISSING, yearly cap only.
 */
export function creditTraining(hours: number | null, days: number | null, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  const p = rs.ruleSet.parameters;
  return creditDailyYearly(hours, days, rs.v.trainingHoursPerDay, rs.v.trainingYearCap, '培训进修',
    { daily: 'CAP_TRAINING_DAILY', year: 'CAP_TRAINING' }, p.trainingYearCap.clause, warnings);
}

/** 附件1第1条: 省/市级高级研修班, at most 8 h a day, then at most 30 a year. */
export function creditSeminars(hours: number | null, days: number | null, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  const p = rs.ruleSet.parameters;
  return creditDailyYearly(hours, days, rs.v.seminarHoursPerDay, rs.v.seminarYearCap, '高级研修班',
    { daily: 'CAP_SEMINAR_DAILY', year: 'CAP_SEMINAR' }, p.seminarYearCap.clause, warnings);
}

/**
 * 附件1第1条 (Reading, parameter category1Cap): training plus seminars together at most 30; null = separate caps only.
 * Returns the credited total of the category.
 */
export function capCategory1(training: number, seminars: number, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  const sum = training + seminars;
  const cap = rs.v.category1Cap;
  if (cap === null || sum <= cap) return sum;
  return capTo(cap, sum, 'CAP_CATEGORY1', rs.ruleSet.parameters.category1Cap.clause,
    `培训进修与高级研修班合计${fmt(sum)}学时超过${fmt(cap)}学时上限`, warnings);
}

/**
 * 附件1第1条、正文七: training not filed (备案) earns nothing. Returns true (and warns TRAINING_NOT_FILED with every
 * 第1条 hour claimed as lost) when the row claims 第1条 hours and trainingFiled is no.
 */
export function trainingNotFiled(
  filed: boolean,
  trainingHours: number | null,
  seminarHours: number | null,
  rs: CompiledRuleSet,
  warnings: RowWarning[],
): boolean {
  if (filed) return false;
  const claimed = (trainingHours ?? 0) + (seminarHours ?? 0);
  if (claimed <= 0) return false;
  const clause = rs.ruleSet.parameters.trainingFiledDefault.clause;
  warnings.push({
    code: 'TRAINING_NOT_FILED',
    clause,
    lostHours: claimed,
    message: `培训未备案，培训进修及高级研修班${fmt(claimed)}学时不予认定；已备案的请在“培训已备案”填“是”（${clause}）`,
  });
  return true;
}
