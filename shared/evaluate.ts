// evaluate(rows, options): the engine's entry point (docs/developer-guide.md, The engine). Pure and synchronous.
import { resultsFromColumns, type ResultColumns } from './columns';
import { dayFromIso } from './dates';
import { InvalidOptionsError } from './errors';
import { duplicateResult, evaluateRow, groupTexts, newRowContext } from './row';
import { DEFAULT_RULE_SET, getCompiledRuleSet } from './rulesets';
import type { CompiledRuleSet } from './rulesets/compile';
import { addRow, addToSummary, finishSummary, newSummaryBuilder, type SummaryBuilder } from './summary';
import type { EvaluateOptions, EvaluateResponse, EvaluatedRows, RosterRowInput, RowResult } from './types';
import { ENGINE_VERSION } from './version';

/** One evaluate call before its answer is written: what every row came to, and the summary so far. */
export type Evaluation = {
  rs: CompiledRuleSet;
  /** The result of each row that is not in `columns` (blank, 数据有误, not a person); other slots are empty. */
  results: RowResult[];
  /** Every credited row (status code ≠ 0). */
  columns: ResultColumns;
  /** Per row, which of its name, unit and department cells are plain texts (ParsedRow.plain). */
  plain: Uint8Array;
  /** The summary so far; null when none was asked for (evaluateRows' `withSummary`). */
  summary: SummaryBuilder | null;
};

/**
 * Checks every row against a rule set. Bad row content becomes per-row errors; it throws only for an unknown
 * ruleSet (UnknownRuleSetError), an asOf that is not a YYYY-MM-DD date or rows that are not an array (InvalidOptionsError).
 */
export function evaluate(rows: RosterRowInput[], options?: EvaluateOptions | null): EvaluateResponse {
  return responseOf(evaluateRows(rows, options));
}

/** The EvaluateResponse of an evaluation with its summary: a result object for every row (its `results` list is filled in). */
export function responseOf(e: Evaluation): EvaluateResponse {
  if (e.summary === null) throw new Error('responseOf: the evaluation has no summary (evaluateRows without one): use rowsOf');
  const { ruleSet, engineVersion, results } = rowsOf(e);
  return { ruleSet, engineVersion, results, summary: finishSummary(e.summary, results) };
}

/** The answer without a summary (`"summary": false`): a result object for every row. */
export function rowsOf(e: Evaluation): EvaluatedRows {
  resultsFromColumns(e.results, e.columns, e.rs);
  return { ruleSet: e.rs.ruleSet.id, engineVersion: ENGINE_VERSION, results: e.results };
}

/**
 * The row loop of evaluate: every row's result (as columns or an object) and, unless `withSummary` is false (a client
 * that makes its own from the results: docs/api.md, `"summary": false`), the summary; same errors as evaluate.
 */
export function evaluateRows(rows: RosterRowInput[], options?: EvaluateOptions | null, withSummary = true): Evaluation {
  if (!Array.isArray(rows)) throw new InvalidOptionsError('rows 必须是数组');
  const ruleSet = options?.ruleSet ?? DEFAULT_RULE_SET;
  const rs = getCompiledRuleSet(ruleSet);
  const asOf = options?.asOf;
  let asOfDay = NaN;
  if (asOf !== undefined && asOf !== null) {
    asOfDay = typeof asOf === 'string' ? dayFromIso(asOf) : NaN;
    if (Number.isNaN(asOfDay)) throw new InvalidOptionsError(`asOf 应为 YYYY-MM-DD 格式的有效日期：${String(asOf)}`);
  }
  const ctx = newRowContext(rs, rows.length);
  const columns = ctx.columns as ResultColumns;
  let summary = withSummary ? newSummaryBuilder(rows.length) : null;
  const results: RowResult[] = new Array<RowResult>(rows.length);
  const plain = new Uint8Array(rows.length);
  const ids = new Map<string, number>();
  let repeated: Map<string, number[]> | null = null;
  for (let i = 0; i < rows.length; i++) {
    const r = evaluateRow(rows[i], i, rs, asOfDay, ctx);
    const p = ctx.parsed;
    plain[i] = p.plain;
    if (r !== ctx.scratch) {
      results[i] = r;
      if (summary !== null) addToSummary(summary, r, p.name, p.unit, p.department);
    } else if (summary !== null) {
      const from = columns.warningStart[i];
      addRow(summary, r, columns.warnings, from, from + columns.warningCount[i], p.name, p.unit, p.department);
    }
    const id = p.idKey;
    if (id !== null) {
      const first = ids.get(id);
      if (first === undefined) ids.set(id, i);
      else {
        repeated ??= new Map();
        const list = repeated.get(id);
        if (list === undefined) repeated.set(id, [first, i]);
        else list.push(i);
      }
    }
  }
  if (repeated !== null) {
    // rare: every result as an object, then the repeated rows marked and the summary made again
    resultsFromColumns(results, columns, rs);
    columns.status.fill(0);
    markDuplicates(results, repeated, rs);
    if (summary !== null) {
      summary = newSummaryBuilder(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const t = groupTexts(rows[i], rs, ctx);
        addToSummary(summary, results[i], t.name, t.unit, t.department);
      }
    }
  }
  return { rs, results, columns, plain, summary };
}

/**
 * How many other rows a DUPLICATE_ID error lists at most (the message still gives the full count): the same ID on
 * every one of n rows would otherwise make an answer of n² row numbers. Not a number of the notice: a safety limit.
 */
export const MAX_DUPLICATE_ROWS_LISTED = 50;

/** docs/rules.md §9: every row of a repeated ID number becomes 数据有误 with DUPLICATE_ID naming the other rows. */
function markDuplicates(results: RowResult[], repeated: Map<string, number[]>, rs: CompiledRuleSet): void {
  for (const list of repeated.values()) {
    for (const i of list) {
      const others: number[] = [];
      for (let k = 0; k < list.length && others.length < MAX_DUPLICATE_ROWS_LISTED; k++) if (list[k] !== i) others.push(list[k]);
      results[i] = duplicateResult(results[i], others, list.length - 1, rs);
    }
  }
}
