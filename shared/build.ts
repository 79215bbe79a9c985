// One builder function per output shape (result, breakdown item, warning, attention entry).
//
// Why: V8 gives every object built by the same literal one hidden class, and settles each field's representation from
// the values it sees first. A numeric field that has only ever held small integers is "Smi"; the first fraction makes
// it "Double", and from then on every object of that class boxes the field in a 16-byte heap number — 30 and 60 too.
// A field that has held a non-number is "Tagged": small integers are stored inline, only fractions are boxed. Each
// builder below is therefore called at load with non-number values in its numeric fields (`primeTagged`), so the
// class starts out Tagged and whole hours cost nothing. V8 settles the literal's class only after the function has
// run a while: measured on Node 20 (answer retained per row, 100,000 bench rows), priming 1, 3 or 10 times changed
// nothing (387 bytes/row), 30, 50, 100 or 1,000 times gave 296–299 bytes/row. PRIME_CALLS is well above that.
import type { AttentionItem, BreakdownItem, RowError, RowResult, RowStatus, RowWarning, WarningCode } from './types';

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

const PRIME_CALLS = 200;

/** Makes each builder's hidden class hold its numeric fields as Tagged (see above). The objects are dropped. */
function primeTagged(): void {
  const x = '' as unknown as number;
  for (let i = 0; i < PRIME_CALLS; i++) {
    makeResult(x, '', x, x, x, x, x, x, x, '', [], [], []);
    makeItem('', '', x, x);
    makeLossWarning('CAP_TRAINING', '', x, '');
    makeAttention(x, '', '', '', '', x, x, '');
  }
}
primeTagged();

/** The empty list every result without breakdown items, warnings or errors shares (frozen: callers never mutate results). */
export const NO_ITEMS: BreakdownItem[] = Object.freeze([]) as unknown as BreakdownItem[];
export const NO_WARNINGS: RowWarning[] = Object.freeze([]) as unknown as RowWarning[];
export const NO_ERRORS: RowError[] = Object.freeze([]) as unknown as RowError[];

/** An exact-size copy of a scratch list (a list grown by push reserves room for 17), or the shared empty list. */
export function exactCopy<T>(scratch: T[], empty: T[]): T[] {
  const n = scratch.length;
  if (n === 0) return empty;
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = scratch[i];
  return out;
}
