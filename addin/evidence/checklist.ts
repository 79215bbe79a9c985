// 审核材料清单 as data (正文四(三): the unit checks each declaration's evidence and rejects what does not meet the
// rules; 附件1第7条 says which evidence backs which hours). One group per person with hours that need evidence.
import { textOfCell } from '../../shared/normalize';
import type { RosterRowInput, RowResult, RowStatus } from '../../shared/types';
import type { RuleSet, RuleSetDuties } from '../../shared/rulesets/types';
import { evidenceNeeded, type EvidenceItem } from '../../shared/evidence';

export type ChecklistPerson = {
  rowNumber: number;
  name: string;
  unit: string;
  department: string;
  status: RowStatus;
  items: EvidenceItem[];
};

export type ChecklistInput = {
  rows: readonly RosterRowInput[];
  results: readonly RowResult[];
  firstDataRowNumber: number;
  ruleSet: RuleSet;
  duties: RuleSetDuties;
};

/** Every person with evidence to check, in roster order. */
export function buildChecklist(input: ChecklistInput): ChecklistPerson[] {
  if (input.rows.length !== input.results.length) throw new Error(`审核材料清单：花名册 ${input.rows.length} 行与计算结果 ${input.results.length} 行不符`);
  const out: ChecklistPerson[] = [];
  input.results.forEach((r, i) => {
    const row = input.rows[i];
    const items = evidenceNeeded(row, r, input.ruleSet, input.duties);
    if (items.length === 0) return;
    out.push({
      rowNumber: input.firstDataRowNumber + i,
      name: textOfCell(row.name) ?? '',
      unit: textOfCell(row.unit) ?? '',
      department: textOfCell(row.department) ?? '',
      status: r.status,
      items,
    });
  });
  return out;
}
