// One builder function per output shape (result, breakdown item, warning, attention entry).
//
// Why: each builder is one object literal, so every object of a shape shares one hidden class and the code that
// reads results stays monomorphic. Measured on Node 20 with `npm run bench` (100,000 rows): calling the builders
// 30+ times at load with non-number values in the numeric fields makes V8 store those fields Tagged (whole hours
// inline instead of 16-byte boxes): answer retained 387 → 296 bytes/row, but evaluate ran 20–30% slower in the same
// run (generic stores), so it is not done. (Priming only 1–10 times changed nothing: V8 settles a literal's class
// only after the function has run a while.)
import type { AttentionItem, BreakdownItem, RowError, RowResult, RowStatus, RowWarning, SummaryCounts, SummaryGroup, WarningCode } from './types';

export function makeResult(
  index: number,
  status: RowStatus,
  publicHours: number,
  professionalHours: number,
  totalHours: number,
  requiredPublic: number,
  requiredProfessional: number,
  publicShortfall: number,
  professionalShortfall: number,
  deadline: string,
  breakdown: BreakdownItem[],
  warnings: RowWarning[],
  errors: RowError[],
): RowResult {
  return {
    index, status, publicHours, professionalHours, totalHours, requiredPublic, requiredProfessional, publicShortfall,
    professionalShortfall, deadline, breakdown, warnings, errors,
  };
}

export function makeItem(clause: string, label: string, pub: number, professional: number): BreakdownItem {
  return { clause, label, public: pub, professional };
}

/** A warning that removed hours (a cap, unfiled training): code, clause, lostHours, message. */
export function makeLossWarning(code: WarningCode, clause: string, lostHours: number, message: string): RowWarning {
  return { code, clause, lostHours, message };
}

/** A warning citing a clause. */
export function makeClauseWarning(code: WarningCode, clause: string, message: string): RowWarning {
  return { code, clause, message };
}

/** A warning without a clause (ID checks, total rows). */
export function makeNoteWarning(code: WarningCode, message: string): RowWarning {
  return { code, message };
}

export function makeAttention(
  index: number,
  name: string,
  unit: string,
  department: string,
  status: string,
  publicShortfall: number,
  professionalShortfall: number,
  deadline: string,
): AttentionItem {
  return { index, name, unit, department, status, publicShortfall, professionalShortfall, deadline };
}

/**
 * A summary group: its unit and department, then its counts. One literal, not `{ unit, department, ...counts }`: the
 * spread built each group field by field (7–15 µs for 30 groups against 1–1.5, per call: a Worker's request makes
 * its groups every time).
 */
export function makeGroup(unit: string, department: string, c: SummaryCounts): SummaryGroup {
  return {
    unit, department, headcount: c.headcount, compliant: c.compliant, short: c.short, pendingEvidence: c.pendingEvidence,
    invalid: c.invalid, complianceRate: c.complianceRate, avgPublic: c.avgPublic, avgProfessional: c.avgProfessional,
    avgTotal: c.avgTotal, lostHours: c.lostHours, professionalBySector: c.professionalBySector,
  };
}

/** The empty list every result without breakdown items, warnings or errors shares (frozen: callers never mutate results). */
export const NO_ITEMS: BreakdownItem[] = Object.freeze([]) as unknown as BreakdownItem[];
export const NO_WARNINGS: RowWarning[] = Object.freeze([]) as unknown as RowWarning[];
export const NO_ERRORS: RowError[] = Object.freeze([]) as unknown as RowError[];

/**
 * An exact-size copy of a scratch list from `from` on (a list grown by push reserves room for 17), or the shared
 * empty list.
 */
export function exactCopy<T>(scratch: readonly T[], empty: T[], from = 0): T[] {
  const n = scratch.length - from;
  if (n <= 0) return empty;
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = scratch[from + i];
  return out;
}
