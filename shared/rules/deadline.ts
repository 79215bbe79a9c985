// 正文六: when the hours must be complete.
import { nthWorkingDayBefore } from '../calendar';
import { isoFromDay } from '../dates';
import type { CompiledRuleSet } from '../rulesets/compile';
import type { RowWarning } from '../types';

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
  const clause = rs.ruleSet.parameters.deadlineWorkingDays.clause;
  if (submissionDay === null) {
    warnings.push({
      code: 'TITLE_DATE_MISSING',
      clause,
      message: `申报职称但未填职称材料提交日期，完成期限暂按${rs.v.yearEnd}，请补填提交日期（${clause}）`,
    });
    return yearEnd;
  }
  if (submissionDay < rs.calendar.firstKnownDay) {
    warnings.push({
      code: 'CALENDAR_UNKNOWN',
      clause,
      message: `节假日安排只收录了${rs.ruleSet.calendar.years.join('、')}年，提交日期${isoFromDay(submissionDay)}前的工作日按周一至周五推算，请人工核对（${clause}）`,
    });
  }
  const d = nthWorkingDayBefore(submissionDay, rs.v.deadlineWorkingDays, rs.calendar);
  return d > yearEnd ? yearEnd : d;
}
