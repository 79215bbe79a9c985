// 正文二 (the yearly requirement) and 附件1第6条 (special cases prorate it by months on duty, a Reading).
import { fmt } from '../format';
import type { CompiledRuleSet } from '../rulesets/compile';
import type { RowWarning } from '../types';

/**
 * 附件1第6条: the months on duty the requirement is prorated by (12 when no special case qualifies).
 * 境外工作/病假 qualify only above 6 absent months (else SPECIAL_CASE_NOT_ELIGIBLE), 产假 above 0, 其他 always with
 * SPECIAL_CASE_NEEDS_PROVINCIAL_APPROVAL; absent months without a case are ignored (ABSENCE_WITHOUT_CASE).
 * `specialCase` must be a known case name; `absentMonths` must be given with a case (the caller reports REQUIRED).
 */
export function monthsOnDutyFor(specialCase: string | null, absentMonths: number | null, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  const basis = rs.v.prorationMonthsPerYear;
  const clause = rs.ruleSet.parameters.prorationMonthsPerYear.clause;
  if (specialCase === null) {
    if (absentMonths !== null && absentMonths > 0) {
      warnings.push({
        code: 'ABSENCE_WITHOUT_CASE',
        clause,
        message: `填写了不在岗${fmt(absentMonths)}个月但未填特殊情况，要求学时未折算；如属境外工作、病假、产假等请填写特殊情况（${clause}）`,
      });
    }
    return basis;
  }
  const rule = rs.specialCases.get(specialCase);
  if (rule === undefined || absentMonths === null) return basis;
  const min = rule.minAbsentMonthsExclusive;
  if (min !== null && !(absentMonths > min)) {
    warnings.push({
      code: 'SPECIAL_CASE_NOT_ELIGIBLE',
      clause: rule.clause,
      message: `特殊情况“${rule.name}”须不在岗超过${fmt(min)}个月才能按在岗时间折算（现为${fmt(absentMonths)}个月），按全年要求核对（${rule.clause}）`,
    });
    return basis;
  }
  if (rule.needsProvincialApproval) {
    warnings.push({
      code: 'SPECIAL_CASE_NEEDS_PROVINCIAL_APPROVAL',
      clause: rule.clause,
      message: `特殊情况“${rule.name}”须经省级行业主管部门认定方可折算，请备齐认定材料（${rule.clause}）`,
    });
  }
  return basis - absentMonths;
}

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
