// 附件1第7条（认定依据）:
// “以上继续教育学时的认定以证书、奖状（章、牌）、论文（封面、目录及正文页）、著作（封面、索引、目录页）为依据，其他学习研修项目、
// 活动以培训合格证书或加盖主管部门（单位）公章的证明材料为依据。”
// With RULES.md §6: a row's status. (数据有误 is decided before the rules run: a row with input errors never gets here.)
import type { CompiledRuleSet } from '../rulesets/compile';
import type { RowStatus } from '../types';

/**
 * 附件1第7条: evidence is missing when the row says so (证明材料齐全 = 否) and something needs evidence: hours from
 * any source but the two city-platform columns, or a proration of the requirement (附件1第6条).
 */
export function evidenceMissing(evidenceComplete: boolean, evidencedHours: number, monthsOnDuty: number, rs: CompiledRuleSet): boolean {
  if (evidenceComplete) return false;
  return evidencedHours > 0 || monthsOnDuty !== rs.v.prorationMonthsPerYear;
}

/** RULES.md §6: 未达标 (a shortfall) > 待补材料 (compliant, evidence missing, 附件1第7条) > 达标. */
export function statusFor(publicShortfall: number, professionalShortfall: number, missingEvidence: boolean): RowStatus {
  if (publicShortfall > 0 || professionalShortfall > 0) return '未达标';
  if (missingEvidence) return '待补材料';
  return '达标';
}
