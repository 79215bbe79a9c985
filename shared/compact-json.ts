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
import { finishSummary } from './summary';
import type { EvaluateOptions, RosterRowInput, RowResult, RowStatus, RowWarning } from './types';
import { ENGINE_VERSION } from './version';
import {
  asciiBytes,
  newJsonWriter,
  writeAsciiString,
  writeByte,
  writeBytes,
  writeNumber,
  writeText,
  written,
  type JsonWriter,
} from './json-writer';

const same = Object.is;

/** Column status code (1 达标, 2 未达标, 3 待补材料) → its RowStatus and its compact number. */
const COLUMN_STATUS: readonly RowStatus[] = ['', '达标', '未达标', '待补材料'];
const COLUMN_STATUS_NUMBER: readonly number[] = COLUMN_STATUS.map((s) => statusNumber.get(s) ?? BLANK_STATUS_NUMBER);

/** Per rule set: each SOURCE_KEYS index's compact source index (the one compactAnswer's label lookup finds). */
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
 */
type ItemCache = { oneSided: (Uint8Array | undefined)[]; both: Map<number, Uint8Array>; count: number };
const PACK = 2048;
const MAX_CACHED_ITEMS = 4096;
const itemCaches = new WeakMap<CompiledRuleSet, ItemCache>();

function itemCacheOf(rs: CompiledRuleSet): ItemCache {
  let cache = itemCaches.get(rs);
  if (cache === undefined) {
    // filled once so that it stays a plain array of slots
    cache = { oneSided: new Array<Uint8Array | undefined>(rs.sourceList.length * 2 * PACK).fill(undefined), both: new Map(), count: 0 };
    itemCaches.set(rs, cache);
  }
  return cache;
}

function itemBytes(source: number, pub: number, pro: number): Uint8Array {
  const w = newJsonWriter(24);
  writeItemNumbers(w, source, pub, pro);
  return written(w).slice();
}

/** Writes item `[sources[i],pub,pro]` of SOURCE_KEYS index i. */
function writeItem(w: JsonWriter, cache: ItemCache, sources: readonly number[], i: number, pub: number, pro: number): void {
  const a = pub * 2;
  const b = pro * 2;
  if (!(a >= 0 && a < PACK && b >= 0 && b < PACK && (a | 0) === a && (b | 0) === b)) {
    writeItemNumbers(w, sources[i], pub, pro);
    return;
  }
  if (a === 0 || b === 0) {
    const slot = i * 2 * PACK + (a === 0 ? b : PACK + a);
    let bytes = cache.oneSided[slot];
    if (bytes === undefined) {
      bytes = itemBytes(sources[i], pub, pro);
      if (cache.count < MAX_CACHED_ITEMS) {
        cache.oneSided[slot] = bytes;
        cache.count++;
      }
    }
    writeBytes(w, bytes);
    return;
  }
  const key = (i * PACK + a) * PACK + b;
  let bytes = cache.both.get(key);
  if (bytes === undefined) {
    bytes = itemBytes(sources[i], pub, pro);
    if (cache.count < MAX_CACHED_ITEMS) {
      cache.both.set(key, bytes);
      cache.count++;
    }
  }
  writeBytes(w, bytes);
}

function writeItemNumbers(w: JsonWriter, source: number, pub: number, pro: number): void {
  writeByte(w, OPEN_LIST);
  writeNumber(w, source);
  writeByte(w, COMMA);
  writeNumber(w, pub);
  writeByte(w, COMMA);
  writeNumber(w, pro);
  writeByte(w, CLOSE_LIST);
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

/** Writes the compact row of credited row i: compactRow's fields and defaults, from the columns. */
function writeColumnRow(w: JsonWriter, c: ResultColumns, i: number, rs: CompiledRuleSet, sources: readonly number[], rp: number,
  rq: number, deadline: string, items: ItemCache, warnings: Warnings): void {
  const h = c.hours;
  const base = i * HOURS;
  const publicHours = h[base];
  const professionalHours = h[base + 1];
  const s = COLUMN_STATUS_NUMBER[c.status[i]];
  writeByte(w, OPEN);
  let first = true;
  if (s !== 0) {
    writeBytes(w, S_FIELD[s]);
    first = false;
  }
  const n = c.itemCount[i];
  let pub = 0;
  let pro = 0;
  if (n > 0) {
    const start = c.itemStart[i];
    if (!first) writeByte(w, COMMA);
    writeBytes(w, B_FIELD);
    for (let k = 0; k < n; k++) {
      const ip = c.itemHours[2 * (start + k)];
      const iq = c.itemHours[2 * (start + k) + 1];
      if (k > 0) writeByte(w, COMMA);
      writeItem(w, items, sources, c.itemSource[start + k], ip, iq);
      pub += ip;
      pro += iq;
    }
    writeByte(w, CLOSE_LIST);
    first = false;
  }
  if (!same(publicHours, pub)) {
    if (!first) writeByte(w, COMMA);
    writeBytes(w, P_FIELD);
    writeNumber(w, publicHours);
    first = false;
  }
  if (!same(professionalHours, pro)) {
    if (!first) writeByte(w, COMMA);
    writeBytes(w, Q_FIELD);
    writeNumber(w, professionalHours);
    first = false;
  }
  // t: the total of a credited row is always public + professional, its default
  const requiredPublic = h[base + 2];
  const requiredProfessional = h[base + 3];
  if (!same(requiredPublic, rp) || !same(requiredProfessional, rq)) {
    if (!first) writeByte(w, COMMA);
    writeBytes(w, R_FIELD);
    writeNumber(w, requiredPublic);
    writeByte(w, COMMA);
    writeNumber(w, requiredProfessional);
    writeByte(w, CLOSE_LIST);
    first = false;
  }
  const publicShortfall = h[base + 4];
  const professionalShortfall = h[base + 5];
  if (!same(publicShortfall, shortfallDefault(requiredPublic, publicHours)) || !same(professionalShortfall, shortfallDefault(requiredProfessional, professionalHours))) {
    if (!first) writeByte(w, COMMA);
    writeBytes(w, F_FIELD);
    writeNumber(w, publicShortfall);
    writeByte(w, COMMA);
    writeNumber(w, professionalShortfall);
    writeByte(w, CLOSE_LIST);
    first = false;
  }
  const d = deadlineOf(c, i, rs);
  if (d !== deadline) {
    if (!first) writeByte(w, COMMA);
    writeBytes(w, D_FIELD);
    // a YYYY-MM-DD date: ASCII, nothing to escape
    writeAsciiString(w, d);
    first = false;
  }
  const nw = c.warningCount[i];
  if (nw > 0) {
    const start = c.warningStart[i];
    if (!first) writeByte(w, COMMA);
    writeBytes(w, W_FIELD);
    for (let k = 0; k < nw; k++) {
      if (k > 0) writeByte(w, COMMA);
      writeNumber(w, warningIndex(warnings, c.warnings[start + k]));
    }
    writeByte(w, CLOSE_LIST);
  }
  writeByte(w, CLOSE);
}

/** Bytes a compact row takes on average (to size the buffer; it grows when needed). */
const ROW_BYTES = 48;

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

  const { total, groups, attention } = finishSummary(e.summary);
  const summary: CompactEvaluateResponse['summary'] = { total };
  if (groups.length > 0) summary.groups = groups;
  if (attention.length > 0) {
    summary.attention = attention.map((a): CompactAttention => {
      const i = a.index;
      const r: Pick<RowResult, 'status' | 'publicShortfall' | 'professionalShortfall' | 'deadline'> | undefined = i < n && c.status[i] !== 0
        ? { status: COLUMN_STATUS[c.status[i]], publicShortfall: c.hours[i * HOURS + 4], professionalShortfall: c.hours[i * HOURS + 5], deadline: deadlineOf(c, i, rs) }
        : results[i];
      return attentionEntry(a, r, rows[i]);
    });
  }
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
