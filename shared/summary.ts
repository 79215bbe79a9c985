// The annual summary (RULES.md §8, CONTRACT.md Summary): groups by unit and department, attention list, totals.
import type { AttentionItem, RosterRowInput, RowResult, Summary, SummaryCounts, SummaryGroup } from './types';
import { textOfCell } from './normalize';

/** How a blank unit or department is shown. */
export const BLANK_GROUP = '（未填）';

type Acc = {
  headcount: number; compliant: number; short: number; pendingEvidence: number; invalid: number;
  sumPublic: number; sumProfessional: number; lostHours: number;
};

function newAcc(): Acc {
  return { headcount: 0, compliant: 0, short: 0, pendingEvidence: 0, invalid: 0, sumPublic: 0, sumProfessional: 0, lostHours: 0 };
}

function add(acc: Acc, r: RowResult, lost: number): void {
  acc.headcount++;
  switch (r.status) {
    case '达标': acc.compliant++; break;
    case '未达标': acc.short++; break;
    case '待补材料': acc.pendingEvidence++; break;
    default: acc.invalid++;
  }
  acc.sumPublic += r.publicHours;
  acc.sumProfessional += r.professionalHours;
  acc.lostHours += lost;
}

function countsOf(acc: Acc): SummaryCounts {
  const valid = acc.headcount - acc.invalid;
  return {
    headcount: acc.headcount,
    compliant: acc.compliant,
    short: acc.short,
    pendingEvidence: acc.pendingEvidence,
    invalid: acc.invalid,
    complianceRate: acc.headcount === 0 ? 0 : acc.compliant / acc.headcount,
    avgPublic: valid === 0 ? 0 : acc.sumPublic / valid,
    avgProfessional: valid === 0 ? 0 : acc.sumProfessional / valid,
    avgTotal: valid === 0 ? 0 : (acc.sumPublic + acc.sumProfessional) / valid,
    lostHours: acc.lostHours,
  };
}

function groupName(v: unknown): string {
  const t = textOfCell(v);
  return t === undefined || t.length === 0 ? BLANK_GROUP : t;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rows' summary. `rows[i]` is the input of `results[i]`; blank rows (status '') are not counted. */
export function summarize(rows: readonly unknown[], results: readonly RowResult[]): Summary {
  const total = newAcc();
  const groups = new Map<string, { unit: string; department: string; acc: Acc }>();
  const attention: AttentionItem[] = [];
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    if (r.status === '') continue;
    const raw = rows[i];
    const row: RosterRowInput = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as RosterRowInput) : {};
    let lost = 0;
    const ws = r.warnings;
    for (let w = 0; w < ws.length; w++) {
      const l = ws[w].lostHours;
      if (l !== undefined) lost += l;
    }
    add(total, r, lost);
    const unit = groupName(row.unit);
    const department = groupName(row.department);
    const key = unit + '\u0000' + department;
    let g = groups.get(key);
    if (g === undefined) {
      g = { unit, department, acc: newAcc() };
      groups.set(key, g);
    }
    add(g.acc, r, lost);
    if (r.status !== '达标') {
      const name = textOfCell(row.name);
      attention.push({
        index: r.index,
        name: name ?? '',
        unit,
        department,
        status: r.status,
        publicShortfall: r.publicShortfall,
        professionalShortfall: r.professionalShortfall,
        deadline: r.deadline,
      });
    }
  }
  const groupList: SummaryGroup[] = [...groups.values()]
    .sort((a, b) => byCodeUnits(a.unit, b.unit) || byCodeUnits(a.department, b.department))
    .map((g) => ({ unit: g.unit, department: g.department, ...countsOf(g.acc) }));
  attention.sort((a, b) => byCodeUnits(a.deadline, b.deadline) || a.index - b.index);
  return { total: countsOf(total), groups: groupList, attention };
}
