// The same ID number on several rows of the whole roster (docs/rules.md §9), across every call and every sheet given.
import { isSpaceCode, toHalfWidth } from '../normalize';
import type { RosterRowInput, RowResult } from '../types';
import { sheetRowLabel } from './messages';
import type { DuplicateId, PlacedResult, RosterPlan } from './types';

/** Longest ID text compared (an ID number is 18 characters; longer text is not an ID). */
const MAX_ID_LENGTH = 64;
const PLACEHOLDERS: ReadonlySet<string> = new Set(['/', '-', '—', '——', '无']);

/** docs/rules.md §9: an ID number as compared (spaces removed, full-width folded, upper-cased), or null if it never counts. */
export function idKey(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_ID_LENGTH * 4) return null;
  if (isPlainId(value)) return value.toUpperCase();
  const folded = toHalfWidth(value);
  let key = '';
  for (let i = 0; i < folded.length; i++) {
    if (!isSpaceCode(folded.charCodeAt(i))) key += folded[i];
  }
  if (key === '' || key.length > MAX_ID_LENGTH || key.startsWith('#') || PLACEHOLDERS.has(key)) return null;
  return key.toUpperCase();
}

/** The usual ID text: digits and X only, nothing to fold or remove (the key is the text, upper-cased). */
function isPlainId(s: string): boolean {
  if (s.length === 0 || s.length > MAX_ID_LENGTH) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x30 || c > 0x39) && c !== 0x58 && c !== 0x78) return false;
  }
  return true;
}

/** Every ID number found on more than one row of the plans (sheet rows sent for computing), in first-seen order. */
export function findCrossDuplicates(plans: readonly RosterPlan[]): DuplicateId[] {
  // key → where it was first seen (plan, row index), and the entry once it is seen again
  const first = new Map<string, number>();
  const repeated = new Map<string, { order: number; entry: DuplicateId }>();
  const where = (code: number): { sheetName: string; sheetRow: number } => {
    const plan = plans[Math.floor(code / 0x200000)];
    return { sheetName: plan.sheetName, sheetRow: plan.rows[code % 0x200000].sheetRow };
  };
  plans.forEach((plan, p) => {
    plan.rows.forEach((row, i) => {
      if (row.input === null) return;
      const key = idKey(row.input.idNumber);
      if (key === null) return;
      const code = p * 0x200000 + i;
      const seen = first.get(key);
      if (seen === undefined) first.set(key, code);
      else {
        const r = repeated.get(key);
        if (r) r.entry.at.push(where(code));
        else repeated.set(key, { order: seen, entry: { idNumber: key, at: [where(seen), where(code)] } });
      }
    });
  });
  return [...repeated.values()].sort((a, b) => a.order - b.order).map((r) => r.entry);
}

/** The rows to evaluate, in sheet order (blank and excluded rows are not sent). */
export function rowsToSend(plan: RosterPlan): RosterRowInput[] {
  const out: RosterRowInput[] = [];
  for (const row of plan.rows) if (row.input !== null) out.push(row.input);
  return out;
}

const KEPT_WARNINGS = new Set(['ID_CHECKSUM', 'ID_AS_NUMBER']);

/** docs/rules.md §7/§9: a row whose ID number repeats is 数据有误 and credits nothing; the error names the other sheet rows. */
export function markDuplicate(result: RowResult, message: string): RowResult {
  return {
    ...result,
    status: '数据有误',
    publicHours: 0,
    professionalHours: 0,
    totalHours: 0,
    requiredPublic: 0,
    requiredProfessional: 0,
    publicShortfall: 0,
    professionalShortfall: 0,
    breakdown: [],
    warnings: result.warnings.filter((w) => KEPT_WARNINGS.has(w.code)),
    errors: [...result.errors.filter((e) => e.code !== 'DUPLICATE_ID'), { field: 'idNumber', code: 'DUPLICATE_ID', message }],
  };
}

export function duplicateMessage(others: readonly { sheetName: string; sheetRow: number }[], here: string): string {
  const labels = others.slice(0, 5).map((o) => sheetRowLabel(o.sheetName, o.sheetRow, here));
  const more = others.length > 5 ? `等 ${others.length} 行` : '';
  return `身份证号与${labels.join('、')}${more}相同：同一个人只能占一行，请合并为一行。`;
}

/**
 * The results of rowsToSend(plan), placed back on plan.rows (null where a row was not sent), with every row of a
 * cross-roster duplicate made 数据有误 naming the other sheet rows.
 */
export function placeResults(plan: RosterPlan, results: readonly RowResult[], duplicates: readonly DuplicateId[] = []): PlacedResult[] {
  const sent = plan.rows.reduce((n, r) => (r.input === null ? n : n + 1), 0);
  if (results.length !== sent) throw new Error(`内部错误：发送 ${sent} 行，收到 ${results.length} 行结果`);
  const dupAt = new Map<number, DuplicateId>();
  for (const d of duplicates) for (const a of d.at) if (a.sheetName === plan.sheetName) dupAt.set(a.sheetRow, d);
  let k = 0;
  return plan.rows.map((row, i) => {
    if (row.input === null) return null;
    const r = { ...results[k++], index: i };
    const d = dupAt.get(row.sheetRow);
    if (d === undefined) return r;
    const others = d.at.filter((a) => !(a.sheetName === plan.sheetName && a.sheetRow === row.sheetRow));
    return markDuplicate(r, duplicateMessage(others, plan.sheetName));
  });
}
