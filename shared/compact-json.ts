// The compact answer (docs/api.md; its shape: shared/compact.ts) written as UTF-8 JSON straight from an evaluation's
// columns (shared/columns.ts): no RowResult, no CompactRow and no string for a credited row, and no JSON.stringify
// over the answer. The bytes are, to the byte, the UTF-8 of JSON.stringify(compactAnswer(evaluate(rows), rows,
// ruleSet)) (for `"summary": false`, of compactAnswer of the results alone), with the same defaults checked the same way
// (test/engine/compact-json.test.ts holds it to that on every worked case and on generated rosters); the Worker answers
// `"format": "compact"` with them.
import { cachedIsoDay } from './cache';
import { deadlineOf, HOURS, resultOf, type ResultColumns } from './columns';
import {
  BLANK_STATUS_NUMBER,
  attentionEntry,
  compactRow,
  isPerson,
  lookupOf,
  shortfallDefault,
  sourceIndex,
  statusNumber,
  usualOf,
  warningNumber,
  type Lookup,
  type SourceTable,
  type WarningTable,
} from './compact';
import { evaluateRows, type Evaluation } from './evaluate';
import { getRuleSet } from './rulesets';
import type { CompiledRuleSet } from './rulesets/compile';
import { countStatuses, type StatusCounts } from './status-counts';
import { BLANK_GROUP, attentionOrder, summaryCounts, type AttentionColumns, type SummaryBuilder } from './summary';
import { makeAttention } from './build';
import type { EvaluateOptions, RosterRowInput, RowResult, RowStatus, RowWarning } from './types';
import { ENGINE_VERSION } from './version';
import {
  MAX_NUMBER_BYTES,
  asciiPiece,
  newJsonWriter,
  putAsciiString,
  putNumber,
  putPiece,
  putWords,
  reserve,
  writeText,
  written,
  type JsonWriter,
  type Piece,
} from './json-writer';
import { dayFromIso } from './dates';
import { shortfallOf } from './rules/requirement';
import { PLAIN_DEPARTMENT, PLAIN_NAME, PLAIN_UNIT } from './fields';
import { writeCounts, writeGroups } from './summary-json';
import { chunkedAt } from './chunked-list';

/**
 * Object.is of two numbers (as compactAnswer compares them), written out: V8 compiles it inline. `Object.is` kept in a
 * constant stayed a call of the SameValue builtin in the Worker's bundle, where a module's constants are variables
 * (docs/developer-guide.md, Constants in a bundle): about 150 instructions a row (callgrind). Not shared with
 * compact.ts's `same`, which also compares absent lostHours: one function for both, its type feedback mixed by the
 * object path's calls, cost about 280 instructions a row more here (callgrind, 2026-12-08).
 */
function same(a: number, b: number): boolean {
  return a === b ? a !== 0 || 1 / a === 1 / b : a !== a && b !== b;
}
const encoder = new TextEncoder();

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

/** The answer's usual requirement and deadline (the defaults of its rows), the deadline also as a day number. */
type Usual = { rp: number; rq: number; deadline: string; deadlineDay: number };

/**
 * The usual requirement and deadline: the majority votes of compactAnswer, over the same rows in the same order. When
 * only credited rows are people (always, unless an ID number repeats: then every row is a result object), they vote
 * with their columns' numbers, a deadline as its day number (equal exactly when the texts are): a loop of plain
 * numbers, which V8 compares inline (a result object's fields mixed in made every Object.is a call).
 */
function usual(e: Evaluation): Usual {
  if (objectPeople(e)) return usualOfResults(e);
  const v = columnVotes(e.columns);
  const rs = e.rs;
  if (v.people === 0) return { rp: 0, rq: 0, deadline: '', deadlineDay: NaN };
  return { rp: v.rp, rq: v.rq, deadline: v.day === rs.yearEndDay ? rs.yearEnd : cachedIsoDay(rs.cache, v.day), deadlineDay: v.day };
}

// The two loops of usual, each in a function that returns right after it: see writeRows.

/** Whether a row whose result is an object is a person (达标, 未达标 or 待补材料). */
function objectPeople(e: Evaluation): boolean {
  const { results, columns: c } = e;
  for (let i = 0; i < c.status.length; i++) {
    if (c.status[i] === 0 && isPerson(statusNumber.get(results[i].status) ?? BLANK_STATUS_NUMBER)) return true;
  }
  return false;
}

/** The majority votes over the credited rows (Boyer–Moore, in row order) and how many rows voted. */
function columnVotes(c: ResultColumns): { rp: number; rq: number; day: number; people: number } {
  const status = c.status;
  const h = c.hours;
  const days = c.deadlineDay;
  let rp = 0, rpVotes = 0, rq = 0, rqVotes = 0, day = 0, dayVotes = 0, people = 0;
  for (let i = 0; i < status.length; i++) {
    if (status[i] === 0) continue;
    people++;
    const p = h[i * HOURS + 2];
    const q = h[i * HOURS + 3];
    const d = days[i];
    if (rpVotes === 0) (rp = p), (rpVotes = 1);
    else rpVotes += same(rp, p) ? 1 : -1;
    if (rqVotes === 0) (rq = q), (rqVotes = 1);
    else rqVotes += same(rq, q) ? 1 : -1;
    if (dayVotes === 0) (day = d), (dayVotes = 1);
    else dayVotes += day === d ? 1 : -1;
  }
  return { rp, rq, day, people };
}

/** usual when a result object is a person: compactAnswer's votes (usualOf) over every row's result, as objects. */
function usualOfResults(e: Evaluation): Usual {
  const { results, columns: c, rs } = e;
  // `results` has no entry for a credited row (a map would skip those)
  const all = new Array<RowResult>(results.length);
  for (let i = 0; i < all.length; i++) all[i] = c.status[i] === 0 ? results[i] : resultOf(c, i, rs);
  const { rp, rq, deadline } = usualOf(all);
  return { rp, rq, deadline, deadlineDay: deadline === '' ? NaN : dayFromIso(deadline) };
}

/**
 * Breakdown items `[source,public,professional]` as bytes, per rule set: a roster repeats a few hundred items, so each
 * is written once and copied after. Hours on one side only (all sources but 援派), whole or half, below 1024: by
 * array slot; both sides: by one packed number; anything else, or once MAX_CACHED_ITEMS are kept, written each time.
 * The bytes of every kept item lie in one buffer (`arena`), found by a reference: start × REF_SPAN + length: copied
 * from one small buffer instead of a Uint8Array per item (the copy was the compact answer's hottest line in a CPU
 * profile; compactAnswerJson took 0.94–0.95 of its time before in A/B runs on `npm run bench`'s rows).
 */
type ItemCache = { oneSided: Int32Array; both: Map<number, number>; count: number; arena: Uint8Array<ArrayBuffer>; view: DataView; used: number };
const PACK = 2048;
const MAX_CACHED_ITEMS = 4096;
/** An item's bytes are fewer than this (ITEM_ROOM). */
const REF_SPAN = 128;
const itemCaches = new WeakMap<CompiledRuleSet, ItemCache>();

function itemCacheOf(rs: CompiledRuleSet): ItemCache {
  let cache = itemCaches.get(rs);
  if (cache === undefined) {
    const arena = new Uint8Array(4096);
    cache = { oneSided: new Int32Array(rs.sourceList.length * 2 * PACK).fill(-1), both: new Map(), count: 0, arena, view: new DataView(arena.buffer), used: 0 };
    itemCaches.set(rs, cache);
  }
  return cache;
}

/** Writes item `[source,pub,pro]` into the arena and returns its reference, or −1 once MAX_CACHED_ITEMS are kept. */
function keepItem(cache: ItemCache, source: number, pub: number, pro: number): number {
  if (cache.count >= MAX_CACHED_ITEMS) return -1;
  const w: JsonWriter = { buf: cache.arena, view: cache.view, at: cache.used };
  // 3 bytes more: putWords reads whole words
  reserve(w, ITEM_ROOM + 3);
  const end = putItemNumbers(w.buf, w.at, source, pub, pro);
  const ref = cache.used * REF_SPAN + (end - cache.used);
  cache.arena = w.buf;
  cache.view = w.view;
  cache.used = end;
  cache.count++;
  return ref;
}

/** Puts item `[sources[i],pub,pro]` of source i at `at` (in room made by reserve: ITEM_ROOM); returns the position after it. */
function putItem(buf: Uint8Array, at: number, r: RowWriting, i: number, pub: number, pro: number): number {
  const { items: cache, sources } = r;
  const a = pub * 2;
  const b = pro * 2;
  if (!(a >= 0 && a < PACK && b >= 0 && b < PACK && (a | 0) === a && (b | 0) === b)) return putItemNumbers(buf, at, sources[i], pub, pro);
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
  if (ref < 0) return putItemNumbers(buf, at, sources[i], pub, pro);
  // the kept bytes
  return putWords(r.view, at, cache.view, (ref / REF_SPAN) | 0, ref % REF_SPAN);
}

function putItemNumbers(buf: Uint8Array, at: number, source: number, pub: number, pro: number): number {
  buf[at++] = OPEN_LIST;
  at = putNumber(buf, at, source);
  buf[at++] = COMMA;
  at = putNumber(buf, at, pub);
  buf[at++] = COMMA;
  at = putNumber(buf, at, pro);
  buf[at++] = CLOSE_LIST;
  return at;
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
const CLOSE = 0x7d;
/** `{"s":N` of each compact status number (`{` alone for 0), and the other fields' names with their colon. */
const S_FIELD: readonly Piece[] = [0, 1, 2, 3, 4].map((n) => asciiPiece(n === 0 ? '{' : `{"s":${n}`));
/** The same followed by the breakdown's `"b":[`. */
const SB_FIELD: readonly Piece[] = [0, 1, 2, 3, 4].map((n) => asciiPiece(n === 0 ? '{"b":[' : `{"s":${n},"b":[`));
const P_FIELD = asciiPiece('"p":');
const Q_FIELD = asciiPiece('"q":');
const R_FIELD = asciiPiece('"r":[');
const F_FIELD = asciiPiece('"f":[');
const D_FIELD = asciiPiece('"d":');
const W_FIELD = asciiPiece('"w":[');

/** Bytes a credited row's compact form takes at most, besides its items and warnings. */
const ROW_ROOM = 16 + 4 * MAX_NUMBER_BYTES + 64;
/** At most, per breakdown item and per warning number. */
const ITEM_ROOM = 3 * MAX_NUMBER_BYTES + 8;
const WARNING_ROOM = MAX_NUMBER_BYTES + 1;

/** What every credited row of one answer is written against: the columns and the answer's defaults and tables. */
type RowWriting = {
  c: ResultColumns;
  rs: CompiledRuleSet;
  /** Compact source index per source of the rule set. */
  sources: readonly number[];
  rp: number;
  rq: number;
  /** The answer's usual deadline as a day number (NaN when it has none). */
  deadlineDay: number;
  items: ItemCache;
  /** Each warning's number in the answer's list, by its place in the columns' warnings. */
  warningNumbers: Int32Array;
  /** The answer's writer's view (JsonWriter.view), for putWords. */
  view: DataView;
  /** For the rows written from their result objects (compactRow): those, the usual deadline as text, the tables. */
  results: RowResult[];
  deadline: string;
  lookup: Lookup;
  warnings: WarningTable;
};

/**
 * Every row's compact form, in order, between commas. A function of its own, with nothing after its loop: V8 compiles a
 * long loop while it runs (on-stack replacement), before the code after the loop has ever run, and that compiled code,
 * kept for the next call, gave up at the first line after the loop on every call when the loop was compactAnswerJson's
 * (9 of 40 calls of 20,000 rows, `node --trace-deopt`).
 */
function writeRows(w: JsonWriter, r: RowWriting): void {
  const c = r.c;
  const n = c.status.length;
  for (let i = 0; i < n; i++) {
    if (c.status[i] !== 0) {
      reserve(w, rowRoom(c, i) + 1);
      r.view = w.view;
      if (i > 0) w.buf[w.at++] = COMMA;
      w.at = putColumnRow(w.buf, w.at, i, r);
    } else {
      if (i > 0) writeText(w, ',');
      writeText(w, JSON.stringify(compactRow(r.results[i], r.rp, r.rq, r.deadline, r.lookup, r.warnings)));
    }
  }
}

/**
 * Puts the compact row of credited row i at `at` (in room made by reserve: rowRoom): compactRow's fields and
 * defaults, from the columns; returns the position after it.
 */
function putColumnRow(buf: Uint8Array, at: number, i: number, r: RowWriting): number {
  const c = r.c;
  const h = c.hours;
  const base = i * HOURS;
  const publicHours = h[base];
  const professionalHours = h[base + 1];
  const s = COLUMN_STATUS_NUMBER[c.status[i]];
  let first = s === 0;
  let pub = 0;
  let pro = 0;
  const n = c.itemCount[i];
  // `{`, with the status when it is not the default, and the breakdown's start when there is one
  if (n === 0) at = putPiece(r.view, at, S_FIELD[s]);
  else {
    const start = c.itemStart[i];
    const hours = c.itemHours;
    at = putPiece(r.view, at, SB_FIELD[s]);
    for (let k = start; k < start + n; k++) {
      const ip = hours[2 * k];
      const iq = hours[2 * k + 1];
      if (k > start) buf[at++] = COMMA;
      at = putItem(buf, at, r, c.itemSource[k], ip, iq);
      pub += ip;
      pro += iq;
    }
    buf[at++] = CLOSE_LIST;
    first = false;
  }
  if (!same(publicHours, pub)) {
    if (!first) buf[at++] = COMMA;
    at = putNumber(buf, putPiece(r.view, at, P_FIELD), publicHours);
    first = false;
  }
  if (!same(professionalHours, pro)) {
    if (!first) buf[at++] = COMMA;
    at = putNumber(buf, putPiece(r.view, at, Q_FIELD), professionalHours);
    first = false;
  }
  // t: the total of a credited row is always public + professional, its default
  const requiredPublic = h[base + 2];
  const requiredProfessional = h[base + 3];
  if (!same(requiredPublic, r.rp) || !same(requiredProfessional, r.rq)) {
    if (!first) buf[at++] = COMMA;
    at = putNumber(buf, putPiece(r.view, at, R_FIELD), requiredPublic);
    buf[at++] = COMMA;
    at = putNumber(buf, at, requiredProfessional);
    buf[at++] = CLOSE_LIST;
    first = false;
  }
  const publicShortfall = shortfallOf(requiredPublic, publicHours);
  const professionalShortfall = shortfallOf(requiredProfessional, professionalHours);
  if (!same(publicShortfall, shortfallDefault(requiredPublic, publicHours)) || !same(professionalShortfall, shortfallDefault(requiredProfessional, professionalHours))) {
    if (!first) buf[at++] = COMMA;
    at = putNumber(buf, putPiece(r.view, at, F_FIELD), publicShortfall);
    buf[at++] = COMMA;
    at = putNumber(buf, at, professionalShortfall);
    buf[at++] = CLOSE_LIST;
    first = false;
  }
  if (c.deadlineDay[i] !== r.deadlineDay) {
    if (!first) buf[at++] = COMMA;
    // a YYYY-MM-DD date: ASCII, nothing to escape
    at = putAsciiString(buf, putPiece(r.view, at, D_FIELD), deadlineOf(c, i, r.rs));
    first = false;
  }
  const nw = c.warningCount[i];
  if (nw > 0) {
    const start = c.warningStart[i];
    if (!first) buf[at++] = COMMA;
    at = putPiece(r.view, at, W_FIELD);
    for (let k = start; k < start + nw; k++) {
      if (k > start) buf[at++] = COMMA;
      at = putNumber(buf, at, r.warningNumbers[k]);
    }
    buf[at++] = CLOSE_LIST;
  }
  buf[at++] = CLOSE;
  return at;
}

/** The most bytes credited row i's compact form takes. */
function rowRoom(c: ResultColumns, i: number): number {
  return ROW_ROOM + c.itemCount[i] * ITEM_ROOM + c.warningCount[i] * WARNING_ROOM;
}

const ALL_PLAIN = PLAIN_NAME | PLAIN_UNIT | PLAIN_DEPARTMENT;

/** A row's cell as plainTexts (shared/compact.ts) reads it, when that is `text` without any work: a text cell as is. */
const plainText = (cell: unknown, text: string): boolean => typeof cell === 'string' && cell === text;
/** The same for a unit or department, shown as （未填） when blank. */
const plainGroup = (cell: unknown, text: string): boolean =>
  plainText(cell, text) || (text === BLANK_GROUP && (cell === undefined || cell === null || cell === ''));

/** Row i's result: its object, or (a credited row) built from the columns; for the rare attention entry written out. */
function resultAt(e: Evaluation, i: number): RowResult {
  return e.columns.status[i] === 0 ? e.results[i] : resultOf(e.columns, i, e.rs);
}

/**
 * Writes the compact attention list's entries (attentionEntry's), straight from the summary's attention columns:
 * the row's index when its name, unit and department cells are the texts listed (nearly always), else the entry.
 */
function writeAttention(w: JsonWriter, e: Evaluation, a: AttentionColumns, rows: readonly unknown[]): void {
  const { rs, results, columns: c } = e;
  const order = attentionOrder(a, (i) => (c.status[i] === 0 ? results[i].deadline : deadlineOf(c, i, rs)));
  for (let k = 0; k < order.length; k++) {
    const at = order[k];
    const i = a.index[at];
    reserve(w, MAX_NUMBER_BYTES + 1);
    if (k > 0) w.buf[w.at++] = COMMA;
    // plain as the cells were read (nothing else to look at), or (the row looked at again) as they are
    if (e.plain[i] === ALL_PLAIN) {
      w.at = putNumber(w.buf, w.at, i);
      continue;
    }
    const name = chunkedAt(a.name, at);
    const g = chunkedAt(a.group, at);
    const row = rows[i] as Record<string, unknown>;
    if (plainText(row.name, name) && plainGroup(row.unit, g.unit) && plainGroup(row.department, g.department)) {
      w.at = putNumber(w.buf, w.at, i);
    } else {
      const r = resultAt(e, i);
      const item = makeAttention(i, name, g.unit, g.department, r.status, r.publicShortfall, r.professionalShortfall, r.deadline);
      writeText(w, JSON.stringify(attentionEntry(item, r, row)));
    }
  }
}

/**
 * The answer's warnings numbered as compactAnswer numbers them (in the order they first appear, row by row): the list,
 * and the number of each warning of the columns (by its place in `columns.warnings`).
 */
function numberWarnings(e: Evaluation): { table: WarningTable; numbers: Int32Array } {
  const { results, columns: c } = e;
  const w: Warnings = { table: { list: [], byMessage: new Map() }, byObject: new Map() };
  const all = c.warnings;
  const numbers = new Int32Array(all.length);
  for (let i = 0; i < c.status.length; i++) {
    if (c.status[i] !== 0) {
      const start = c.warningStart[i];
      const end = start + c.warningCount[i];
      for (let k = start; k < end; k++) numbers[k] = warningIndex(w, all[k]);
    } else {
      const ws = results[i].warnings;
      for (let k = 0; k < ws.length; k++) warningIndex(w, ws[k]);
    }
  }
  return { table: w.table, numbers };
}

/** Bytes to start the answer's buffer with: about what a roster's rows take (it grows when they take more). */
function answerBytes(c: ResultColumns, head: number): number {
  return head + 1024 + c.status.length * 24 + c.items * 14 + c.warnings.length * 6;
}

/**
 * The compact answer of an evaluation (evaluateRows) as UTF-8 JSON, without `summary` when it was evaluated without
 * one; `rows` are the rows evaluated (for the attention list's names), `tail` fields appended last (the Worker's batchId).
 */
export function compactAnswerJson(e: Evaluation, rows: readonly unknown[], tail?: Readonly<Record<string, string>>): Uint8Array<ArrayBuffer> {
  const { rs, results, columns: c } = e;
  const table = getRuleSet(rs.ruleSet.id);
  const lookup = lookupOf(table);
  const { rp, rq, deadline, deadlineDay } = usual(e);
  const { table: warnings, numbers } = numberWarnings(e);

  // the head, with the warnings as JSON.stringify writes the list: each one's kept bytes, between commas
  let head = `{"format":"compact","ruleSet":${JSON.stringify(rs.ruleSet.id)},"engineVersion":${JSON.stringify(ENGINE_VERSION)}`;
  if (!same(rp, 0) || !same(rq, 0)) head += `,"required":[${JSON.stringify(rp)},${JSON.stringify(rq)}]`;
  if (deadline !== '') head += `,"deadline":${JSON.stringify(deadline)}`;
  const listed = warnings.list.map(bytesOfWarning);
  let headBytes = head.length * 3 + WARNINGS_END.length;
  for (let k = 0; k < listed.length; k++) headBytes += listed[k].length + 1;
  const w = newJsonWriter(answerBytes(c, headBytes));
  if (listed.length === 0) writeText(w, `${head},"results":[`);
  else {
    writeText(w, `${head},"warnings":[`);
    for (let k = 0; k < listed.length; k++) {
      if (k > 0) w.buf[w.at++] = COMMA;
      w.buf.set(listed[k], w.at);
      w.at += listed[k].length;
    }
    w.buf.set(WARNINGS_END, w.at);
    w.at += WARNINGS_END.length;
  }

  writeRows(w, {
    c, rs, sources: sourceNumbersOf(rs, table), rp, rq, deadlineDay, items: itemCacheOf(rs), warningNumbers: numbers, view: w.view,
    results, deadline, lookup, warnings,
  });
  writeText(w, ']');
  if (e.summary !== null) writeSummary(w, e, e.summary, rows);
  let end = '';
  if (tail !== undefined) for (const key of Object.keys(tail)) end += `,${JSON.stringify(key)}:${JSON.stringify(tail[key])}`;
  writeText(w, `${end}}`);
  return written(w);
}

/** The summary, `,"summary":{ total, groups?, attention? }`, as JSON.stringify writes it. */
function writeSummary(w: JsonWriter, e: Evaluation, summary: SummaryBuilder, rows: readonly unknown[]): void {
  const { total, groups } = summaryCounts(summary);
  writeText(w, ',"summary":{"total":');
  writeCounts(w, total);
  if (groups.length > 0) {
    writeText(w, ',"groups":');
    writeGroups(w, groups);
  }
  if (summary.attention.count > 0) {
    writeText(w, ',"attention":[');
    writeAttention(w, e, summary.attention, rows);
    writeText(w, ']');
  }
  writeText(w, '}');
}

const WARNINGS_END = encoder.encode('],"results":[');

/**
 * Each warning's JSON as UTF-8, kept with the warning: the engine shares one frozen object per distinct warning and
 * keeps it from call to call (shared/cache.ts), so the answer's warnings list (half of a 400-row answer's bytes) is
 * mostly copied rather than written and encoded again. Kept weakly: gone with the warning.
 */
const warningBytes = new WeakMap<RowWarning, Uint8Array>();
function bytesOfWarning(warning: RowWarning): Uint8Array {
  let bytes = warningBytes.get(warning);
  if (bytes === undefined) {
    bytes = encoder.encode(JSON.stringify(warning));
    warningBytes.set(warning, bytes);
  }
  return bytes;
}

/**
 * evaluate, then the compact answer as UTF-8 JSON, in one call (what `npm run bench` measures); with `withSummary`
 * false, the answer without its summary (`"summary": false`).
 */
export function evaluateCompactJson(rows: RosterRowInput[], options?: EvaluateOptions | null, withSummary = true): Uint8Array<ArrayBuffer> {
  return compactAnswerJson(evaluateRows(rows, options, withSummary), rows);
}
