// The compact answer (docs/api.md; its shape: shared/compact.ts) written as JSON text straight from an evaluation's
// columns (shared/columns.ts): no RowResult and no CompactRow object for a credited row, and no JSON.stringify over
// the answer. The text is, to the byte, JSON.stringify(compactAnswer(evaluate(rows), rows, ruleSet)) with the same
// defaults checked the same way (test/engine/compact-text.test.ts holds it to that on every worked case and on
// generated rosters); the Worker answers `"format": "compact"` with it.
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

const same = Object.is;
/** A number as JSON.stringify writes it. */
const num = (n: number): string => (Number.isFinite(n) ? String(n) : 'null');

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

/** Breakdown item texts `[source,public,professional]`, one per distinct item of one answer. */
type ItemTexts = Map<number, string>;
/** Half hours 0 … 1023 on both sides pack into one small integer key (per source); other hours are not cached. */
const PACK = 2048;

function itemText(texts: ItemTexts, source: number, pub: number, pro: number): string {
  const a = pub * 2;
  const b = pro * 2;
  const packable = a >= 0 && a < PACK && b >= 0 && b < PACK && (a | 0) === a && (b | 0) === b;
  const key = packable ? (source * PACK + a) * PACK + b : -1;
  if (key >= 0) {
    const hit = texts.get(key);
    if (hit !== undefined) return hit;
  }
  const text = `[${source},${num(pub)},${num(pro)}]`;
  if (key >= 0) texts.set(key, text);
  return text;
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

/** `"s":N` of each compact status number. */
const S_FIELD: readonly string[] = [0, 1, 2, 3, 4].map((n) => `"s":${n}`);

/**
 * Pushes the compact row of credited row i onto `out` as pieces of JSON text (compactRow's fields and defaults, from
 * the columns): one join of every piece at the end, no string per row.
 */
function pushColumnRow(out: string[], c: ResultColumns, i: number, rs: CompiledRuleSet, sources: readonly number[], rp: number,
  rq: number, deadline: string, items: ItemTexts, warnings: Warnings): void {
  const h = c.hours;
  const base = i * HOURS;
  const publicHours = h[base];
  const professionalHours = h[base + 1];
  const s = COLUMN_STATUS_NUMBER[c.status[i]];
  let sep = '{';
  if (s !== 0) {
    out.push(sep, S_FIELD[s]);
    sep = ',';
  }
  const n = c.itemCount[i];
  let pub = 0;
  let pro = 0;
  if (n > 0) {
    const start = c.itemStart[i];
    out.push(sep, '"b":[');
    for (let k = 0; k < n; k++) {
      const ip = c.itemHours[2 * (start + k)];
      const iq = c.itemHours[2 * (start + k) + 1];
      if (k > 0) out.push(',');
      out.push(itemText(items, sources[c.itemSource[start + k]], ip, iq));
      pub += ip;
      pro += iq;
    }
    out.push(']');
    sep = ',';
  }
  if (!same(publicHours, pub)) {
    out.push(sep, '"p":', num(publicHours));
    sep = ',';
  }
  if (!same(professionalHours, pro)) {
    out.push(sep, '"q":', num(professionalHours));
    sep = ',';
  }
  // t: the total of a credited row is always public + professional, its default
  const requiredPublic = h[base + 2];
  const requiredProfessional = h[base + 3];
  if (!same(requiredPublic, rp) || !same(requiredProfessional, rq)) {
    out.push(sep, '"r":[', num(requiredPublic), ',', num(requiredProfessional), ']');
    sep = ',';
  }
  const publicShortfall = h[base + 4];
  const professionalShortfall = h[base + 5];
  if (!same(publicShortfall, shortfallDefault(requiredPublic, publicHours)) || !same(professionalShortfall, shortfallDefault(requiredProfessional, professionalHours))) {
    out.push(sep, '"f":[', num(publicShortfall), ',', num(professionalShortfall), ']');
    sep = ',';
  }
  const d = deadlineOf(c, i, rs);
  if (d !== deadline) {
    out.push(sep, '"d":', JSON.stringify(d));
    sep = ',';
  }
  const nw = c.warningCount[i];
  if (nw > 0) {
    const start = c.warningStart[i];
    out.push(sep, '"w":[');
    for (let k = 0; k < nw; k++) {
      if (k > 0) out.push(',');
      out.push(num(warningIndex(warnings, c.warnings[start + k])));
    }
    out.push(']');
    sep = ',';
  }
  out.push(sep === '{' ? '{}' : '}');
}

/**
 * The compact answer of an evaluation (evaluateRows) as JSON text; `rows` are the rows evaluated (for the attention
 * list's names), `tail` fields appended after `summary` (the Worker's batchId).
 */
export function compactAnswerText(e: Evaluation, rows: readonly unknown[], tail?: Readonly<Record<string, string>>): string {
  const { rs, results, columns: c } = e;
  const table = getRuleSet(rs.ruleSet.id);
  const lookup = lookupOf(table);
  const sources = sourceNumbersOf(rs, table);
  const { rp, rq, deadline } = usual(e);
  const warnings: Warnings = { table: { list: [], byMessage: new Map() }, byObject: new Map() };
  const items: ItemTexts = new Map();
  const n = c.status.length;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) out.push(',');
    if (c.status[i] !== 0) pushColumnRow(out, c, i, rs, sources, rp, rq, deadline, items, warnings);
    else out.push(JSON.stringify(compactRow(results[i], rp, rq, deadline, lookup, warnings.table)));
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
  if (!same(rp, 0) || !same(rq, 0)) head += `,"required":[${num(rp)},${num(rq)}]`;
  if (deadline !== '') head += `,"deadline":${JSON.stringify(deadline)}`;
  if (warnings.table.list.length > 0) head += `,"warnings":${JSON.stringify(warnings.table.list)}`;
  let end = `],"summary":${JSON.stringify(summary)}`;
  if (tail !== undefined) for (const key of Object.keys(tail)) end += `,${JSON.stringify(key)}:${JSON.stringify(tail[key])}`;
  return `${head},"results":[${out.join('')}${end}}`;
}

/** evaluate then the compact answer as JSON text, in one call (what `npm run bench` measures). */
export function evaluateCompactText(rows: RosterRowInput[], options?: EvaluateOptions | null): string {
  return compactAnswerText(evaluateRows(rows, options), rows);
}
