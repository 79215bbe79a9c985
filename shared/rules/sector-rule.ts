// Cross rule sectorRule: a person whose professional subjects the province's sector authority checks has no
// professional requirement here; the hours are still credited and shown. zaozhuang-2023: 正文二(二) (省行业主管部门有要求
// 的应从其规定) and 正文四(二) (省行业主管部门特别要求的，从其规定), a Reading (docs/rules.md §6a).
import { makeClauseWarning } from '../build';
import { keepWarning, warningAt } from '../cache';
import type { CompiledRuleSet } from '../rulesets/compile';
import type { RowWarning } from '../types';

/** true (with PROFESSIONAL_BY_SECTOR) when the row's professional part is checked by the sector. */
export function checkedBySector(vals: Float64Array, rs: CompiledRuleSet, warnings: RowWarning[]): boolean {
  const sector = rs.sector;
  if (sector === null || vals[sector.slot] !== 1) return false;
  warnings.push(warningAt(rs.cache, 'PROFESSIONAL_BY_SECTOR', 0, 0, 0) ?? bySectorWarning(rs));
  return true;
}

/** PROFESSIONAL_BY_SECTOR, built once per rule set. */
function bySectorWarning(rs: CompiledRuleSet): RowWarning {
  const sector = rs.sector as NonNullable<CompiledRuleSet['sector']>;
  const clause = sector.clause;
  return keepWarning(rs.cache, 'PROFESSIONAL_BY_SECTOR', 0, 0, 0, makeClauseWarning('PROFESSIONAL_BY_SECTOR', clause,
    `${sector.header}：专业课由省行业主管部门按本行业规定核对，本表不计专业课要求和缺口，只核对公需课；已填的专业课学时照常列出（${clause}）`));
}
