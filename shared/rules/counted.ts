// 附件1第3条 代表性成果 and 附件1第5条 竞赛: a number of items, hours each, with a yearly cap.
import { fmt } from '../format';
import { capTo } from './cap';
import type { CompiledRuleSet } from '../rulesets/compile';
import type { CapCode } from '../codes';
import type { RowWarning } from '../types';

function creditCounted(count: number | null, each: number, cap: number, what: string, code: CapCode, clause: string, warnings: RowWarning[]): number {
  if (count === null || count <= 0) return 0;
  const claimed = count * each;
  if (claimed <= cap) return claimed;
  return capTo(cap, claimed, code, clause, `${what}${fmt(count)}项计${fmt(claimed)}学时，超过${fmt(cap)}学时上限`, warnings);
}

/** 附件1第3条: each 代表性成果 (项、篇、本) is 10 professional hours, at most 30 a year (CAP_ACHIEVEMENTS). */
export function creditAchievements(count: number | null, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  return creditCounted(count, rs.v.achievementHours, rs.v.achievementsYearCap, '代表性成果', 'CAP_ACHIEVEMENTS',
    rs.ruleSet.parameters.achievementsYearCap.clause, warnings);
}

/** 附件1第5条: each competition (技能竞赛、技术比武、行业性比赛) is 10 professional hours, at most 30 a year (CAP_COMPETITIONS). */
export function creditCompetitions(count: number | null, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  return creditCounted(count, rs.v.competitionHours, rs.v.competitionsYearCap, '竞赛', 'CAP_COMPETITIONS',
    rs.ruleSet.parameters.competitionsYearCap.clause, warnings);
}
