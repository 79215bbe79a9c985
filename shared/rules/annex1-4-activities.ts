// 附件1第4条（活动类）:
// “活动类：……受邀专家，按实际工作时间认定，每天不超过专业科目8学时，往返和休息时间除外。参加各级党委、政府组织的援派，
// 以及到基层参加支教、支农、支医、扶贫等工作的专业技术人员，援派期间每年可按公需科目30学时、专业科目60学时认定。不足一年的，按月份比例计算。”
import { fmt } from '../format';
import type { CompiledRuleSet } from '../rulesets/compile';
import type { RowWarning } from '../types';
import { capTo, warnDaysMissing, warnHoursMissing } from './caps';

/**
 * 附件1第4条: experts are credited by actual working time (按实际工作时间认定), at most 8 professional hours a day:
 * `min(expertHours, 8 × expertDays)`; days blank → expertHours with DAYS_MISSING; hours blank with days above 0 →
 * 0 and HOURS_MISSING (8 a day is a ceiling, not a default: docs/rules.md §3). No yearly cap.
 */
export function creditExperts(days: number | null, hours: number | null, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  const perDay = rs.v.expertHoursPerDay;
  const clause = rs.clause.annex1Item4;
  if (days === null) {
    if (hours === null || hours <= 0) return 0;
    warnDaysMissing('专家活动', hours, perDay, clause, rs, warnings);
    return hours;
  }
  if (hours === null) {
    if (days > 0) warnHoursMissing('专家活动', days, perDay, clause, rs, warnings);
    return 0;
  }
  const dailyMax = perDay * days;
  if (hours <= dailyMax) return hours;
  return capExpertDays(hours, days, perDay, dailyMax, clause, rs, warnings);
}

/** The daily cap of creditExperts (apart: a closure in the caller would cost every row an allocation). */
function capExpertDays(hours: number, days: number, perDay: number, dailyMax: number, clause: string, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  return capTo(dailyMax, hours, days, 'CAP_EXPERT_DAILY', clause,
    () => `专家活动${fmt(hours)}学时超过每天${fmt(perDay)}学时上限（${fmt(days)}天最多${fmt(dailyMax)}学时）`, rs, warnings);
}

/** 附件1第4条: aid postings earn public 30 and professional 60 a year, by month: 2.5 and 5 per month. */
export function creditAidPublic(months: number | null, rs: CompiledRuleSet): number {
  return months === null ? 0 : months * rs.v.aidPublicPerMonth;
}

/** 附件1第4条: the professional part of an aid posting, 5 per month. */
export function creditAidProfessional(months: number | null, rs: CompiledRuleSet): number {
  return months === null ? 0 : months * rs.v.aidProfessionalPerMonth;
}
