// The annual summary (docs/rules.md §8, docs/api.md): groups by unit and department, attention list, totals.
import { makeAttention, makeGroup } from './build';
import { MAX_GROUP_TEXT, textOfCell } from './normalize';
import { chunkedAt, chunkedList, pushChunked, type ChunkedList } from './chunked-list';
import type { AttentionItem, RosterRowInput, RowResult, RowWarning, Summary, SummaryCounts, SummaryGroup } from './types';

/** How a blank unit or department is shown. */
export const BLANK_GROUP = '（未填）';
/**
 * How a name, unit or department longer than MAX_GROUP_TEXT is grouped and listed: such a row is 数据有误 (TOO_LONG,
 * fields.ts), and the summary keys, sorts and repeats only bounded texts, never the cell itself.
 */
export const OVERLONG_TEXT = '（内容过长）';

/** A unit or department as the summary groups it: blank → （未填）, over-long → （内容过长）. */
export function groupLabel(text: string): string {
  return text.length === 0 ? BLANK_GROUP : listedText(text);
}

/** A name, unit or department as the attention list shows it: over-long → （内容过长）. */
export function listedText(text: string): string {
  return text.length > MAX_GROUP_TEXT && text.trim().length > MAX_GROUP_TEXT ? OVERLONG_TEXT : text;
}

type Acc = {
  headcount: number; compliant: number; short: number; pendingEvidence: number; invalid: number;
  sumPublic: number; sumProfessional: number; lostHours: number; professionalBySector: number;
};

function newAcc(): Acc {
  return { headcount: 0, compliant: 0, short: 0, pendingEvidence: 0, invalid: 0, sumPublic: 0, sumProfessional: 0, lostHours: 0, professionalBySector: 0 };
}

/** `bySector`: 1 when the row's professional part is checked by the sector (PROFESSIONAL_BY_SECTOR), else 0. */
function add(acc: Acc, r: RowResult, lost: number, bySector: number): void {
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
  acc.professionalBySector += bySector;
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
    professionalBySector: acc.professionalBySector,
  };
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The attention list's order: positions in `a` by deadline (`deadlineOf` an entry's row index), then index. Entries
 * arrive in index order and a roster has few distinct deadlines, so a counting sort by deadline (stable) is linear
 * where a comparison sort of every entry is not. Its lists are typed arrays of the entries' count: a list grown entry by
 * entry is copied into a new, larger one each time it fills (see AttentionColumns).
 */
export function attentionOrder(a: AttentionColumns, deadlineOf: (index: number) => string): Int32Array {
  const n = a.count;
  const index = a.index;
  const positions = new Int32Array(n);
  // each entry's deadline as a number: its place among the distinct deadlines, in order of first appearance
  const bucketOf = new Int32Array(n);
  const numbers = new Map<string, number>();
  const sizes: number[] = [];
  let last = '';
  let lastBucket = -1;
  for (let i = 0; i < n; i++) {
    if (i > 0 && index[i] < index[i - 1]) return sortedByDeadline(a, deadlineOf);
    const d = deadlineOf(index[i]);
    if (lastBucket < 0 || d !== last) {
      let b = numbers.get(d);
      if (b === undefined) numbers.set(d, (b = sizes.push(0) - 1));
      lastBucket = b;
      last = d;
    }
    bucketOf[i] = lastBucket;
    sizes[lastBucket]++;
  }
  if (sizes.length <= 1) {
    for (let i = 0; i < n; i++) positions[i] = i;
    return positions;
  }
  // where each deadline's entries start, deadlines in code-unit order
  const starts = new Array<number>(sizes.length);
  let at = 0;
  for (const d of [...numbers.keys()].sort(byCodeUnits)) {
    const b = numbers.get(d) as number;
    starts[b] = at;
    at += sizes[b];
  }
  for (let i = 0; i < n; i++) positions[starts[bucketOf[i]]++] = i;
  return positions;
}

/** attentionOrder by a comparison sort, for entries not added in index order. */
function sortedByDeadline(a: AttentionColumns, deadlineOf: (index: number) => string): Int32Array {
  const n = a.count;
  const deadlines = new Array<string>(n);
  for (let i = 0; i < n; i++) deadlines[i] = deadlineOf(a.index[i]);
  const positions = new Int32Array(n);
  for (let i = 0; i < n; i++) positions[i] = i;
  return positions.sort((x, y) => byCodeUnits(deadlines[x], deadlines[y]) || a.index[x] - a.index[y]);
}

/**
 * The attention list while rows are added: each entry's row index, name as listed and group. Its status, shortfalls
 * and deadline are its row's result's, read when the list is finished (from the results or, for the compact answer,
 * from the engine's columns): a row adds three values, not eight. The indexes are a typed array with room for one
 * entry per row evaluated (it doubles when full), the names and groups chunked lists, which never copy what they hold
 * (shared/chunked-list.ts).
 */
export type AttentionColumns = {
  /** Entries added. */
  count: number;
  index: Int32Array;
  name: ChunkedList<string>;
  group: ChunkedList<Group>;
};

/** A group (docs/rules.md §8): its unit and department labels (groupLabel) and its counts. */
export type Group = { unit: string; department: string; acc: Acc };

/** SummaryBuilder.recent has 2^RECENT_BITS slots. */
const RECENT_BITS = 10;
const RECENT_GROUPS = 1 << RECENT_BITS;

/**
 * The slot of a unit and department text in SummaryBuilder.recent: from their lengths and first and last characters,
 * a few operations where the two Map lookups hash every character of both texts. (The last characters alone put 内科
 * and 外科 of a unit in one slot: on `npm run bench`'s rows 23 % of the rows missed their slot, now 3 %.)
 */
function recentSlot(unitText: string, departmentText: string): number {
  const a = unitText.length;
  const d = departmentText.length;
  const u = a === 0 ? 0 : (unitText.charCodeAt(0) * 31 + unitText.charCodeAt(a - 1)) * 7 + a;
  const h = u * 131 + (d === 0 ? 0 : (departmentText.charCodeAt(0) * 31 + departmentText.charCodeAt(d - 1)) * 7 + d);
  // Fibonacci hashing: the top bits of h × 2^32/φ
  return Math.imul(h, 0x9e3779b1) >>> (32 - RECENT_BITS);
}

/** Accumulates rows into a summary, one row at a time. */
export type SummaryBuilder = {
  total: Acc;
  units: Map<string, Map<string, Group>>;
  /**
   * The unit and department texts last seen in each slot (recentSlot) and their group: a roster repeats a few groups,
   * so a row's group is nearly always here, found by comparing two texts; else it is looked up in `units` by its
   * labels and takes the slot. Constant time either way. An empty slot is a hole: filling the 3 × 1024 slots was a
   * twentieth of the instructions of a 250-row call.
   */
  recentUnit: (string | undefined)[];
  recentDepartment: (string | undefined)[];
  recent: (Group | undefined)[];
  attention: AttentionColumns;
};

/** A builder, with room in the attention list for `rows` entries (it grows when more rows are added). */
export function newSummaryBuilder(rows = 0): SummaryBuilder {
  return {
    total: newAcc(),
    units: new Map(),
    recentUnit: new Array<string | undefined>(RECENT_GROUPS),
    recentDepartment: new Array<string | undefined>(RECENT_GROUPS),
    recent: new Array<Group | undefined>(RECENT_GROUPS),
    attention: { count: 0, index: new Int32Array(rows), name: chunkedList(), group: chunkedList() },
  };
}

/** The attention list's entries in `order`, each with its row's result's status, shortfalls and deadline. */
function attentionItems(a: AttentionColumns, order: Int32Array, results: readonly RowResult[]): AttentionItem[] {
  const out = new Array<AttentionItem>(order.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const r = results[a.index[i]];
    if (r === undefined || r.index !== a.index[i]) throw new Error(`summary: no result at index ${a.index[i]} (results[k].index must be k)`);
    const g = chunkedAt(a.group, i);
    out[k] = makeAttention(r.index, chunkedAt(a.name, i), g.unit, g.department, r.status, r.publicShortfall, r.professionalShortfall, r.deadline);
  }
  return out;
}

/** Adds one result; blank rows (status '') are not counted. Units and departments are grouped by groupLabel. */
export function addToSummary(b: SummaryBuilder, r: RowResult, name: string, unitText: string, departmentText: string): void {
  addRow(b, r, r.warnings, 0, r.warnings.length, name, unitText, departmentText);
}

/**
 * addToSummary of a result whose warnings are `ws[from … to)` (its own list, or the engine's columns when `r` holds
 * only the index, status and hours).
 */
export function addRow(
  b: SummaryBuilder, r: RowResult, ws: readonly RowWarning[], from: number, to: number, name: string, unitText: string, departmentText: string,
): void {
  if (r.status === '') return;
  let lost = 0;
  let bySector = 0;
  for (let w = from; w < to; w++) {
    const l = ws[w].lostHours;
    if (l !== undefined) lost += l;
    else if (ws[w].code === 'PROFESSIONAL_BY_SECTOR') bySector = 1;
  }
  add(b.total, r, lost, bySector);
  const slot = recentSlot(unitText, departmentText);
  let g = b.recent[slot];
  if (g === undefined || b.recentUnit[slot] !== unitText || b.recentDepartment[slot] !== departmentText) {
    b.recent[slot] = g = groupOf(b, groupLabel(unitText), groupLabel(departmentText));
    b.recentUnit[slot] = unitText;
    b.recentDepartment[slot] = departmentText;
  }
  add(g.acc, r, lost, bySector);
  if (r.status !== '达标') {
    const a = b.attention;
    if (a.count === a.index.length) a.index = grown(a.index);
    a.index[a.count++] = r.index;
    pushChunked(a.name, listedText(name));
    pushChunked(a.group, g);
  }
}

/** `list` copied into one twice as large. */
function grown(list: Int32Array): Int32Array {
  const out = new Int32Array(Math.max(16, list.length * 2));
  out.set(list);
  return out;
}

/** The group of a unit and department label, from `units` (created on first use). */
function groupOf(b: SummaryBuilder, unit: string, department: string): Group {
  let depts = b.units.get(unit);
  if (depts === undefined) {
    depts = new Map();
    b.units.set(unit, depts);
  }
  let g = depts.get(department);
  if (g === undefined) {
    g = { unit, department, acc: newAcc() };
    depts.set(department, g);
  }
  return g;
}

/**
 * The summary: groups sorted by unit then department (code-unit order, the same in every runtime), attention by
 * deadline then index. `results` are the results added, each at its index (results[r.index] = r).
 */
export function finishSummary(b: SummaryBuilder, results: readonly RowResult[]): Summary {
  const order = attentionOrder(b.attention, (i) => results[i].deadline);
  return { ...summaryCounts(b), attention: attentionItems(b.attention, order, results) };
}

/** The summary's counts: the total, and the groups sorted by unit then department. */
export function summaryCounts(b: SummaryBuilder): Pick<Summary, 'total' | 'groups'> {
  const groups: SummaryGroup[] = [];
  for (const unit of [...b.units.keys()].sort(byCodeUnits)) {
    const depts = b.units.get(unit) as Map<string, Group>;
    for (const department of [...depts.keys()].sort(byCodeUnits)) {
      groups.push(makeGroup(unit, department, countsOf((depts.get(department) as Group).acc)));
    }
  }
  return { total: countsOf(b.total), groups };
}

function cellText(v: unknown): string {
  return textOfCell(v) ?? '';
}

/** The summary of already evaluated rows: `rows[i]` is the input of `results[i]`, whose index is i. */
export function summarize(rows: readonly unknown[], results: readonly RowResult[]): Summary {
  const b = newSummaryBuilder(results.length);
  for (let i = 0; i < results.length; i++) {
    const raw = rows[i];
    const row: RosterRowInput = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as RosterRowInput) : {};
    addToSummary(b, results[i], cellText(row.name), cellText(row.unit), cellText(row.department));
  }
  return finishSummary(b, results);
}
