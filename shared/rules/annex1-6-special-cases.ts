// 附件1第6条（特殊情况）:
// “有下列情况之一的，经本人所在单位批准，并提交相关证明材料，可按实际在岗时间折算并认定学时：因公派，年度内在境外工作超过6个月的；
// 因受伤、患重病，年度内请病假超过6个月的；女职工休产假的；经省级行业主管部门认定的其他情况。”
// Reading (RULES.md §4): 按实际在岗时间折算 prorates the requirement by months on duty.
import { makeClauseWarning } from '../build';
import { cachedWarning } from '../cache';
import { fmt } from '../format';
import type { CompiledRuleSet } from '../rulesets/compile';
import type { SpecialCaseRule } from '../rulesets/types';
import type { RowWarning } from '../types';

/**
 * 附件1第6条: the months on duty the requirement is prorated by (12 when no special case qualifies).
 * 境外工作/病假 qualify only above 6 absent months (else SPECIAL_CASE_NOT_ELIGIBLE), 产假 above 0, 其他 always with
 * SPECIAL_CASE_NEEDS_PROVINCIAL_APPROVAL; absent months without a case are ignored (ABSENCE_WITHOUT_CASE).
 * `specialCase` must be a known case name; `absentMonths` must be given with a case (the caller reports REQUIRED).
 */
export function monthsOnDutyFor(specialCase: string | null, absentMonths: number | null, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  const basis = rs.v.prorationMonthsPerYear;
  if (specialCase === null) {
    if (absentMonths !== null && absentMonths > 0) warnAbsenceWithoutCase(absentMonths, rs, warnings);
    return basis;
  }
  const rule = rs.specialCaseByName.get(specialCase);
  if (rule === undefined || absentMonths === null) return basis;
  const min = rule.minAbsentMonthsExclusive;
  if (min !== null && !(absentMonths > min)) {
    warnNotEligible(rule, min, absentMonths, rs, warnings);
    return basis;
  }
  if (rule.needsProvincialApproval) warnNeedsApproval(rule, rs, warnings);
  return basis - absentMonths;
}

// The warnings apart: a closure in monthsOnDutyFor would cost every row an allocation.

function warnAbsenceWithoutCase(absentMonths: number, rs: CompiledRuleSet, warnings: RowWarning[]): void {
  const clause = rs.clause.annex1Item6;
  warnings.push(cachedWarning(rs.cache, `ABSENCE_WITHOUT_CASE|${clause}|${absentMonths}`, () =>
    makeClauseWarning('ABSENCE_WITHOUT_CASE', clause, `填写了不在岗${fmt(absentMonths)}个月但未填特殊情况，要求学时未折算；如属境外工作、病假、产假等请填写特殊情况（${clause}）`)));
}

function warnNotEligible(rule: SpecialCaseRule, min: number, absentMonths: number, rs: CompiledRuleSet, warnings: RowWarning[]): void {
  warnings.push(cachedWarning(rs.cache, `SPECIAL_CASE_NOT_ELIGIBLE|${rule.name}|${min}|${absentMonths}`, () =>
    makeClauseWarning('SPECIAL_CASE_NOT_ELIGIBLE', rule.clause, `特殊情况“${rule.name}”须不在岗超过${fmt(min)}个月才能按在岗时间折算（现为${fmt(absentMonths)}个月），按全年要求核对（${rule.clause}）`)));
}

function warnNeedsApproval(rule: SpecialCaseRule, rs: CompiledRuleSet, warnings: RowWarning[]): void {
  warnings.push(cachedWarning(rs.cache, `SPECIAL_CASE_NEEDS_PROVINCIAL_APPROVAL|${rule.name}`, () =>
    makeClauseWarning('SPECIAL_CASE_NEEDS_PROVINCIAL_APPROVAL', rule.clause, `特殊情况“${rule.name}”须经省级行业主管部门认定方可折算，请备齐认定材料（${rule.clause}）`)));
}
