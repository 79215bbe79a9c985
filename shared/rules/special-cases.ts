// Requirement reduction specialCases: for listed cases, the requirement is prorated by the months on duty.
// zaozhuang-2023: 附件1第6条 (按实际在岗时间折算, read as months on duty: a Reading, docs/rules.md §4): abroad and sick
// leave only above so many months, maternity leave for any months, other cases with the provincial authority's approval.
import { makeClauseWarning } from '../build';
import { keepWarning, warningAt } from '../cache';
import { fmt } from '../format';
import type { CompiledRuleSet, CompiledSpecialCases } from '../rulesets/compile';
import type { RowWarning } from '../types';

/**
 * The months on duty the requirement is prorated by (the basis, `rs.basis`, when no case qualifies). A case that needs
 * more months away than given warns SPECIAL_CASE_NOT_ELIGIBLE, one that needs an approval outside the unit
 * SPECIAL_CASE_NEEDS_PROVINCIAL_APPROVAL; months away without a case are ignored (ABSENCE_WITHOUT_CASE). A case
 * without months is an input error the cell reader reports (REQUIRED).
 */
export function monthsOnDutyFor(vals: Float64Array, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  const basis = rs.basis;
  const sc = rs.special;
  if (sc === null) return basis;
  const which = vals[sc.caseSlot];
  const absentMonths = vals[sc.monthsSlot];
  if (which !== which) {
    if (absentMonths > 0) warnings.push(warningAt(rs.cache, 'ABSENCE_WITHOUT_CASE', absentMonths, 0, 0) ?? absenceWithoutCase(sc, absentMonths, rs));
    return basis;
  }
  if (absentMonths !== absentMonths) return basis;
  const rule = sc.rules[which];
  const min = rule.minAbsentMonthsExclusive;
  if (min !== null && !(absentMonths > min)) {
    warnings.push(warningAt(rs.cache, 'SPECIAL_CASE_NOT_ELIGIBLE', which, min, absentMonths) ?? notEligible(sc, which, min, absentMonths, rs));
    return basis;
  }
  if (rule.needsProvincialApproval) warnings.push(warningAt(rs.cache, 'SPECIAL_CASE_NEEDS_PROVINCIAL_APPROVAL', which, 0, 0) ?? needsApproval(sc, which, rs));
  return basis - absentMonths;
}

// The warnings apart, each built once per distinct numbers (warningAt finds it for the next row; the case by its index).

function absenceWithoutCase(sc: CompiledSpecialCases, absentMonths: number, rs: CompiledRuleSet): RowWarning {
  const clause = sc.clause;
  return keepWarning(rs.cache, 'ABSENCE_WITHOUT_CASE', absentMonths, 0, 0, makeClauseWarning('ABSENCE_WITHOUT_CASE', clause,
    `填写了不在岗${fmt(absentMonths)}个月但未填${sc.caseHeader}，要求学时未折算；如属${sc.examples}等请填写${sc.caseHeader}（${clause}）`));
}

function notEligible(sc: CompiledSpecialCases, which: number, min: number, absentMonths: number, rs: CompiledRuleSet): RowWarning {
  const rule = sc.rules[which];
  return keepWarning(rs.cache, 'SPECIAL_CASE_NOT_ELIGIBLE', which, min, absentMonths, makeClauseWarning('SPECIAL_CASE_NOT_ELIGIBLE', rule.clause,
    `${sc.caseHeader}“${rule.name}”须不在岗超过${fmt(min)}个月才能按在岗时间折算（现为${fmt(absentMonths)}个月），按全年要求核对（${rule.clause}）`));
}

function needsApproval(sc: CompiledSpecialCases, which: number, rs: CompiledRuleSet): RowWarning {
  const rule = sc.rules[which];
  return keepWarning(rs.cache, 'SPECIAL_CASE_NEEDS_PROVINCIAL_APPROVAL', which, 0, 0, makeClauseWarning('SPECIAL_CASE_NEEDS_PROVINCIAL_APPROVAL', rule.clause,
    `${sc.caseHeader}“${rule.name}”须经省级行业主管部门认定方可折算，请备齐认定材料（${rule.clause}）`));
}
