// 附件1第1条（培训进修类）, with 正文七 (filing):
// “培训进修类：……按备案的实际学时登记专业科目学时（不超过8学时/天），累计不超过24学时，省/市级高级研修班累计不超过30学时。”
// 正文七: “经市人社局备案的行业主管部门开展的专业培训活动……未进行备案的，不进行继续教育学时认定。”
import { makeLossWarning } from '../build';
import { cachedWarningOf } from '../cache';
import type { CapCode } from '../codes';
import { fmt } from '../format';
import type { CompiledRuleSet } from '../rulesets/compile';
import type { RowWarning } from '../types';
import { capTo, warnDaysMissing, warnHoursMissing } from './caps';

function creditDailyYearly(
  hours: number | null,
  days: number | null,
  perDay: number,
  yearCap: number,
  what: string,
  codes: { daily: CapCode; year: CapCode },
  clause: string,
  rs: CompiledRuleSet,
  warnings: RowWarning[],
): number {
  if (hours === null) {
    // 按备案的实际学时: days alone credit nothing (HOURS_MISSING)
    if (days !== null && days > 0) warnHoursMissing(what, days, perDay, clause, rs, warnings);
    return 0;
  }
  if (hours <= 0) return 0;
  let credited = hours;
  if (days === null) {
    warnDaysMissing(what, hours, perDay, clause, rs, warnings);
  } else {
    const dailyMax = perDay * days;
    if (credited > dailyMax) credited = capDaily(what, hours, days, perDay, dailyMax, codes.daily, clause, rs, warnings);
  }
  if (credited > yearCap) credited = capYearly(what, credited, yearCap, codes.year, clause, rs, warnings);
  return credited;
}

/** The daily cap of creditDailyYearly (apart: a closure in the caller would cost every row an allocation). */
function capDaily(what: string, hours: number, days: number, perDay: number, dailyMax: number, code: CapCode, clause: string,
  rs: CompiledRuleSet, warnings: RowWarning[]): number {
  return capTo(dailyMax, hours, days, code, clause,
    () => `${what}${fmt(hours)}学时超过每天${fmt(perDay)}学时上限（${fmt(days)}天最多${fmt(dailyMax)}学时）`, rs, warnings);
}

/** The yearly cap of creditDailyYearly (apart, likewise). */
function capYearly(what: string, credited: number, yearCap: number, code: CapCode, clause: string, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  return capTo(yearCap, credited, 0, code, clause, () => `${what}学时超过${fmt(yearCap)}学时上限`, rs, warnings);
}

const TRAINING_CAPS: { daily: CapCode; year: CapCode } = { daily: 'CAP_TRAINING_DAILY', year: 'CAP_TRAINING' };
const SEMINAR_CAPS: { daily: CapCode; year: CapCode } = { daily: 'CAP_SEMINAR_DAILY', year: 'CAP_SEMINAR' };

/**
 * 附件1第1条: regular training is credited as professional hours at the filed hours, at most 8 a day
 * (`min(trainingHours, 8 × trainingDays)`), then at most 24 a year. Days blank → DAYS_MISSING, yearly cap only;
 * hours blank with days above 0 → 0 and HOURS_MISSING (the filed hours are what is credited, docs/rules.md §3).
 */
export function creditTraining(hours: number | null, days: number | null, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  return creditDailyYearly(hours, days, rs.v.trainingHoursPerDay, rs.v.trainingYearCap, '培训进修', TRAINING_CAPS, rs.clause.annex1Item1, rs, warnings);
}

/** 附件1第1条: 省/市级高级研修班, at most 8 h a day, then at most 30 a year. */
export function creditSeminars(hours: number | null, days: number | null, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  return creditDailyYearly(hours, days, rs.v.seminarHoursPerDay, rs.v.seminarYearCap, '高级研修班', SEMINAR_CAPS, rs.clause.annex1Item1, rs, warnings);
}

/**
 * 附件1第1条 (Reading, parameter category1Cap): training plus seminars together at most 30; null = separate caps only.
 * Returns the credited total of the category.
 */
export function capCategory1(training: number, seminars: number, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  const sum = training + seminars;
  const cap = rs.v.category1Cap;
  if (cap === null || sum <= cap) return sum;
  return capBoth(sum, cap, rs, warnings);
}

/** The cap of capCategory1 (apart: a closure in the caller would cost every row an allocation). */
function capBoth(sum: number, cap: number, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  return capTo(cap, sum, 0, 'CAP_CATEGORY1', rs.clause.annex1Item1,
    () => `培训进修与高级研修班合计${fmt(sum)}学时超过${fmt(cap)}学时上限`, rs, warnings);
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
  warnNotFiled(claimed, rs, warnings);
  return true;
}

/** TRAINING_NOT_FILED (apart: a closure in the caller would cost every row an allocation). */
function warnNotFiled(claimed: number, rs: CompiledRuleSet, warnings: RowWarning[]): void {
  const clause = `${rs.clause.annex1Item1}、${rs.clause.main7}`;
  warnings.push(cachedWarningOf(rs.cache, 'TRAINING_NOT_FILED', claimed, 0, 0, () => makeLossWarning(
    'TRAINING_NOT_FILED',
    clause,
    claimed,
    `培训未备案，培训进修及高级研修班${fmt(claimed)}学时不予认定；已备案的请在“培训已备案”填“是”（${clause}）`,
  )));
}
