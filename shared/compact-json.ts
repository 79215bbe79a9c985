// The compact answer (docs/api.md; its shape: shared/compact.ts) written as UTF-8 JSON straight from an evaluation's
// columns (shared/columns.ts): no RowResult, no CompactRow and no string for a credited row, and no JSON.stringify
// over the answer. The bytes are, to the byte, the UTF-8 of JSON.stringify(compactAnswer(evaluate(rows), rows,
// ruleSet)), with the same defaults checked the same way (test/engine/compact-json.test.ts holds it to that on every
// worked case and on generated rosters); the Worker answers `"format": "compact"` with them.
import { deadlineOf, HOURS, type ResultColumns } from './columns';
import {
  BLANK_STATUS_NUMBER,
  attentionEntry,
  compactRow,
  isPerson,
  lookupOf,
  shortfallDefault,
  sourceIndex,
  statusNumber,
  warningNumber,
  type CompactAttention,
  type CompactEvaluateResponse,
  type SourceTable,
  type WarningTable,
} from './compact';
import { evaluateRows, type Evaluation } from './evaluate';
import { getRuleSet } from './rulesets';
import type { CompiledRuleSet } from './rulesets/compile';
import { countStatuses, type StatusCounts } from './status-counts';
import { BLANK_GROUP, attentionOrder, summaryCounts, type AttentionColumns } from './summary';
import { makeAttention } from './build';
import type { AttentionItem, EvaluateOptions, RosterRowInput, RowStatus, RowWarning } from './types';
import { ENGINE_VERSION } from './version';
import {
  MAX_NUMBER_BYTES,
  asciiBytes,
  newJsonWriter,
  putByte,
  putBytes,
  putNumber,
  reserve,
  writeAsciiString,
  writeByte,
  writeText,
  written,
  type JsonWriter,
} from './json-writer';

const same = Object.is;

/** Column status code (1 达标, 2 未达标, 3 待补材料) → its RowStatus and its compact number. */
const COLUMN_STATUS: readonly RowStatus[] = ['', '达标', '未达标', '待补材料'];
const COLUMN_STATUS_NUMBER: readonly number[] = COLUMN_STATUS.map((s) => statusNumber.get(s) ?? BLANK_STATUS_NUMBER);

/** Per rule set: each source's compact source index (its place in orders.sources, as compactAnswer's label lookup finds it). */
const sourceNumbers = new WeakMap<CompiledRuleSet, number[]>();
function sourceNumbersOf(rs: CompiledRuleSet, table: SourceTable): number[] {
  let hit = sourceNumbers.get(rs);
  if (hit === undefined) {
    const lookup = lookupOf(table);
    hit = rs.sourceList.map((src, i) => {
      const n = sourceIndex(lookup, { clause: src.clause, label: src.label, public: 0, professional: 0 });
      if (n < 0) throw new Error(`compact answer: source ${i} (“${src.label}”) is no source of rule set ${rs.ruleSet.id}`);
      return n;
    });
    sourceNumbers.set(rs, hit);
  }
  return hit;
}

/** The status counts of an evaluation (the audit record's), without building its results. */
export function evaluationCounts(e: Evaluation): StatusCounts {
  const c = e.columns;
  const counts = countStatuses(e.results.filter((r) => r !== undefined));
  for (let i = 0; i < c.status.length; i++) {
    const s = c.status[i];
    if (s === 0) continue;
    counts.total++;
    if (s === 1) counts.compliant++;
    else if (s === 2) counts.short++;
    else counts.pendingEvidence++;
  }
  return counts;
}

/** The usual requirement and deadline: the majority votes of compactAnswer, over the same rows in the same order. */
function usual(e: Evaluation): { rp: number; rq: number; deadline: string } {
  const { results, columns: c, rs } = e;
  const h = c.hours;
  let rp = 0, rpVotes = 0, rq = 0, rqVotes = 0, deadline = '', deadlineVotes = 0;
  for (let i = 0; i < c.status.length; i++) {
    let p: number, q: number, d: string;
    if (c.status[i] !== 0) {
      p = h[i * HOURS + 2];
      q = h[i * HOURS + 3];
      d = deadlineOf(c, i, rs);
    } else {
      const r = results[i];
      if (!isPerson(statusNumber.get(r.status) ?? BLANK_STATUS_NUMBER)) continue;
      p = r.requiredPublic;
      q = r.requiredProfessional;
      d = r.deadline;
    }
    if (rpVotes === 0) (rp = p), (rpVotes = 1);
    else rpVotes += same(rp, p) ? 1 : -1;
    if (rqVotes === 0) (rq = q), (rqVotes = 1);
    else rqVotes += same(rq, q) ? 1 : -1;
    if (deadlineVotes === 0) (deadline = d), (deadlineVotes = 1);
    else deadlineVotes += deadline === d ? 1 : -1;
  }
  return { rp, rq, deadline };
}

/**
 * Breakdown items `[source,public,professional]` as bytes, per rule set: a roster repeats a few hundred items, so each
 * is written once and copied after. Hours on one side only (all sources but 援派), whole or half, below 1024: by
 * array slot; both sides: by one packed number; anything else, or once MAX_CACHED_ITEMS are kept, written each time.
 * The bytes of every kept item lie in one buffer (`arena`), found by a reference: start × REF_SPAN + length: copied
 * from one small buffer instead of a Uint8Array per item (the copy was the compact answer's hottest line in a CPU
 * profile; compactAnswerJson took 0.94–0.95 of its time before in A/B runs on `npm run bench`'s rows).
 */
type ItemCache = { oneSided: Int32Array; both: Map<number, number>; count: number; arena: Uint8Array; used: number };
const PACK = 2048;
const MAX_CACHED_ITEMS = 4096;
/** An item's bytes are fewer than this (ITEM_ROOM). */
const REF_SPAN = 128;
const itemCaches = new WeakMap<CompiledRuleSet, ItemCache>();

function itemCacheOf(rs: CompiledRuleSet): ItemCache {
  let cache = itemCaches.get(rs);
  if (cache === undefined) {
    cache = { oneSided: new Int32Array(rs.sourceList.length * 2 * PACK).fill(-1), both: new Map(), count: 0, arena: new Uint8Array(4096), used: 0 };
    itemCaches.set(rs, cache);
  }
  return cache;
}

/** Writes item `[source,pub,pro]` into the arena and returns its reference, or −1 once MAX_CACHED_ITEMS are kept. */
function keepItem(cache: ItemCache, source: number, pub: number, pro: number): number {
  if (cache.count >= MAX_CACHED_ITEMS) return -1;
  const w: JsonWriter = { buf: cache.arena as Uint8Array<ArrayBuffer>, at: cache.used };
  reserve(w, ITEM_ROOM);
  putItemNumbers(w, source, pub, pro);
  const ref = cache.used * REF_SPAN + (w.at - cache.used);
  cache.arena = w.buf;
  cache.used = w.at;
  cache.count++;
  return ref;
}

/** Puts the kept item `ref` (in room made by reserve: ITEM_ROOM). */
function putKept(w: JsonWriter, arena: Uint8Array, ref: number): void {
  let from = (ref / REF_SPAN) | 0;
  const end = from + (ref % REF_SPAN);
  const buf = w.buf;
  let at = w.at;
  while (from < end) buf[at++] = arena[from++];
  w.at = at;
}

/** Puts item `[sources[i],pub,pro]` of source i (in room made by reserve: ITEM_ROOM). */
function putItem(w: JsonWriter, cache: ItemCache, sources: readonly number[], i: number, pub: number, pro: number): void {
  const a = pub * 2;
  const b = pro * 2;
  if (!(a >= 0 && a < PACK && b >= 0 && b < PACK && (a | 0) === a && (b | 0) === b)) {
    putItemNumbers(w, sources[i], pub, pro);
    return;
  }
  let ref: number | undefined;
  if (a === 0 || b === 0) {
    const slot = i * 2 * PACK + (a === 0 ? b : PACK + a);
    ref = cache.oneSided[slot];
    if (ref < 0) {
      ref = keepItem(cache, sources[i], pub, pro);
      if (ref >= 0) cache.oneSided[slot] = ref;
    }
  } else {
    const key = (i * PACK + a) * PACK + b;
    ref = cache.both.get(key);
    if (ref === undefined) {
      ref = keepItem(cache, sources[i], pub, pro);
      if (ref >= 0) cache.both.set(key, ref);
    }
  }
  if (ref >= 0) putKept(w, cache.arena, ref);
  else putItemNumbers(w, sources[i], pub, pro);
}

function putItemNumbers(w: JsonWriter, source: number, pub: number, pro: number): void {
  putByte(w, OPEN_LIST);
  putNumber(w, source);
  putByte(w, COMMA);
  putNumber(w, pub);
  putByte(w, COMMA);
  putNumber(w, pro);
  putByte(w, CLOSE_LIST);
}

/** Warning numbers by the warning object (the engine shares one object per distinct warning), then by content. */
type Warnings = { table: WarningTable; byObject: Map<RowWarning, number> };
function warningIndex(w: Warnings, warning: RowWarning): number {
  let n = w.byObject.get(warning);
  if (n === undefined) {
    n = warningNumber(w.table, warning);
    w.byObject.set(warning, n);
  }
  return n;
}

const COMMA = 0x2c;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;
const OPEN = 0x7b;
const CLOSE = 0x7d;
/** `"s":N` of each compact status number, and the other fields' names with their colon. */
const S_FIELD: readonly Uint8Array[] = [0, 1, 2, 3, 4].map((n) => asciiBytes(`"s":${n}`));
const B_FIELD = asciiBytes('"b":[');
const P_FIELD = asciiBytes('"p":');
const Q_FIELD = asciiBytes('"q":');
const R_FIELD = asciiBytes('"r":[');
const F_FIELD = asciiBytes('"f":[');
const D_FIELD = asciiBytes('"d":');
const W_FIELD = asciiBytes('"w":[');

/** Bytes a credited row's compact form takes at most, besides its items and warnings. */
const ROW_ROOM = 16 + 4 * MAX_NUMBER_BYTES + 64;
/** At most, per breakdown item and per warning number. */
const ITEM_ROOM = 3 * MAX_NUMBER_BYTES + 8;
const WARNING_ROOM = MAX_NUMBER_BYTES + 1;

/** Writes the compact row of credited row i: compactRow's fields and defaults, from the columns. */
function writeColumnRow(w: JsonWriter, c: ResultColumns, i: number, rs: CompiledRuleSet, sources: readonly number[], rp: number,
  rq: number, deadline: string, items: ItemCache, warnings: Warnings): void {
  const h = c.hours;
  const base = i * HOURS;
  const publicHours = h[base];
  const professionalHours = h[base + 1];
  const s = COLUMN_STATUS_NUMBER[c.status[i]];
  const n = c.itemCount[i];
  const nw = c.warningCount[i];
  // room for the whole row once: every piece below is put without a check
  reserve(w, ROW_ROOM + n * ITEM_ROOM + nw * WARNING_ROOM);
  putByte(w, OPEN);
  let first = true;
  if (s !== 0) {
    putBytes(w, S_FIELD[s]);
    first = false;
  }
  let pub = 0;
  let pro = 0;
  if (n > 0) {
    const start = c.itemStart[i];
    if (!first) putByte(w, COMMA);
    putBytes(w, B_FIELD);
    for (let k = 0; k < n; k++) {
      const ip = c.itemHours[2 * (start + k)];
      const iq = c.itemHours[2 * (start + k) + 1];
      if (k > 0) putByte(w, COMMA);
      putItem(w, items, sources, c.itemSource[start + k], ip, iq);
      pub += ip;
      pro += iq;
    }
    putByte(w, CLOSE_LIST);
    first = false;
  }
  if (!same(publicHours, pub)) {
    if (!first) putByte(w, COMMA);
    putBytes(w, P_FIELD);
    putNumber(w, publicHours);
    first = false;
  }
  if (!same(professionalHours, pro)) {
    if (!first) putByte(w, COMMA);
    putBytes(w, Q_FIELD);
    putNumber(w, professionalHours);
    first = false;
  }
  // t: the total of a credited row is always public + professional, its default
  const requiredPublic = h[base + 2];
  const requiredProfessional = h[base + 3];
  if (!same(requiredPublic, rp) || !same(requiredProfessional, rq)) {
    if (!first) putByte(w, COMMA);
    putBytes(w, R_FIELD);
    putNumber(w, requiredPublic);
    putByte(w, COMMA);
    putNumber(w, requiredProfessional);
    putByte(w, CLOSE_LIST);
    first = false;
  }
  const publicShortfall = h[base + 4];
  const professionalShortfall = h[base + 5];
  if (!same(publicShortfall, shortfallDefault(requiredPublic, publicHours)) || !same(professionalShortfall, shortfallDefault(requiredProfessional, professionalHours))) {
    if (!first) putByte(w, COMMA);
    putBytes(w, F_FIELD);
    putNumber(w, publicShortfall);
    putByte(w, COMMA);
    putNumber(w, professionalShortfall);
    putByte(w, CLOSE_LIST);
    first = false;
  }
  const d = deadlineOf(c, i, rs);
  if (d !== deadline) {
    if (!first) putByte(w, COMMA);
    putBytes(w, D_FIELD);
    // a YYYY-MM-DD date: ASCII, nothing to escape
    writeAsciiString(w, d);
    first = false;
  }
  if (nw > 0) {
    const start = c.warningStart[i];
    if (!first) putByte(w, COMMA);
    putBytes(w, W_FIELD);
    for (let k = 0; k < nw; k++) {
      if (k > 0) putByte(w, COMMA);
      putNumber(w, warningIndex(warnings, c.warnings[start + k]));
    }
    putByte(w, CLOSE_LIST);
  }
  putByte(w, CLOSE);
}

/** Bytes a compact row takes on average (to size the buffer; it grows when needed). */
const ROW_BYTES = 48;

/** A row's cell as plainTexts (shared/compact.ts) reads it, when that is `text` without any work: a text cell as is. */
const plainText = (cell: unknown, text: string): boolean => typeof cell === 'string' && cell === text;
/** The same for a unit or department, shown as （未填） when blank. */
const plainGroup = (cell: unknown, text: string): boolean =>
  plainText(cell, text) || (text === BLANK_GROUP && (cell === undefined || cell === null || cell === ''));

/**
 * The compact attention list, straight from the summary's attention columns: attentionEntry's entries, each checked
 * against its row's result (in the columns or an object) the same way, without an AttentionItem per entry.
 */
function compactAttention(e: Evaluation, rows: readonly unknown[]): CompactAttention[] {
  const { rs, results, columns: c } = e;
  const a = e.summary.attention;
  const order = attentionOrder(a);
  const out = new Array<CompactAttention>(order.length);
  for (let k = 0; k < order.length; k++) {
    const at = order[k];
    const i = a.index[at];
    const name = a.name[at];
    const unit = a.unit[at];
    const department = a.department[at];
    if (i < c.status.length && c.status[i] !== 0) {
      const h = i * HOURS;
      if (a.status[at] !== COLUMN_STATUS[c.status[i]] || !same(a.publicShortfall[at], c.hours[h + 4])
        || !same(a.professionalShortfall[at], c.hours[h + 5]) || a.deadline[at] !== deadlineOf(c, i, rs)) {
        throw new Error(`compactAnswer: attention entry of row ${i} differs from the row's result`);
      }
      const row = rows[i] as Record<string, unknown>;
      out[k] = plainText(row.name, name) && plainGroup(row.unit, unit) && plainGroup(row.department, department)
        ? i
        : attentionEntry(attentionItemAt(a, at), { status: COLUMN_STATUS[c.status[i]], publicShortfall: c.hours[h + 4],
          professionalShortfall: c.hours[h + 5], deadline: deadlineOf(c, i, rs) }, rows[i]);
    } else out[k] = attentionEntry(attentionItemAt(a, at), results[i], rows[i]);
  }
  return out;
}

function attentionItemAt(a: AttentionColumns, at: number): AttentionItem {
  return makeAttention(a.index[at], a.name[at], a.unit[at], a.department[at], a.status[at], a.publicShortfall[at], a.professionalShortfall[at], a.deadline[at]);
}

/**
 * The compact answer of an evaluation (evaluateRows) as UTF-8 JSON; `rows` are the rows evaluated (for the attention
 * list's names), `tail` fields appended after `summary` (the Worker's batchId).
 */
export function compactAnswerJson(e: Evaluation, rows: readonly unknown[], tail?: Readonly<Record<string, string>>): Uint8Array<ArrayBuffer> {
  const { rs, results, columns: c } = e;
  const table = getRuleSet(rs.ruleSet.id);
  const lookup = lookupOf(table);
  const sources = sourceNumbersOf(rs, table);
  const { rp, rq, deadline } = usual(e);
  const warnings: Warnings = { table: { list: [], byMessage: new Map() }, byObject: new Map() };
  const items = itemCacheOf(rs);
  const n = c.status.length;
  // the rows first (they number the warnings), then the head in front of them
  const body = newJsonWriter(n * ROW_BYTES);
  for (let i = 0; i < n; i++) {
    if (i > 0) writeByte(body, COMMA);
    if (c.status[i] !== 0) writeColumnRow(body, c, i, rs, sources, rp, rq, deadline, items, warnings);
    else writeText(body, JSON.stringify(compactRow(results[i], rp, rq, deadline, lookup, warnings.table)));
  }

  const summary: CompactEvaluateResponse['summary'] = { ...summaryCounts(e.summary) };
  if (summary.groups?.length === 0) delete summary.groups;
  const attention = compactAttention(e, rows);
  if (attention.length > 0) summary.attention = attention;
  let head = `{"format":"compact","ruleSet":${JSON.stringify(rs.ruleSet.id)},"engineVersion":${JSON.stringify(ENGINE_VERSION)}`;
  if (!same(rp, 0) || !same(rq, 0)) head += `,"required":[${JSON.stringify(rp)},${JSON.stringify(rq)}]`;
  if (deadline !== '') head += `,"deadline":${JSON.stringify(deadline)}`;
  if (warnings.table.list.length > 0) head += `,"warnings":${JSON.stringify(warnings.table.list)}`;
  head += ',"results":[';
  let end = `],"summary":${JSON.stringify(summary)}`;
  if (tail !== undefined) for (const key of Object.keys(tail)) end += `,${JSON.stringify(key)}:${JSON.stringify(tail[key])}`;
  end += '}';
  const rowsBytes = written(body);
  const out = newJsonWriter(head.length * 3 + rowsBytes.length + end.length * 3);
  writeText(out, head);
  out.buf.set(rowsBytes, out.at);
  out.at += rowsBytes.length;
  writeText(out, end);
  return written(out);
}

/** evaluate, then the compact answer as UTF-8 JSON, in one call (what `npm run bench` measures). */
export function evaluateCompactJson(rows: RosterRowInput[], options?: EvaluateOptions | null): Uint8Array<ArrayBuffer> {
  return compactAnswerJson(evaluateRows(rows, options), rows);
}
