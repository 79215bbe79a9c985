// Kind hoursYearCap: hours as given, at most so many a year. zaozhuang-2023: 附件1第2条 (自学考试、在职学历教育，每年累计
// 认定专业科目不超过…学时). docs/rules.md §3.
import { fmt } from '../format';
import type { CompiledRuleSet, CompiledSource } from '../rulesets/compile';
import type { RowWarning } from '../types';
import { warningAt } from '../cache';
import { newCapWarning } from './caps';

/** `min(hours, yearCap)`; a cap that removes hours warns with the source's cap code. */
export function creditHoursYearCap(s: CompiledSource, vals: Float64Array, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  const hours = vals[s.input];
  if (!(hours > 0)) return 0;
  if (hours <= s.cap) return hours;
  return capHours(s, hours, rs, warnings);
}

/** The cap (apart: its message is built only for a new warning). */
function capHours(s: CompiledSource, hours: number, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  warnings.push(warningAt(rs.cache, s.code, s.cap, hours, 0) ?? newCapWarning(s.code, s.cap, hours, 0, s.clause, `${s.label}学时超过${fmt(s.cap)}学时上限`, rs));
  return s.cap;
}
