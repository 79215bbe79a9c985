// 正文二 and 附件1第7条: a row's status, in order of precedence (RULES.md §6).
import type { RowStatus } from '../types';

/** 正文二: the part of a requirement not yet met (never negative). Float noise below 1e-9 counts as met. */
export function shortfallOf(required: number, credited: number): number {
  const s = required - credited;
  return s > 1e-9 ? s : 0;
}

/**
 * RULES.md §6: 数据有误 (input errors) > 未达标 (a shortfall) > 待补材料 (compliant, but evidence missing for hours
 * or a proration that need it, 附件1第7条) > 达标.
 */
export function statusFor(hasErrors: boolean, publicShortfall: number, professionalShortfall: number, evidenceMissing: boolean): RowStatus {
  if (hasErrors) return '数据有误';
  if (publicShortfall > 0 || professionalShortfall > 0) return '未达标';
  if (evidenceMissing) return '待补材料';
  return '达标';
}
