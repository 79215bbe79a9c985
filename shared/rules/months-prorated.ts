// Kind monthsProrated: a year's public and professional hours, prorated by month. zaozhuang-2023: 附件1第4条 (援派、
// 支教、支农、支医、扶贫：每年可按公需科目…学时、专业科目…学时认定，不足一年的，按月份比例计算). docs/rules.md §3.
import type { CompiledSource } from '../rulesets/compile';

/** The public hours of `months` months (each: the public hours per month). */
export function monthsPublic(s: CompiledSource, vals: Float64Array): number {
  const months = vals[s.input];
  return months === months ? months * s.each : 0;
}

/** The professional hours of `months` months (eachProfessional: the professional hours per month). */
export function monthsProfessional(s: CompiledSource, vals: Float64Array): number {
  const months = vals[s.input];
  return months === months ? months * s.eachProfessional : 0;
}
