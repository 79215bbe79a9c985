// 附件1第2条（学习类）:
// “学习类：自学考试、在职学历教育，每年累计认定专业科目不超过40学时。参加全国专业技术类职业资格考试……以合格的资格证书为依据，认定专业科目16学时。”
import { fmt } from '../format';
import type { CompiledRuleSet } from '../rulesets/compile';
import type { RowWarning } from '../types';
import { capTo, creditCounted } from './caps';

/** 附件1第2条: 自学考试、在职学历教育 credited as professional hours, at most 40 a year (CAP_DEGREE). */
export function creditDegreeStudy(hours: number | null, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  if (hours === null || hours <= 0) return 0;
  const cap = rs.v.degreeYearCap;
  if (hours <= cap) return hours;
  return capDegree(hours, cap, rs, warnings);
}

/** The cap of creditDegreeStudy (apart: a closure in the caller would cost every row an allocation). */
function capDegree(hours: number, cap: number, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  return capTo(cap, hours, 0, 'CAP_DEGREE', rs.clause.annex1Item2, () => `自考及学历教育学时超过${fmt(cap)}学时上限`, rs, warnings);
}

/**
 * 附件1第2条: each qualifying certificate (资格证书) is 16 professional hours. Reading (docs/rules.md §3): the 40-hour cap's
 * sentence names only 自学考试、在职学历教育, so certificates have no yearly cap (`certificatesYearCap` null); a rule set
 * that sets one caps them with CAP_CERTIFICATES.
 */
export function creditCertificates(count: number | null, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  if (count === null || count <= 0) return 0;
  const each = rs.v.certificateHours;
  const cap = rs.v.certificatesYearCap;
  if (cap === null) return count * each;
  return creditCounted(count, each, cap, '资格证书', 'CAP_CERTIFICATES', rs.clause.annex1Item2, rs, warnings);
}
