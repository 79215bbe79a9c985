// The compact answer of POST /v1/evaluate (`"format": "compact"` in the request body): the same EvaluateResponse
// (docs/api.md) in about a third of the bytes, for clients that expand it again (the add-in). The reference encoder
// (compactAnswer, from an EvaluateResponse) and the expanders (expandAnswer; expandResults, without the summary, used
// by the add-in), all pure; the Worker writes the same bytes straight from the engine's columns (shared/compact-json.ts).
// The full answer stays the default; a compact answer says so in its `format` field, so a client that asked for
// compact and got an answer without `"format": "compact"` (an older deployment ignores the field) uses it as it is.
//
// The shape, field by field (a field left out takes the default written next to it):
//
//   { format: "compact", ruleSet, engineVersion,
//     required?: [requiredPublic, requiredProfessional]   default [0, 0]: the usual requirement of the answer's people
//     deadline?: "YYYY-MM-DD"                              default "": the usual deadline of the answer's people
//     warnings?: RowWarning[]                              default []: the answer's distinct warnings, each once
//     results: CompactRow[]                                 one per row, in order; a row's `index` is its position
//     summary: { total: SummaryCounts                       as in the full answer; left out when the request
//                groups?: SummaryGroup[]                    asked for no summary (`"summary": false`)
//                attention?: CompactAttention[] }           groups and attention default []
//     batchId }                                             added by the Worker, as in the full answer
//
//   CompactRow (every key optional):
//     s  status as a number: 0 达标, 1 未达标, 2 待补材料, 3 数据有误, 4 '' (blank row)      default 0
//     b  breakdown, each item [sourceIndex, public, professional]                          default []
//        sourceIndex indexes the rule set's `sourceOrder` (GET /v1/rules); the item's label and clause are
//        `sources[sourceOrder[sourceIndex]]` of that rule set
//     p  publicHours                 default: the sum of b's public hours, in order, from 0
//     q  professionalHours           default: the sum of b's professional hours, in order, from 0
//     t  totalHours                  default p + q
//     r  [requiredPublic, requiredProfessional]   default: the answer's `required` when s is 0, 1 or 2, else [0, 0]
//     f  [publicShortfall, professionalShortfall] default: [rp > p ? rp − p : 0, rq > q ? rq − q : 0] with r = [rp, rq]
//     d  deadline                    default: the answer's `deadline`, or "" when s is 4
//     w  warnings, as indexes into the answer's `warnings`   default []
//     e  errors, as in the full answer            default []
//
//   CompactAttention: the row's index, or [index, name, unit, department] when those texts are not the row's plain
//   texts as sent (plainTexts below: a text cell trimmed, a number as written, a blank unit or department shown as
//   （未填）). status, publicShortfall, professionalShortfall and deadline are those of results[index].
//
// The encoder checks every default against the value it replaces (Object.is), so expanding gives back exactly the
// full answer, whatever the engine computes; a value that differs from its default is simply written out.
import { NO_ERRORS, NO_ITEMS, NO_WARNINGS, makeAttention, makeItem, makeResult } from './build';
import { textOfCell } from './normalize';
import { groupLabel, listedText } from './summary';
import type {
  AttentionItem,
  BreakdownItem,
  EvaluateResponse,
  EvaluatedRows,
  RowError,
  RowResult,
  RowStatus,
  RowWarning,
  Summary,
  SummaryCounts,
  SummaryGroup,
} from './types';

/** The answer formats POST /v1/evaluate accepts in `format`; `full` when omitted. */
export const ANSWER_FORMATS = ['full', 'compact'] as const;
export type AnswerFormat = (typeof ANSWER_FORMATS)[number];

/** A row status by its number in a compact row's `s`. */
export const COMPACT_STATUSES: readonly RowStatus[] = ['达标', '未达标', '待补材料', '数据有误', ''];
const BLANK_STATUS = 4;
/** Statuses below this are people with a requirement (达标, 未达标, 待补材料). */
const FIRST_NON_PERSON_STATUS = 3;

export type CompactBreakdownItem = [sourceIndex: number, publicHours: number, professionalHours: number];
export type Pair = [number, number];

export type CompactRow = {
  s?: number;
  b?: CompactBreakdownItem[];
  p?: number;
  q?: number;
  t?: number;
  r?: Pair;
  f?: Pair;
  d?: string;
  w?: number[];
  e?: RowError[];
};

export type CompactAttention = number | [index: number, name: string, unit: string, department: string];

export type CompactEvaluateResponse = {
  format: 'compact';
  ruleSet: string;
  engineVersion: string;
  required?: Pair;
  deadline?: string;
  warnings?: RowWarning[];
  results: CompactRow[];
  /** Left out when the request asked for no summary (`"summary": false`, docs/api.md). */
  summary?: { total: SummaryCounts; groups?: SummaryGroup[]; attention?: CompactAttention[] };
};

/** What names a breakdown item: a rule set's `sources` and their order (RuleSet and GET /v1/rules' RuleSetDescription). */
export type SourceTable = {
  readonly sources: Readonly<Record<string, { readonly label: string; readonly clause: string }>>;
  readonly sourceOrder: readonly string[];
};

/** A compact answer that cannot be expanded (a broken answer, or a rule set that does not match it). */
export class CompactAnswerError extends Error {
  override readonly name = 'CompactAnswerError';
}

/** True when an answer is a compact one (else it is the full EvaluateResponse). */
export function isCompactAnswer(answer: unknown): answer is CompactEvaluateResponse {
  return typeof answer === 'object' && answer !== null && (answer as { format?: unknown }).format === 'compact';
}

/** A row's name, unit and department as plain texts, the way a compact attention entry that is only an index means them. */
export function plainTexts(row: unknown): [name: string, unit: string, department: string] {
  const cells = typeof row === 'object' && row !== null && !Array.isArray(row) ? (row as Record<string, unknown>) : {};
  const text = (v: unknown): string => textOfCell(v) ?? '';
  return [listedText(text(cells.name)), groupLabel(text(cells.unit)), groupLabel(text(cells.department))];
}

/** A status's number in a compact row's `s`. */
export const statusNumber: ReadonlyMap<string, number> = new Map<string, number>(COMPACT_STATUSES.map((s, i) => [s, i]));
export const BLANK_STATUS_NUMBER = BLANK_STATUS;

/** Label → source index and the sources in index order, per table (built once). */
export type Lookup = { byLabel: Map<string, number>; sources: { readonly label: string; readonly clause: string }[] };
const lookups = new WeakMap<SourceTable, Lookup>();
export function lookupOf(table: SourceTable): Lookup {
  let hit = lookups.get(table);
  if (hit !== undefined) return hit;
  const sources = table.sourceOrder.map((key) => table.sources[key]);
  const byLabel = new Map<string, number>();
  sources.forEach((src, i) => {
    if (!byLabel.has(src.label)) byLabel.set(src.label, i);
  });
  hit = { byLabel, sources };
  lookups.set(table, hit);
  return hit;
}

/** The index of the source naming `item` (label, then clause), or -1. */
export function sourceIndex(lookup: Lookup, item: BreakdownItem): number {
  const i = lookup.byLabel.get(item.label);
  if (i !== undefined && lookup.sources[i].clause === item.clause) return i;
  // two sources with one label (no rule set has them today): the one whose clause matches
  return lookup.sources.findIndex((src) => src.label === item.label && src.clause === item.clause);
}

export const isPerson = (status: number): boolean => status < FIRST_NON_PERSON_STATUS;
export const shortfallDefault = (required: number, hours: number): number => (required > hours ? required - hours : 0);
const same = Object.is;

/** The answer's distinct warnings, found by message (then every field compared), each kept once. */
export type WarningTable = { list: RowWarning[]; byMessage: Map<string, number> };
export function warningNumber(t: WarningTable, w: RowWarning): number {
  const at = t.byMessage.get(w.message);
  if (at !== undefined) {
    const k = t.list[at];
    if (k === w || (k.code === w.code && k.clause === w.clause && same(k.lostHours, w.lostHours))) return at;
    // the same message with other fields: kept as its own entry, found by a scan (never seen from the engine)
    for (let i = 0; i < t.list.length; i++) {
      const o = t.list[i];
      if (o.message === w.message && o.code === w.code && o.clause === w.clause && same(o.lostHours, w.lostHours)) return i;
    }
  } else t.byMessage.set(w.message, t.list.length);
  t.list.push(w);
  return t.list.length - 1;
}

/**
 * The compact form of `response`: `rows` are the rows it was computed from (as the client sent them), `table` the
 * answer's rule set (`getRuleSet(response.ruleSet)`). Throws only for a breakdown item no source of the rule set
 * names, or an attention entry that differs from its row: programming errors, never row content.
 * In the object it returns, a key left out may be present with the value undefined (JSON.stringify drops it).
 * A response without a summary (EvaluatedRows: the request asked for none) gives an answer without one.
 */
export function compactAnswer(response: EvaluatedRows & { summary?: Summary }, rows: readonly unknown[], table: SourceTable): CompactEvaluateResponse {
  const lookup = lookupOf(table);
  const all = response.results;
  const { rp, rq, deadline } = usualOf(all);
  const warnings: WarningTable = { list: [], byMessage: new Map() };
  const results = new Array<CompactRow>(all.length);
  for (let i = 0; i < results.length; i++) results[i] = compactRow(all[i], rp, rq, deadline, lookup, warnings);

  // keys in the order of the full answer's
  const head: Omit<CompactEvaluateResponse, 'results' | 'summary'> = { format: 'compact', ruleSet: response.ruleSet, engineVersion: response.engineVersion };
  if (!same(rp, 0) || !same(rq, 0)) head.required = [rp, rq];
  if (deadline !== '') head.deadline = deadline;
  if (warnings.list.length > 0) head.warnings = warnings.list;
  if (response.summary === undefined) return { ...head, results };
  const { total, groups, attention } = response.summary;
  const summary: NonNullable<CompactEvaluateResponse['summary']> = { total };
  if (groups.length > 0) summary.groups = groups;
  if (attention.length > 0) summary.attention = attention.map((a) => attentionEntry(a, all[a.index], rows[a.index]));
  return { ...head, results, summary };
}

/**
 * The usual requirement and deadline of an answer's rows: Boyer–Moore majority votes over the people (linear, no
 * allocation), the true majority whenever there is one, else some value; any choice is correct, since a row that
 * differs writes its own. [0, 0] and '' when no row is a person.
 */
export function usualOf(all: readonly RowResult[]): { rp: number; rq: number; deadline: string } {
  let rp = 0, rpVotes = 0, rq = 0, rqVotes = 0, deadline = '', deadlineVotes = 0;
  for (let i = 0; i < all.length; i++) {
    const r = all[i];
    if (!isPerson(statusNumber.get(r.status) ?? BLANK_STATUS)) continue;
    if (rpVotes === 0) (rp = r.requiredPublic), (rpVotes = 1);
    else rpVotes += same(rp, r.requiredPublic) ? 1 : -1;
    if (rqVotes === 0) (rq = r.requiredProfessional), (rqVotes = 1);
    else rqVotes += same(rq, r.requiredProfessional) ? 1 : -1;
    if (deadlineVotes === 0) (deadline = r.deadline), (deadlineVotes = 1);
    else deadlineVotes += deadline === r.deadline ? 1 : -1;
  }
  return { rp, rq, deadline };
}

/** One row, built as one object literal of one shape (fast to build; a default is undefined, which JSON leaves out). */
export function compactRow(r: RowResult, rp: number, rq: number, deadline: string, lookup: Lookup, table: WarningTable): CompactRow {
  const s = statusNumber.get(r.status);
  if (s === undefined) throw new Error(`compactAnswer: unknown status ${JSON.stringify(r.status)} of row ${r.index}`);
  const n = r.breakdown.length;
  let b: CompactBreakdownItem[] | undefined;
  let pub = 0;
  let pro = 0;
  if (n > 0) {
    b = new Array<CompactBreakdownItem>(n);
    for (let k = 0; k < n; k++) {
      const item = r.breakdown[k];
      const i = sourceIndex(lookup, item);
      if (i < 0) {
        throw new Error(`compactAnswer: breakdown item “${item.label}”（${item.clause}）of row ${r.index} is no source of the rule set`);
      }
      b[k] = [i, item.public, item.professional];
      pub += item.public;
      pro += item.professional;
    }
  }
  const person = isPerson(s);
  const requiredDiffers = !same(r.requiredPublic, person ? rp : 0) || !same(r.requiredProfessional, person ? rq : 0);
  const shortfallDiffers = !same(r.publicShortfall, shortfallDefault(r.requiredPublic, r.publicHours))
    || !same(r.professionalShortfall, shortfallDefault(r.requiredProfessional, r.professionalHours));
  const nw = r.warnings.length;
  let w: number[] | undefined;
  if (nw > 0) {
    w = new Array<number>(nw);
    for (let k = 0; k < nw; k++) w[k] = warningNumber(table, r.warnings[k]);
  }
  return {
    s: s === 0 ? undefined : s,
    b,
    p: same(r.publicHours, pub) ? undefined : r.publicHours,
    q: same(r.professionalHours, pro) ? undefined : r.professionalHours,
    t: same(r.totalHours, r.publicHours + r.professionalHours) ? undefined : r.totalHours,
    r: requiredDiffers ? [r.requiredPublic, r.requiredProfessional] : undefined,
    f: shortfallDiffers ? [r.publicShortfall, r.professionalShortfall] : undefined,
    d: r.deadline === (s === BLANK_STATUS ? '' : deadline) ? undefined : r.deadline,
    w,
    e: r.errors.length > 0 ? r.errors : undefined,
  };
}

/**
 * A compact attention entry: `r` holds the status, shortfalls and deadline of row a.index as its result has them
 * (anything with those four fields); throws when they differ from the entry's (a programming error).
 */
export function attentionEntry(
  a: AttentionItem,
  r: Pick<RowResult, 'status' | 'publicShortfall' | 'professionalShortfall' | 'deadline'> | undefined,
  row: unknown,
): CompactAttention {
  if (r === undefined || a.status !== r.status || !same(a.publicShortfall, r.publicShortfall) || !same(a.professionalShortfall, r.professionalShortfall) || a.deadline !== r.deadline) {
    throw new Error(`compactAnswer: attention entry of row ${a.index} differs from the row's result`);
  }
  const [name, unit, department] = plainTexts(row);
  return a.name === name && a.unit === unit && a.department === department ? a.index : [a.index, a.name, a.unit, a.department];
}

// ---- expanding ----

const broken = (why: string): CompactAnswerError => new CompactAnswerError(`计算服务的精简答复无法还原：${why}`);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number';
const isPair = (v: unknown): v is Pair => Array.isArray(v) && v.length === 2 && isNumber(v[0]) && isNumber(v[1]);

/**
 * The full EvaluateResponse of a compact answer: `rows` are the rows the request sent (for the attention list's
 * names), `table` the answer's rule set as GET /v1/rules describes it (see rulesTableFor). Throws CompactAnswerError
 * (a Chinese message) when the answer is not a well-formed compact answer for these rows and this rule set.
 */
export function expandAnswer(compact: CompactEvaluateResponse, rows: readonly unknown[], table: SourceTable): EvaluateResponse {
  if (!isCompactAnswer(compact) || !isObject(compact.summary) || !isObject(compact.summary.total)) throw broken('答复缺少逐行结果或汇总');
  const { ruleSet, engineVersion, results } = expandResults(compact, rows, table);
  const attention = (compact.summary.attention ?? []).map((a) => expandAttention(a, results, rows));
  const groups = compact.summary.groups ?? [];
  if (!Array.isArray(groups)) throw broken('汇总的分组格式不对');
  return { ruleSet, engineVersion, results, summary: { total: compact.summary.total, groups, attention } };
}

/**
 * The rows' results of a compact answer, with or without its summary (expandAnswer's, without the summary): what a
 * client needs that asked for no summary (`"summary": false`) or makes its own. Throws CompactAnswerError as expandAnswer.
 */
export function expandResults(compact: CompactEvaluateResponse, rows: readonly unknown[], table: SourceTable): EvaluatedRows {
  if (!isCompactAnswer(compact) || !Array.isArray(compact.results)) throw broken('答复缺少逐行结果');
  if (compact.results.length !== rows.length) throw broken(`发送 ${rows.length} 行，收到 ${compact.results.length} 行结果`);
  const required = compact.required ?? [0, 0];
  const deadline = compact.deadline ?? '';
  if (!isPair(required) || typeof deadline !== 'string') throw broken('默认的学时要求或完成期限格式不对');
  const warnings = compact.warnings ?? [];
  if (!Array.isArray(warnings) || !warnings.every(isObject)) throw broken('提示列表格式不对');
  const sources = table.sourceOrder.map((k) => table.sources[k]);
  if (sources.some((s) => !isObject(s) || typeof s.label !== 'string' || typeof s.clause !== 'string')) throw broken('规则说明中的学时来源不完整');
  const results = new Array<RowResult>(rows.length);
  for (let i = 0; i < results.length; i++) results[i] = expandRow(compact.results[i], i, required, deadline, sources, warnings);
  return { ruleSet: compact.ruleSet, engineVersion: compact.engineVersion, results };
}

function expandRow(c: unknown, index: number, required: Pair, deadline: string, sources: readonly { label: string; clause: string }[], table: readonly RowWarning[]): RowResult {
  const nth = (): string => `第 ${index + 1} 条结果`;
  if (!isObject(c)) throw broken(`${nth()}不是对象`);
  const row = c as CompactRow;
  const s = row.s ?? 0;
  const status = COMPACT_STATUSES[s];
  if (!Number.isInteger(s) || status === undefined) throw broken(`${nth()}的状态编号 ${String(s)} 无法识别`);
  const b = row.b;
  if (b !== undefined && !Array.isArray(b)) throw broken(`${nth()}的学时来源不是列表`);
  const breakdown = b === undefined || b.length === 0 ? NO_ITEMS : new Array<BreakdownItem>(b.length);
  let pubSum = 0;
  let proSum = 0;
  for (let k = 0; k < breakdown.length; k++) {
    const item = (b as unknown[])[k];
    const src = Array.isArray(item) && item.length === 3 && isNumber(item[1]) && isNumber(item[2]) && Number.isInteger(item[0]) ? sources[item[0] as number] : undefined;
    if (src === undefined) throw broken(`${nth()}的学时来源 ${JSON.stringify(item)} 不在规则集的学时来源中`);
    const pub = (item as CompactBreakdownItem)[1];
    const pro = (item as CompactBreakdownItem)[2];
    breakdown[k] = makeItem(src.clause, src.label, pub, pro);
    pubSum += pub;
    proSum += pro;
  }
  const publicHours = row.p ?? pubSum;
  const professionalHours = row.q ?? proSum;
  const totalHours = row.t ?? publicHours + professionalHours;
  const r = row.r;
  if (r !== undefined && !isPair(r)) throw broken(`${nth()}的学时要求格式不对`);
  const requiredPublic = r !== undefined ? r[0] : isPerson(s) ? required[0] : 0;
  const requiredProfessional = r !== undefined ? r[1] : isPerson(s) ? required[1] : 0;
  const f = row.f;
  if (f !== undefined && !isPair(f)) throw broken(`${nth()}的缺口格式不对`);
  const publicShortfall = f !== undefined ? f[0] : shortfallDefault(requiredPublic, publicHours);
  const professionalShortfall = f !== undefined ? f[1] : shortfallDefault(requiredProfessional, professionalHours);
  const w = row.w;
  const errors = row.e ?? NO_ERRORS;
  if (!isNumber(publicHours) || !isNumber(professionalHours) || !isNumber(totalHours) || !Array.isArray(errors) || (w !== undefined && !Array.isArray(w))) {
    throw broken(`${nth()}的格式不对`);
  }
  // a copy per row, as a full answer's rows have their own objects
  const warnings = w === undefined || w.length === 0 ? NO_WARNINGS : new Array<RowWarning>(w.length);
  for (let k = 0; k < warnings.length; k++) {
    const n = (w as number[])[k];
    const known = Number.isInteger(n) ? table[n] : undefined;
    if (known === undefined) throw broken(`${nth()}的提示编号 ${JSON.stringify(n)} 不在提示列表中`);
    warnings[k] = { ...known };
  }
  return makeResult(index, status, publicHours, professionalHours, totalHours, requiredPublic, requiredProfessional, publicShortfall,
    professionalShortfall, row.d ?? (s === BLANK_STATUS ? '' : deadline), breakdown, warnings, errors);
}

function expandAttention(a: unknown, results: readonly RowResult[], rows: readonly unknown[]): AttentionItem {
  const index = Array.isArray(a) ? a[0] : a;
  const r = Number.isInteger(index) ? results[index as number] : undefined;
  if (r === undefined) throw broken(`需关注名单中的行号 ${JSON.stringify(index)} 不在本次的行中`);
  const [name, unit, department] = Array.isArray(a) ? (a.slice(1) as unknown[]) : plainTexts(rows[r.index]);
  if (typeof name !== 'string' || typeof unit !== 'string' || typeof department !== 'string') throw broken(`需关注名单第 ${r.index} 行的姓名或单位格式不对`);
  return makeAttention(r.index, name, unit, department, r.status, r.publicShortfall, r.professionalShortfall, r.deadline);
}

/** GET /v1/rules as a client reads it. */
export type RulesAnswer = { engineVersion: string; ruleSets: ({ id: string } & SourceTable)[] };

/**
 * The rule set of a compact answer from GET /v1/rules' answer: the same engine version, the answer's rule set id,
 * with sources and sourceOrder. Throws CompactAnswerError otherwise.
 */
export function rulesTableFor(rules: unknown, answer: Pick<CompactEvaluateResponse, 'ruleSet' | 'engineVersion'>): SourceTable {
  if (!isObject(rules) || !Array.isArray(rules.ruleSets)) throw broken('规则说明（/v1/rules）格式不对');
  if (rules.engineVersion !== answer.engineVersion) {
    throw broken(`规则说明的版本（${String(rules.engineVersion)}）与计算结果的版本（${answer.engineVersion}）不同，请重新计算`);
  }
  const rs = (rules.ruleSets as unknown[]).find((r) => isObject(r) && r.id === answer.ruleSet);
  if (!isObject(rs) || !isObject(rs.sources) || !Array.isArray(rs.sourceOrder)) throw broken(`规则说明中没有规则集 ${answer.ruleSet} 的学时来源`);
  return rs as unknown as SourceTable;
}
