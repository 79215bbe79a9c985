// 附件1第2条（学习类）:
// “学习类：自学考试、在职学历教育，每年累计认定专业科目不超过40学时。参加全国专业技术类职业资格考试……以合格的资格证书为依据，认定专业科目16学时。”
import { fmt } from '../format';
import type { CompiledRuleSet } from '../rulesets/compile';
import type { RowWarning } from '../types';
import { capTo } from './caps';

/** 附件1第2条: 自学考试、在职学历教育 credited as professional hours, at most 40 a year (CAP_DEGREE). */
export function creditDegreeStudy(hours: number | null, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  if (hours === null || hours <= 0) return 0;
  const cap = rs.v.degreeYearCap;
  if (hours <= cap) return hours;
  return capTo(cap, hours, 0, 'CAP_DEGREE', rs.clause.annex1Item2, () => `自考及学历教育学时超过${fmt(cap)}学时上限`, rs, warnings);
}

/** 附件1第2条: each qualifying certificate (资格证书) is 16 professional hours; no yearly cap. */
export function creditCertificates(count: number | null, rs: CompiledRuleSet): number {
  return count === null ? 0 : count * rs.v.certificateHours;
}
