// 附件1第5条（竞赛类）:
// “参加由行业主管部门组织、人力资源社会保障部门认可的技能竞赛、技术比武、行业性比赛活动，每项（次）计专业科目10学时，每年累计不超过30学时。”
import type { CompiledRuleSet } from '../rulesets/compile';
import type { RowWarning } from '../types';
import { creditCounted } from './caps';

/** 附件1第5条: each competition (技能竞赛、技术比武、行业性比赛) is 10 professional hours, at most 30 a year (CAP_COMPETITIONS). */
export function creditCompetitions(count: number | null, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  return creditCounted(count, rs.v.competitionHours, rs.v.competitionsYearCap, '竞赛', 'CAP_COMPETITIONS', rs.clause.annex1Item5, rs, warnings);
}
