// Kind hoursAsGiven: hours credited in full, as the roster gives them. zaozhuang-2023: the city platform's public and
// professional hours (正文二(一)(二)、四(二): 市平台学时直接对接至省平台, no evidence) and hours transferred from another
// city (正文四(三): 凭调出地证明合并计算).
import type { CompiledSource } from '../rulesets/compile';

/** The hours as given; a blank cell is 0. */
export function creditHoursAsGiven(s: CompiledSource, vals: Float64Array): number {
  const hours = vals[s.input];
  return hours === hours ? hours : 0;
}
