// Checks made on the header row before anything is sent to the Worker.
import { OUTPUT_HEADERS } from '../../shared/index';
import { headerName, type HeaderMapping } from './layout';

export type Preflight = {
  /** Problems that stop the run (nothing is sent). */
  blocking: string[];
  /** Headers the engine does not know: listed by name; the user must confirm before they are ignored. */
  unknown: string[];
  /** Optional columns that are absent (treated as blank). */
  missingOptional: string[];
};

export function preflight(mapping: HeaderMapping, dataRowCount: number): Preflight {
  const blocking: string[] = [];
  if (mapping.missingRequired.length > 0) {
    blocking.push(`缺少必需的列：${mapping.missingRequired.map(headerName).join('、')}。请在表头行添加后再计算。`);
  }
  for (const d of mapping.duplicates) {
    blocking.push(`列“${headerName(d.key)}”出现了 ${d.indexes.length} 次，无法确定使用哪一列，请删除或改名重复的列。`);
  }
  if (dataRowCount === 0) blocking.push('表头下方没有数据行。');
  const required = new Set<string>(mapping.missingRequired);
  return {
    blocking,
    unknown: mapping.unknown
      .map((u) => u.header)
      .filter((h) => h.trim() !== '' && !(OUTPUT_HEADERS as readonly string[]).includes(h.trim())),
    missingOptional: mapping.missing.filter((k) => !required.has(k)).map(headerName),
  };
}
