// One roster row through the rules, in the order of docs/rules.md §3–§6: the sources of hours by kind (in the rule
// set's order, the filing gate before its first source, a category cap after its last), the requirement, the status,
// the deadline. No allocation per row: the parsed row, the credits and the warning list are reused (RowContext).
import { NO_ERRORS, NO_ITEMS, NO_WARNINGS, exactCopy, makeNoteWarning, makeResult } from './build';
import { cachedIsoDay, cachedItem } from './cache';
import { newResultColumns, recordBreakdown, writeRow, type ResultColumns } from './columns';
import { ERROR_ROW_WARNINGS } from './codes';
import { BLANK_ROW, NOT_A_PERSON_ROW, PERSON_ROW, newParsedRow, parseRow, sortErrors, type ParsedRow } from './fields';
import { showCell } from './normalize';
import { objectList } from './object-list';
import { capCategory } from './rules/category-cap';
import { deadlineFor, warnDeadlinePassed } from './rules/deadline';
import { evidenceMissing, statusFor } from './rules/evidence-status';
import { notFiled } from './rules/filing-gate';
import { creditHoursAsGiven } from './rules/hours-as-given';
import { creditHoursPerDay } from './rules/hours-per-day';
import { creditHoursYearCap } from './rules/hours-year-cap';
import { creditItemsTimesHours } from './rules/items-times-hours';
import { monthsProfessional, monthsPublic } from './rules/months-prorated';
import { requiredProfessionalFor, requiredPublicFor, shortfallOf } from './rules/requirement';
import { checkedBySector } from './rules/sector-rule';
import { monthsOnDutyFor } from './rules/special-cases';
import {
  HOURS_AS_GIVEN,
  HOURS_PER_DAY,
  HOURS_YEAR_CAP,
  ITEMS_TIMES_HOURS,
  MONTHS_PRORATED,
  ALL_SOURCES,
  creditSlot,
  type CompiledRuleSet,
  type CompiledSource,
} from './rulesets/compile';
import type { BreakdownItem, RosterRowInput, RowError, RowResult, RowWarning } from './types';

/**
 * The breakdown as an array of exact size (through the scratch list `items`): one item per visited source that
 * credited hours, in the rule set's source order. Items are shared, frozen, from the rule set's cache.
 */
function breakdownOf(credits: Float64Array, visited: Int32Array, n: number, rs: CompiledRuleSet, items: BreakdownItem[]): BreakdownItem[] {
  items.length = 0;
  const sources = rs.sourceList;
  for (let k = 0; k < n; k++) {
    const i = visited[k];
    const pub = credits[creditSlot(i, 0)];
    const pro = credits[creditSlot(i, 1)];
    if (pub > 0 || pro > 0) items.push(cachedItem(rs.cache, i, sources[i].clause, sources[i].label, pub, pro));
  }
  return exactCopy(items, NO_ITEMS);
}

/** The result of a blank row: skipped, zeros, no deadline. */
export function blankResult(index: number, warnings: RowWarning[] = NO_WARNINGS): RowResult {
  return makeResult(index, '', 0, 0, 0, 0, 0, 0, 0, '', NO_ITEMS, warnings, NO_ERRORS);
}

/** A total or note row (docs/rules.md §9): skipped like a blank row, with one NOT_A_PERSON warning saying why. */
function notAPersonResult(index: number, name: string): RowResult {
  return blankResult(index, [makeNoteWarning('NOT_A_PERSON', `“${showCell(name)}”是合计或说明行，不是人员，已跳过，不计入人数和汇总`)]);
}

function errorResult(index: number, deadline: string, warnings: RowWarning[], errors: RowError[]): RowResult {
  return makeResult(index, '数据有误', 0, 0, 0, 0, 0, 0, 0, deadline, NO_ITEMS, warnings, errors);
}

export function isRowObject(row: unknown): row is RosterRowInput {
  return typeof row === 'object' && row !== null && !Array.isArray(row);
}

/**
 * Scratch space reused row after row within one evaluate call: no per-row allocation for reading cells, and warning
 * and error lists copied out at their exact size. With `columns` (newRowContext(rows)), a credited row is recorded
 * there, its warnings pushed straight onto the columns' list (no scratch list to empty, nothing copied), and
 * evaluateRow returns `scratch`, a reused result good until the next row, holding the index, status and hours the
 * summary reads (its warnings are the columns'); the caller builds the results with resultsFromColumns.
 */
export type RowContext = {
  parsed: ParsedRow;
  credits: Float64Array;
  errors: RowError[];
  warnings: RowWarning[];
  /** Scratch list of breakdown items (when there are no columns). */
  items: BreakdownItem[];
  columns: ResultColumns | null;
  scratch: RowResult;
  /** The sources a row's cells name, in order (sourcesOf), and the credits they gave. */
  visited: Int32Array;
};

export function newRowContext(rs: CompiledRuleSet, rows?: number): RowContext {
  return {
    parsed: newParsedRow(rs),
    credits: new Float64Array(rs.sources.length * 2),
    errors: objectList<RowError>(),
    warnings: objectList<RowWarning>(),
    items: objectList<BreakdownItem>(),
    columns: rows === undefined ? null : newResultColumns(rows),
    scratch: blankResult(0),
    visited: new Int32Array(rs.sources.length),
  };
}

/**
 * Evaluates one row; `asOfDay` is a day number or NaN (no DEADLINE_PASSED check). Never throws on row content.
 * After the call, `ctx.parsed` holds the row's name, unit and department (for the summary).
 */
export function evaluateRow(row: unknown, index: number, rs: CompiledRuleSet, asOfDay: number, ctx: RowContext = newRowContext(rs)): RowResult {
  const p = ctx.parsed;
  p.name = '';
  p.unit = '';
  p.department = '';
  p.idKey = null;
  p.plain = 0;
  if (row === null || row === undefined) return blankResult(index);
  if (!isRowObject(row)) {
    return errorResult(index, rs.yearEnd, NO_WARNINGS, [{ field: 'row', code: 'NOT_A_ROW', message: '该行不是花名册行（应为以表头为键的对象）' }]);
  }
  const errors = ctx.errors;
  if (errors.length !== 0) errors.length = 0;
  // the row's warnings: warnings[from …), on the columns' list or the emptied scratch list
  const warnings = ctx.columns === null ? ctx.warnings : ctx.columns.warnings;
  if (ctx.columns === null && warnings.length !== 0) warnings.length = 0;
  const from = warnings.length;
  const kind = parseRow(row, rs, errors, warnings, p);
  if (kind !== PERSON_ROW || errors.length > 0) {
    // a result object: the row's warnings leave the list
    const ids = kind === PERSON_ROW ? exactCopy(warnings, NO_WARNINGS, from) : NO_WARNINGS;
    dropFrom(warnings, from);
    if (kind === BLANK_ROW) return blankResult(index);
    if (kind === NOT_A_PERSON_ROW) return notAPersonResult(index, p.name);
    const deadline = deadlineFor(p.vals, rs, warnings);
    dropFrom(warnings, from);
    return errorResult(index, deadline === rs.yearEndDay ? rs.yearEnd : cachedIsoDay(rs.cache, deadline), ids, exactCopy(errors, NO_ERRORS));
  }
  return creditRow(p, index, rs, asOfDay, ctx, warnings, from);
}

/** Cuts `list` back to its first `from` entries. */
function dropFrom(list: RowWarning[], from: number): void {
  if (list.length !== from) list.length = from;
}

/**
 * docs/rules.md §9: a row whose ID number is also on `others` rows of the call becomes 数据有误 with DUPLICATE_ID on
 * idNumber (plus any errors it had), keeping its deadline and only the ID warnings.
 */
export function duplicateResult(r: RowResult, others: number[], total: number, rs: CompiledRuleSet): RowResult {
  const errors: RowError[] = r.errors.slice();
  errors.push({
    field: 'idNumber',
    code: 'DUPLICATE_ID',
    message: `${rs.zh.idNumber}：与另外${total}行的身份证号相同，同一人出现了多次；请把同一人的学时合并为一行后再核对`,
    rows: others,
  });
  sortErrors(errors, rs);
  const kept = r.warnings.filter((w) => ERROR_ROW_WARNINGS.has(w.code));
  return errorResult(r.index, r.deadline, kept.length === 0 ? NO_WARNINGS : kept, errors);
}

/** Source `s`'s hours on its side (not monthsProrated): the kind's rule. */
function creditOf(s: CompiledSource, vals: Float64Array, rs: CompiledRuleSet, warnings: RowWarning[]): number {
  switch (s.kind) {
    case HOURS_AS_GIVEN:
      return creditHoursAsGiven(s, vals);
    case HOURS_PER_DAY:
      return creditHoursPerDay(s, vals, rs, warnings);
    case HOURS_YEAR_CAP:
      return creditHoursYearCap(s, vals, rs, warnings);
    case ITEMS_TIMES_HOURS:
      return creditItemsTimesHours(s, vals, rs, warnings);
    default:
      return 0;
  }
}

/**
 * The sources named by `bits` (the sources whose cells were filled: CompiledInputs.sourceBits), in the rule set's
 * order, into `visited`; returns how many. The other sources credit 0 and warn nothing: no rule looks at them.
 */
function sourcesOf(bits: number, visited: Int32Array): number {
  if (bits === ALL_SOURCES) {
    for (let i = 0; i < visited.length; i++) visited[i] = i;
    return visited.length;
  }
  let n = 0;
  for (let m = bits; m !== 0; m &= m - 1) visited[n++] = 31 - Math.clz32(m & -m);
  return n;
}

/**
 * The hours of the visited sources into `credits` (creditSlot), in the rule set's order. The filing gate is checked
 * before its first source, a category cap applied after its last (a group's sources are visited together).
 */
function creditSources(visited: Int32Array, n: number, vals: Float64Array, credits: Float64Array, rs: CompiledRuleSet, warnings: RowWarning[]): void {
  const sources = rs.sources;
  let blocked = false;
  for (let k = 0; k < n; k++) {
    const i = visited[k];
    const s = sources[i];
    if (s.gateHere) blocked = notFiled(rs.gate as NonNullable<CompiledRuleSet['gate']>, vals, rs, warnings);
    let pub = 0;
    let pro = 0;
    if (!(blocked && s.gated)) {
      if (s.kind === MONTHS_PRORATED) {
        pub = monthsPublic(s, vals);
        pro = monthsProfessional(s, vals);
      } else if (s.side === 0) pub = creditOf(s, vals, rs, warnings);
      else pro = creditOf(s, vals, rs, warnings);
    }
    credits[creditSlot(i, 0)] = pub;
    credits[creditSlot(i, 1)] = pro;
    const g = s.capAfter;
    if (g !== null) capCategory(g, s.side, credits, rs, warnings);
  }
}

/** A person's row through the rules; `warnings[from …)` are its warnings so far, and the rules push theirs there. */
function creditRow(p: ParsedRow, index: number, rs: CompiledRuleSet, asOfDay: number, ctx: RowContext, warnings: RowWarning[], from: number): RowResult {
  const credits = ctx.credits;
  const vals = p.vals;
  const visited = ctx.visited;
  const n = sourcesOf(p.sources, visited);
  creditSources(visited, n, vals, credits, rs, warnings);
  // the hours that need evidence (附件1第7条) and the others (the city platform's), each side summed in source order
  // (the sources not visited credited 0)
  const sources = rs.sources;
  let freePublic = 0;
  let freeProfessional = 0;
  let evidenced = 0;
  let evidencedProfessional = 0;
  for (let k = 0; k < n; k++) {
    const i = visited[k];
    if (sources[i].evidence) {
      evidenced += credits[creditSlot(i, 0)];
      evidencedProfessional += credits[creditSlot(i, 1)];
    } else {
      freePublic += credits[creditSlot(i, 0)];
      freeProfessional += credits[creditSlot(i, 1)];
    }
  }
  const publicHours = freePublic + evidenced;
  const professionalHours = freeProfessional + evidencedProfessional;

  // the requirement, prorated by the special cases; the sector may check the professional part
  const onDuty = monthsOnDutyFor(vals, rs, warnings);
  const requiredPublic = requiredPublicFor(onDuty, rs);
  const requiredProfessional = checkedBySector(vals, rs, warnings) ? 0 : requiredProfessionalFor(onDuty, rs);
  const publicShortfall = shortfallOf(requiredPublic, publicHours);
  const professionalShortfall = shortfallOf(requiredProfessional, professionalHours);

  // evidence and status
  const missing = evidenceMissing(vals, evidenced + evidencedProfessional, onDuty, rs);
  const status = statusFor(publicShortfall, professionalShortfall, missing);

  // the deadline
  const deadlineDay = deadlineFor(vals, rs, warnings);
  warnDeadlinePassed(status, asOfDay, deadlineDay, publicShortfall, professionalShortfall, rs, warnings);
  const columns = ctx.columns;
  if (columns !== null) {
    writeRow(columns, index, status, publicHours, professionalHours, requiredPublic, requiredProfessional, deadlineDay, from);
    recordBreakdown(columns, index, credits, visited, n);
    // what the summary reads (addRow); the rest of the result, and the warnings, are in the columns
    const r = ctx.scratch;
    r.index = index;
    r.status = status;
    r.publicHours = publicHours;
    r.professionalHours = professionalHours;
    return r;
  }
  return makeResult(
    index,
    status,
    publicHours,
    professionalHours,
    publicHours + professionalHours,
    requiredPublic,
    requiredProfessional,
    publicShortfall,
    professionalShortfall,
    deadlineDay === rs.yearEndDay ? rs.yearEnd : cachedIsoDay(rs.cache, deadlineDay),
    breakdownOf(credits, visited, n, rs, ctx.items),
    exactCopy(warnings, NO_WARNINGS),
    NO_ERRORS,
  );
}

/** The name, unit and department of a row as the summary groups it (read again after duplicates were found). */
export function groupTexts(row: unknown, rs: CompiledRuleSet, ctx: RowContext): ParsedRow {
  const p = ctx.parsed;
  if (!isRowObject(row)) {
    p.name = '';
    p.unit = '';
    p.department = '';
    return p;
  }
  parseRow(row, rs, [], [], p);
  return p;
}
