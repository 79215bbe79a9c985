// 附件1第2条 学习类.
import { fmt } from '../format';
import { capTo } from './cap';
import type { CompiledRuleSet } from '../rulesets/compile';
import type { RowWarning } from '../types';

/** 附件1第2条: 自学考试、在职学历教育 credited as professional hours, at most 40 a year (CAP_DEGREE). */
export function creditDegreeStudy(hours: number | null, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  if (hours === null || hours <= 0) return 0;
  const cap = rs.v.degreeYearCap;
  if (hours <= cap) return hours;
  return capTo(cap, hours, 'CAP_DEGREE', rs.ruleSet.parameters.degreeYearCap.clause,
    `自考及学历教育学时超过${fmt(cap)}学时上限`, warnings);
}

/** 附件1第2条: each qualifying certificate (资格证书) is 16 professional hours; no yearly cap. */
export function creditCertificates(count: number | null, rs: CompiledRuleSet): number {
  return count === null ? 0 : count * rs.v.certificateHours;
}
