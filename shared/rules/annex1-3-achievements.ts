// 附件1第3条（代表性成果类）:
// “代表性成果类：……每项（篇、本）计专业科目10学时，每年累计不超过30学时。”
import type { CompiledRuleSet } from '../rulesets/compile';
import type { RowWarning } from '../types';
import { creditCounted } from './caps';

/** 附件1第3条: each 代表性成果 (项、篇、本) is 10 professional hours, at most 30 a year (CAP_ACHIEVEMENTS). */
export function creditAchievements(count: number | null, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  return creditCounted(count, rs.v.achievementHours, rs.v.achievementsYearCap, '代表性成果', 'CAP_ACHIEVEMENTS', rs.clause.annex1Item3, rs, warnings);
}
