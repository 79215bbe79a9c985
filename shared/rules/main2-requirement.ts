// 正文二（学习内容和要求）:
// “专业技术人员每年参加继续教育累计应不少于90学时，其中公需课不少于30学时，专业课不少于60学时。”
// The requirement, prorated by the months on duty of 附件1第6条 (annex1-6-special-cases.ts), and what is still missing.
import type { CompiledRuleSet } from '../rulesets/compile';

/** 正文二 with 附件1第6条: the public requirement, 30 × onDuty / 12. */
export function requiredPublicFor(monthsOnDuty: number, rs: CompiledRuleSet): number {
  const basis = rs.v.prorationMonthsPerYear;
  return monthsOnDuty === basis ? rs.v.requiredPublic : (rs.v.requiredPublic * monthsOnDuty) / basis;
}

/** 正文二 with 附件1第6条: the professional requirement, 60 × onDuty / 12. */
export function requiredProfessionalFor(monthsOnDuty: number, rs: CompiledRuleSet): number {
  const basis = rs.v.prorationMonthsPerYear;
  return monthsOnDuty === basis ? rs.v.requiredProfessional : (rs.v.requiredProfessional * monthsOnDuty) / basis;
}

/** 正文二: the part of a requirement not yet met (never negative). Float noise below 1e-9 counts as met. */
export function shortfallOf(required: number, credited: number): number {
  const s = required - credited;
  return s > 1e-9 ? s : 0;
}
