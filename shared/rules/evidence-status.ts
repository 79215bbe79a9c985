// Cross rule evidenceStatus, and the status of a row. zaozhuang-2023: 附件1第7条 (学时的认定以证书、奖状、论文、著作……
// 为依据): hours that need evidence (every source with an `evidence` entry, and a prorated requirement) with 证明材料齐全
// = 否 make a row that has enough hours 待补材料. docs/rules.md §6. (数据有误 is decided before: a row with input errors
// never gets here.)
import type { CompiledRuleSet } from '../rulesets/compile';
import type { RowStatus } from '../types';

/** Evidence is missing when the row says so and something needs evidence: evidenced hours, or a proration. */
export function evidenceMissing(vals: Float64Array, evidencedHours: number, monthsOnDuty: number, rs: CompiledRuleSet): boolean {
  const e = rs.evidence;
  if (e === null || vals[e.slot] !== 0) return false;
  return evidencedHours > 0 || monthsOnDuty !== rs.basis;
}

/** docs/rules.md §6: 未达标 (a shortfall) > 待补材料 (compliant, evidence missing) > 达标. */
export function statusFor(publicShortfall: number, professionalShortfall: number, missingEvidence: boolean): RowStatus {
  if (publicShortfall > 0 || professionalShortfall > 0) return '未达标';
  if (missingEvidence) return '待补材料';
  return '达标';
}
