// 正文六（时间安排）:
// “网上公需科目学习、在线考试和专业科目学习时间截至2023年12月31日，逾期系统关闭。2023年度参加职称评聘的专业技术人员，应于申报材料前5个工作日完成公需科目和专业科目学习。”
import { makeClauseWarning } from '../build';
import { cachedWarning, cachedWarningOf, dayPairKey } from '../cache';
import { nthWorkingDayBefore } from '../calendar';
import { isoFromDay } from '../dates';
import { fmt } from '../format';
import type { CompiledRuleSet } from '../rulesets/compile';
import type { RowStatus, RowWarning } from '../types';

/**
 * 正文六: everyone by the year end (2023-12-31); a title applicant (申报职称) by the 5th working day before the
 * submission date, counted back from the day before it under the holiday calendar (调休 included). Never after the
 * year end: a submission early in the next year still counts back (2024-01-03 → 2023-12-26), any later one gives the
 * year end. Applicant without a date → year end and TITLE_DATE_MISSING; a date before the calendar's first year →
 * weekends only and CALENDAR_UNKNOWN (later years are covered by the data or clamped). Returns a day number.
 */
export function deadlineFor(titleApplicant: boolean, submissionDay: number | null, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  const yearEnd = rs.yearEndDay;
  if (!titleApplicant) return yearEnd;
  if (submissionDay === null) {
    warnDateMissing(rs, warnings);
    return yearEnd;
  }
  if (submissionDay < rs.calendar.firstKnownDay) warnCalendarUnknown(submissionDay, rs, warnings);
  const d = nthWorkingDayBefore(submissionDay, rs.v.deadlineWorkingDays, rs.calendar);
  return d > yearEnd ? yearEnd : d;
}

/** TITLE_DATE_MISSING (apart: a closure in the caller would cost every row an allocation). */
function warnDateMissing(rs: CompiledRuleSet, warnings: RowWarning[]): void {
  const clause = rs.clause.main6;
  warnings.push(cachedWarning(rs.cache, `TITLE_DATE_MISSING|${clause}`, () =>
    makeClauseWarning('TITLE_DATE_MISSING', clause, `申报职称但未填职称材料提交日期，完成期限暂按${rs.v.yearEnd}，请补填提交日期（${clause}）`)));
}

/** CALENDAR_UNKNOWN (apart, likewise). */
function warnCalendarUnknown(submissionDay: number, rs: CompiledRuleSet, warnings: RowWarning[]): void {
  const clause = rs.clause.main6;
  warnings.push(cachedWarning(rs.cache, `CALENDAR_UNKNOWN|${clause}|${submissionDay}`, () =>
    makeClauseWarning('CALENDAR_UNKNOWN', clause, `节假日安排只收录了${rs.ruleSet.calendar.years.join('、')}年，提交日期${isoFromDay(submissionDay)}前的工作日按周一至周五推算，请人工核对（${clause}）`)));
}

/**
 * 正文六 with an `asOf` date (NaN = no check): a row still 未达标 after its deadline gets DEADLINE_PASSED, naming the
 * deadline, the date checked and what is missing.
 */
export function warnDeadlinePassed(
  status: RowStatus,
  asOfDay: number,
  deadlineDay: number,
  publicShortfall: number,
  professionalShortfall: number,
  rs: CompiledRuleSet,
  warnings: RowWarning[],
): void {
  if (status !== '未达标' || !(asOfDay > deadlineDay)) return;
  warnPassed(asOfDay, deadlineDay, publicShortfall, professionalShortfall, rs, warnings);
}

/** DEADLINE_PASSED (apart: a closure in the caller would cost every row an allocation). */
function warnPassed(asOfDay: number, deadlineDay: number, publicShortfall: number, professionalShortfall: number, rs: CompiledRuleSet, warnings: RowWarning[]): void {
  const clause = rs.clause.main6;
  const key = dayPairKey(deadlineDay, asOfDay);
  warnings.push(cachedWarningOf(rs.cache, 'DEADLINE_PASSED', key, publicShortfall, professionalShortfall, () =>
    makeClauseWarning('DEADLINE_PASSED', clause, `完成期限${isoFromDay(deadlineDay)}已过（核对日期${isoFromDay(asOfDay)}），仍缺公需课${fmt(publicShortfall)}学时、专业课${fmt(professionalShortfall)}学时（${clause}）`)));
}
