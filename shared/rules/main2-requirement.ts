// 正文二（学习内容和要求）:
// “专业技术人员每年参加继续教育累计应不少于90学时，其中公需课不少于30学时，专业课不少于60学时。”
// The requirement, prorated by the months on duty of 附件1第6条 (annex1-6-special-cases.ts), and what is still missing.
// 正文二(二): “专业技术人员进行专业科目学习，……省行业主管部门有要求的应从其规定”; 正文四(二): “省行业主管部门特别要求的，从其规定。”
// Reading (docs/rules.md §6a): a person whose professional subjects the sector checks has no professional requirement here.
import { makeClauseWarning } from '../build';
import { cachedWarning } from '../cache';
import type { CompiledRuleSet } from '../rulesets/compile';
import type { RowWarning } from '../types';

/** 正文二 with 附件1第6条: the public requirement, 30 × onDuty / 12. */
export function requiredPublicFor(monthsOnDuty: number, rs: CompiledRuleSet): number {
  const basis = rs.v.prorationMonthsPerYear;
  return monthsOnDuty === basis ? rs.v.requiredPublic : (rs.v.requiredPublic * monthsOnDuty) / basis;
}

/**
 * 正文二 with 附件1第6条: the professional requirement, 60 × onDuty / 12. With 正文二(二) (专业课按行业规定 = 是): 0, so
 * no professional shortfall, and PROFESSIONAL_BY_SECTOR says the sector checks it; the professional hours are still
 * credited and shown (the caller credits them as usual).
 */
export function requiredProfessionalFor(monthsOnDuty: number, bySector: boolean, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  if (bySector) {
    const clause = rs.clause.main2Item2;
    warnings.push(cachedWarning(rs.cache, `PROFESSIONAL_BY_SECTOR|${clause}`, () => makeClauseWarning('PROFESSIONAL_BY_SECTOR', clause,
      `专业课按行业规定：专业课由省行业主管部门按本行业规定核对，本表不计专业课要求和缺口，只核对公需课；已填的专业课学时照常列出（${clause}）`)));
    return 0;
  }
  const basis = rs.v.prorationMonthsPerYear;
  return monthsOnDuty === basis ? rs.v.requiredProfessional : (rs.v.requiredProfessional * monthsOnDuty) / basis;
}

/** 正文二: the part of a requirement not yet met (never negative). Float noise below 1e-9 counts as met. */
export function shortfallOf(required: number, credited: number): number {
  const s = required - credited;
  return s > 1e-9 ? s : 0;
}
