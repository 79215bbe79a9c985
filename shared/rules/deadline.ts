// The deadline: everyone by the year end; a title applicant by the n-th working day before the submission date,
// counted back under the holiday calendar (调休 included), never after the year end. zaozhuang-2023: 正文六
// (学习时间截至年底；参加职称评聘的专业技术人员，应于申报材料前…个工作日完成). docs/rules.md §5.
import { makeClauseWarning } from '../build';
import { cachedDayBefore, dayPairKey, keepWarning, warningAt } from '../cache';
import { isoFromDay } from '../dates';
import { fmt } from '../format';
import type { CompiledRuleSet } from '../rulesets/compile';
import type { RowStatus, RowWarning } from '../types';

/**
 * The deadline as a day number. A submission early in the next year still counts back (into the year's last days),
 * any later one gives the year end. An applicant without a date → the year end and TITLE_DATE_MISSING; a date
 * before the calendar's first year → weekends only and CALENDAR_UNKNOWN (later years are covered by the data or
 * clamped).
 */
export function deadlineFor(vals: Float64Array, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  const yearEnd = rs.yearEndDay;
  const d = rs.deadline;
  if (d.applicantSlot < 0 || vals[d.applicantSlot] !== 1) return yearEnd;
  const submissionDay = vals[d.submissionSlot];
  if (submissionDay !== submissionDay) {
    warnings.push(warningAt(rs.cache, 'TITLE_DATE_MISSING', 0, 0, 0) ?? dateMissing(rs));
    return yearEnd;
  }
  if (submissionDay < rs.calendar.firstKnownDay) warnings.push(warningAt(rs.cache, 'CALENDAR_UNKNOWN', submissionDay, 0, 0) ?? calendarUnknown(submissionDay, rs));
  const day = cachedDayBefore(rs.cache, submissionDay, d.workingDays, rs.calendar);
  return day > yearEnd ? yearEnd : day;
}

// The warnings apart, each built once per distinct numbers (warningAt finds it for the next row).

function dateMissing(rs: CompiledRuleSet): RowWarning {
  const d = rs.deadline;
  const clause = d.clause;
  return keepWarning(rs.cache, 'TITLE_DATE_MISSING', 0, 0, 0, makeClauseWarning('TITLE_DATE_MISSING', clause,
    `${d.applicantHeader}但未填${d.submissionHeader}，完成期限暂按${rs.yearEnd}，请补填提交日期（${clause}）`));
}

function calendarUnknown(submissionDay: number, rs: CompiledRuleSet): RowWarning {
  const clause = rs.deadline.clause;
  return keepWarning(rs.cache, 'CALENDAR_UNKNOWN', submissionDay, 0, 0, makeClauseWarning('CALENDAR_UNKNOWN', clause,
    `节假日安排只收录了${rs.ruleSet.calendar.years.join('、')}年，提交日期${isoFromDay(submissionDay)}前的工作日按周一至周五推算，请人工核对（${clause}）`));
}

/**
 * With a check date (`asOfDay`, NaN = no check): a row still 未达标 after its deadline gets DEADLINE_PASSED, naming
 * the deadline, the date checked and what is missing.
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
  const key = dayPairKey(deadlineDay, asOfDay);
  warnings.push(warningAt(rs.cache, 'DEADLINE_PASSED', key, publicShortfall, professionalShortfall)
    ?? deadlinePassed(key, asOfDay, deadlineDay, publicShortfall, professionalShortfall, rs));
}

function deadlinePassed(key: number, asOfDay: number, deadlineDay: number, publicShortfall: number, professionalShortfall: number, rs: CompiledRuleSet): RowWarning {
  const clause = rs.deadline.clause;
  return keepWarning(rs.cache, 'DEADLINE_PASSED', key, publicShortfall, professionalShortfall, makeClauseWarning('DEADLINE_PASSED', clause,
    `完成期限${isoFromDay(deadlineDay)}已过（核对日期${isoFromDay(asOfDay)}），仍缺公需课${fmt(publicShortfall)}学时、专业课${fmt(professionalShortfall)}学时（${clause}）`));
}
