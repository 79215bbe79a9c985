// The yearly requirement and what is still missing. zaozhuang-2023: 正文二 (累计应不少于…学时，其中公需课不少于…学时，
// 专业课不少于…学时: the two sides are checked apart), prorated by 附件1第6条 (special-cases.ts); 正文二(二)、四(二) (the
// sector's own rules, a Reading: sector-rule.ts). docs/rules.md §1, §4, §6a.
import type { CompiledRuleSet } from '../rulesets/compile';

/** The public requirement, prorated by the months on duty. */
export function requiredPublicFor(monthsOnDuty: number, rs: CompiledRuleSet): number {
  const basis = rs.basis;
  return monthsOnDuty === basis ? rs.requiredPublic : (rs.requiredPublic * monthsOnDuty) / basis;
}

/** The professional requirement, prorated by the months on duty (0 when the sector checks it: sector-rule.ts). */
export function requiredProfessionalFor(monthsOnDuty: number, rs: CompiledRuleSet): number {
  const basis = rs.basis;
  return monthsOnDuty === basis ? rs.requiredProfessional : (rs.requiredProfessional * monthsOnDuty) / basis;
}

/** The part of a requirement not yet met (never negative). Float noise below 1e-9 counts as met. */
export function shortfallOf(required: number, credited: number): number {
  const s = required - credited;
  return s > 1e-9 ? s : 0;
}
