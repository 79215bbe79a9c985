// The answer of one evaluate call as columns: what the rules found for each credited row, written into typed arrays
// and flat lists (breakdown hours by source, shared warnings) while the rows are read. Two readers: the RowResult
// objects are built from it in one pass afterwards (resultsFromColumns), and the compact answer is written from it
// directly, with no per-row object at all (shared/compact-json.ts).
//
// Why (measured with `npm run bench`, see docs/benchmark-log.md): built in the row loop, every result object lives
// among the short-lived garbage of reading cells, so each young-generation GC copies the results made so far; built
// in a loop of their own, after the garbage is gone, they cost a third of the GC time (87 → 29 ms per 100,000 rows)
// and evaluate is ~1.2× faster with an identical answer.
import { NO_ERRORS, NO_ITEMS, NO_WARNINGS, makeResult } from './build';
import { cachedIsoDay, cachedItem } from './cache';
import { objectList } from './object-list';
import { shortfallOf } from './rules/requirement';
import { creditSlot, type CompiledRuleSet } from './rulesets/compile';
import type { BreakdownItem, RowResult, RowStatus, RowWarning } from './types';

/** The statuses a credited row can have, by their code in `status` (0: the row's result was built directly). */
const STATUS_OF: readonly RowStatus[] = ['', '达标', '未达标', '待补材料'];

/** A credited row's status code in `status`: 1 达标, 2 未达标, 3 待补材料. */
export function statusCode(s: RowStatus): number {
  return s === '达标' ? 1 : s === '未达标' ? 2 : s === '待补材料' ? 3 : 0;
}

/**
 * Numbers per row in `hours`: public, professional, required public, required professional. The shortfalls are not
 * kept: each is shortfallOf(required, credited) (rules/requirement.ts), worked out again where it is read.
 */
export const HOURS = 4;

export type ResultColumns = {
  /** 0: the row's result was built as an object (blank, 数据有误, not a person); else statusCode. */
  status: Uint8Array;
  hours: Float64Array;
  deadlineDay: Float64Array;
  /**
   * Row i's breakdown items are k = itemStart[i] … itemStart[i] + itemCount[i] − 1: source itemSource[k] (an index
   * of the rule set's sources, orders.sources) credited itemHours[2k] public and itemHours[2k + 1] professional hours.
   */
  itemStart: Int32Array;
  itemCount: Uint8Array;
  itemSource: Uint8Array;
  itemHours: Float64Array;
  /** Items recorded so far (the two item arrays grow by doubling). */
  items: number;
  warningStart: Int32Array;
  warningCount: Uint8Array;
  warnings: RowWarning[];
};

/** Room for breakdown items per row when the columns are made (they grow when a call needs more). */
const ITEMS_PER_ROW = 4;

export function newResultColumns(rows: number): ResultColumns {
  return {
    status: new Uint8Array(rows),
    hours: new Float64Array(rows * HOURS),
    deadlineDay: new Float64Array(rows),
    itemStart: new Int32Array(rows),
    itemCount: new Uint8Array(rows),
    // four items a row to start with: rows have the city platform's public and professional hours and often more
    // (2.9 items a row on `npm run bench`'s rows); with two, every call grew the lists once (copying them)
    itemSource: new Uint8Array(rows * ITEMS_PER_ROW + 8),
    itemHours: new Float64Array((rows * ITEMS_PER_ROW + 8) * 2),
    items: 0,
    warningStart: new Int32Array(rows),
    warningCount: new Uint8Array(rows),
    warnings: objectList<RowWarning>(),
  };
}

/**
 * Records a credited row, whose warnings are `c.warnings` from `warningsFrom` on (the rules pushed them there); its
 * breakdown is recorded by the caller (recordBreakdown).
 */
export function writeRow(
  c: ResultColumns,
  index: number,
  status: RowStatus,
  publicHours: number,
  professionalHours: number,
  requiredPublic: number,
  requiredProfessional: number,
  deadlineDay: number,
  warningsFrom: number,
): void {
  c.status[index] = statusCode(status);
  const h = c.hours;
  const b = index * HOURS;
  h[b] = publicHours;
  h[b + 1] = professionalHours;
  h[b + 2] = requiredPublic;
  h[b + 3] = requiredProfessional;
  c.deadlineDay[index] = deadlineDay;
  c.warningStart[index] = warningsFrom;
  c.warningCount[index] = c.warnings.length - warningsFrom;
}

/**
 * Records row `index`'s breakdown: one item per visited source (`visited[0 … n)`, in the rule set's source order)
 * with credited hours (`credits`, by creditSlot); returns how many.
 */
export function recordBreakdown(c: ResultColumns, index: number, credits: Float64Array, visited: Int32Array, n: number): number {
  if (c.items + n > c.itemSource.length) growItems(c, n);
  const src = c.itemSource;
  const hrs = c.itemHours;
  const start = c.items;
  let at = start;
  for (let k = 0; k < n; k++) {
    const i = visited[k];
    const pub = credits[creditSlot(i, 0)];
    const pro = credits[creditSlot(i, 1)];
    if (pub > 0 || pro > 0) {
      src[at] = i;
      hrs[2 * at] = pub;
      hrs[2 * at + 1] = pro;
      at++;
    }
  }
  c.itemStart[index] = start;
  c.itemCount[index] = at - start;
  c.items = at;
  return at - start;
}

/** Doubles the item arrays (room for at least `more` items). */
function growItems(c: ResultColumns, more: number): void {
  const size = Math.max(c.itemSource.length * 2, c.items + more);
  const src = new Uint8Array(size);
  src.set(c.itemSource.subarray(0, c.items));
  const hrs = new Float64Array(size * 2);
  hrs.set(c.itemHours.subarray(0, c.items * 2));
  c.itemSource = src;
  c.itemHours = hrs;
}

/** `list[start … start + n)` as an exact-size array, or `empty`. */
function slice<T>(list: readonly T[], start: number, n: number, empty: T[]): T[] {
  if (n === 0) return empty;
  const out = new Array<T>(n);
  for (let k = 0; k < n; k++) out[k] = list[start + k];
  return out;
}

/** Row i's breakdown items (shared, frozen, from the rule set's cache). */
function itemsOf(c: ResultColumns, i: number, rs: CompiledRuleSet): BreakdownItem[] {
  const n = c.itemCount[i];
  if (n === 0) return NO_ITEMS;
  const start = c.itemStart[i];
  const out = new Array<BreakdownItem>(n);
  for (let k = 0; k < n; k++) {
    const s = c.itemSource[start + k];
    const src = rs.sourceList[s];
    out[k] = cachedItem(rs.cache, s, src.clause, src.label, c.itemHours[2 * (start + k)], c.itemHours[2 * (start + k) + 1]);
  }
  return out;
}

/** Row i's deadline as YYYY-MM-DD. */
export function deadlineOf(c: ResultColumns, i: number, rs: CompiledRuleSet): string {
  const day = c.deadlineDay[i];
  return day === rs.yearEndDay ? rs.yearEnd : cachedIsoDay(rs.cache, day);
}

/** The result of credited row i as an object. */
export function resultOf(c: ResultColumns, i: number, rs: CompiledRuleSet): RowResult {
  const h = c.hours;
  const b = i * HOURS;
  const pub = h[b];
  const pro = h[b + 1];
  const requiredPublic = h[b + 2];
  const requiredProfessional = h[b + 3];
  return makeResult(
    i,
    STATUS_OF[c.status[i]],
    pub,
    pro,
    pub + pro,
    requiredPublic,
    requiredProfessional,
    shortfallOf(requiredPublic, pub),
    shortfallOf(requiredProfessional, pro),
    deadlineOf(c, i, rs),
    itemsOf(c, i, rs),
    slice(c.warnings, c.warningStart[i], c.warningCount[i], NO_WARNINGS),
    NO_ERRORS,
  );
}

/** Fills every empty slot of `results` with the result of its row in the columns. */
export function resultsFromColumns(results: RowResult[], c: ResultColumns, rs: CompiledRuleSet): void {
  for (let i = 0; i < results.length; i++) if (c.status[i] !== 0) results[i] = resultOf(c, i, rs);
}
