// Bounded caches of immutable output pieces, one set per compiled rule set. A roster repeats the same few breakdown
// items (692 distinct among 288,000 in the benchmark) and warnings (2,079 among 38,000) and the same cell texts
// ('30学时', '2023年5月8日'): building each once saves time and, above all, memory the answer keeps alive. Nothing
// cached holds a name, an ID number or any text a person typed except number and date cells of bounded length;
// every cached object is frozen, and a full cache simply stops caching.
import { makeItem } from './build';
import { nthWorkingDayBefore, type CompiledCalendar } from './calendar';
import { isoFromDay } from './dates';
import type { BreakdownItem, RowWarning } from './types';

export const MAX_CACHED_ITEMS = 4096;
export const MAX_CACHED_WARNINGS = 4096;
export const MAX_CACHED_CELLS = 4096;
/** Only cell texts up to this length are cached (number and date texts are short). */
export const MAX_CACHED_CELL_TEXT = 24;

export type OutputCache = {
  /**
   * Per source, items with hours on one side only (all but 援派), by slot: twice the professional hours, or
   * PACK_SPAN + twice the public hours (oneSidedSlot); created on first use.
   */
  oneSided: (BreakdownItem | undefined)[][];
  /** Per source: both hours packed into one small integer (packHalves) → item: one lookup for the usual hours. */
  packedItems: Map<number, BreakdownItem>[];
  /** Per source: public hours → professional hours → item, for hours packHalves cannot pack. */
  items: Map<number, Map<number, BreakdownItem>>[];
  itemCount: number;
  /** By a site and its three numbers packed into one small integer (packHalves): one lookup per site. */
  packedWarnings: Map<string, Map<number, RowWarning>>;
  /** By a site (a code, or a code and a source) and three numbers: the frequent warnings, without building a key. */
  byNumbers: Map<string, Map<number, Map<number, Map<number, RowWarning>>>>;
  byNumbersCount: number;
  /** Number cell text → number (NaN when not a number). */
  numbers: Map<string, number>;
  /** Date cell text → day number (NaN when not a date). */
  dates: Map<string, number>;
  /** Day number → YYYY-MM-DD, for deadlines (a roster has few distinct ones). */
  isoDays: Map<number, string>;
  /** A title applicant's submission day → the working day its deadline counts back to (cachedDayBefore). */
  daysBefore: Map<number, number>;
};

export function newOutputCache(sources: number): OutputCache {
  return {
    oneSided: Array.from({ length: sources }, () => []),
    packedItems: Array.from({ length: sources }, () => new Map()),
    items: Array.from({ length: sources }, () => new Map()),
    itemCount: 0,
    packedWarnings: new Map(),
    byNumbers: new Map(),
    byNumbersCount: 0,
    numbers: new Map(),
    dates: new Map(),
    isoDays: new Map(),
    daysBefore: new Map(),
  };
}

/** Numbers that are whole or half hours from 0 to PACK_SPAN/2 − 0.5 pack into one small integer. */
const PACK_SPAN = 1024;

/**
 * Three numbers as one small integer (a Smi: below 2^30), or −1 when one is not a whole or half number in
 * 0 … PACK_SPAN/2 − 0.5. Hours on a roster almost always are: one Map lookup by a small integer is much cheaper
 * than three nested lookups by doubles (measured with `npm run bench`, see docs/benchmark-log.md).
 */
function packHalves(a: number, b: number, d: number): number {
  const a2 = a * 2;
  const b2 = b * 2;
  const d2 = d * 2;
  if (!(a2 >= 0 && a2 < PACK_SPAN && b2 >= 0 && b2 < PACK_SPAN && d2 >= 0 && d2 < PACK_SPAN)) return -1;
  if ((a2 | 0) !== a2 || (b2 | 0) !== b2 || (d2 | 0) !== d2) return -1;
  // -0 packs like 0, as a Map treats them (SameValueZero)
  return (a2 * PACK_SPAN + b2) * PACK_SPAN + d2;
}

/** The slot in `oneSided` of hours on one side, whole or half, below PACK_SPAN / 2; or −1. */
function oneSidedSlot(pub: number, pro: number): number {
  const x2 = pub === 0 ? pro * 2 : pro === 0 ? pub * 2 : -1;
  if (!(x2 >= 0 && x2 < PACK_SPAN) || (x2 | 0) !== x2) return -1;
  return pub === 0 ? x2 : PACK_SPAN + x2;
}

/** The breakdown item of source `i` with these hours, shared and frozen. */
export function cachedItem(c: OutputCache, i: number, clause: string, label: string, pub: number, pro: number): BreakdownItem {
  const slot = oneSidedSlot(pub, pro);
  if (slot >= 0) {
    let slots = c.oneSided[i];
    const hit = slots[slot];
    if (hit !== undefined) return hit;
    const item = Object.freeze(makeItem(clause, label, pub, pro)) as BreakdownItem;
    if (c.itemCount < MAX_CACHED_ITEMS) {
      // a list of 2 × PACK_SPAN slots, filled with holes once so that it stays a plain array
      if (slots.length === 0) slots = c.oneSided[i] = new Array<BreakdownItem | undefined>(2 * PACK_SPAN).fill(undefined);
      slots[slot] = item;
      c.itemCount++;
    }
    return item;
  }
  const key = packHalves(pub, pro, 0);
  if (key >= 0) {
    const packed = c.packedItems[i];
    const hit = packed.get(key);
    if (hit !== undefined) return hit;
    const item = Object.freeze(makeItem(clause, label, pub, pro)) as BreakdownItem;
    if (c.itemCount < MAX_CACHED_ITEMS) {
      packed.set(key, item);
      c.itemCount++;
    }
    return item;
  }
  const bySource = c.items[i];
  let byPro = bySource.get(pub);
  const hit = byPro?.get(pro);
  if (hit !== undefined) return hit;
  const item = Object.freeze(makeItem(clause, label, pub, pro)) as BreakdownItem;
  if (c.itemCount < MAX_CACHED_ITEMS) {
    if (byPro === undefined) {
      byPro = new Map();
      bySource.set(pub, byPro);
    }
    byPro.set(pro, item);
    c.itemCount++;
  }
  return item;
}

/**
 * The warning kept for `site` (a constant naming the code and whatever text the message holds besides numbers) and the
 * numbers a, b, d of its message, or undefined the first time: then the caller builds it and keeps it (keepWarning).
 * Looked up without building a key or a message, so a row whose warning was seen before allocates nothing.
 */
export function warningAt(c: OutputCache, site: string, a: number, b: number, d: number): RowWarning | undefined {
  const key = packHalves(a, b, d);
  if (key >= 0) return c.packedWarnings.get(site)?.get(key);
  return c.byNumbers.get(site)?.get(a)?.get(b)?.get(d);
}

/** Freezes `w` and keeps it as the warning of `site` and a, b, d (while the cache has room); returns it. */
export function keepWarning(c: OutputCache, site: string, a: number, b: number, d: number, w: RowWarning): RowWarning {
  Object.freeze(w);
  if (c.byNumbersCount >= MAX_CACHED_WARNINGS) return w;
  c.byNumbersCount++;
  const key = packHalves(a, b, d);
  if (key >= 0) {
    let packed = c.packedWarnings.get(site);
    if (packed === undefined) c.packedWarnings.set(site, (packed = new Map()));
    packed.set(key, w);
    return w;
  }
  let byA = c.byNumbers.get(site);
  if (byA === undefined) c.byNumbers.set(site, (byA = new Map()));
  let byB = byA.get(a);
  if (byB === undefined) byA.set(a, (byB = new Map()));
  let byD = byB.get(b);
  if (byD === undefined) byB.set(b, (byD = new Map()));
  byD.set(d, w);
  return w;
}

/** `isoFromDay(day)`, one string per distinct day (bounded like the cell caches). */
export function cachedIsoDay(c: OutputCache, day: number): string {
  const hit = c.isoDays.get(day);
  if (hit !== undefined) return hit;
  const iso = isoFromDay(day);
  if (c.isoDays.size < MAX_CACHED_CELLS) c.isoDays.set(day, iso);
  return iso;
}

/**
 * nthWorkingDayBefore(day, n, calendar) once per distinct day (bounded like the cell caches): the deadline counts the
 * working days back from a title applicant's submission date day by day, and a roster's applicants share a few dates.
 * `n` and `calendar` are the rule set's own (one per cache).
 */
export function cachedDayBefore(c: OutputCache, day: number, n: number, calendar: CompiledCalendar): number {
  const hit = c.daysBefore.get(day);
  if (hit !== undefined) return hit;
  const before = nthWorkingDayBefore(day, n, calendar);
  if (c.daysBefore.size < MAX_CACHED_CELLS) c.daysBefore.set(day, before);
  return before;
}

/** A parsed cell text from `map`, or undefined; remember it with `rememberParsed`. */
export function parsedBefore(map: Map<string, number>, text: string): number | undefined {
  return text.length > MAX_CACHED_CELL_TEXT ? undefined : map.get(text);
}

export function rememberParsed(map: Map<string, number>, text: string, value: number): number {
  if (text.length <= MAX_CACHED_CELL_TEXT && map.size < MAX_CACHED_CELLS) map.set(text, value);
  return value;
}

/** One number for two day numbers (any YYYY-MM-DD from 0001 to 9999, within ±4,000,000 days), as a cache key. */
export function dayPairKey(x: number, y: number): number {
  return x * DAY_PAIR_SPAN + y;
}
const DAY_PAIR_SPAN = 8_000_000;
