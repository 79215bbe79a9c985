// The pure logic behind the custom functions (functions.ts is a thin Office layer over it).
// One call evaluates every row of the range at once with the bundled engine: synchronous, no network.
import {
  DEFAULT_RULE_SET,
  OUTPUT_HEADERS,
  creditKeysOf,
  evaluate,
  formatRowOutput,
  getRuleSet,
  hasRuleSet,
  listRuleSets,
  mapHeaders,
  rowFromCells,
} from '../../shared/index';
import { NO_HOURS_COLUMN_MESSAGE, headerName } from '../../shared/roster';
import type { CellValue, RosterKey, RowResult } from '../../shared/types';
import type { FunctionKind } from './ids';

export { FUNCTION_KINDS } from './ids';
export type { FunctionId, FunctionKind } from './ids';

/** A cell of a function's answer: a value, or an error Excel shows as #VALUE! with the message. */
export type OutputCell = number | string | { error: string };

/** Thrown when the arguments themselves are unusable (bad header row, ragged ranges). */
export class FunctionArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FunctionArgumentError';
  }
}

const WARNINGS_COLUMN = OUTPUT_HEADERS.indexOf('封顶提示');
const HEADER_CACHE_LIMIT = 64;
const headerCache = new Map<string, (RosterKey | null)[]>();

/** The columns of a row without a header row: the rule set's template order (orders.columns, append-only). */
export function defaultColumns(ruleSet: string = DEFAULT_RULE_SET): readonly RosterKey[] {
  return getRuleSet(ruleSet).orders.columns;
}

/** A value as Excel hands it to a custom function, narrowed to what the engine reads. */
export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/**
 * Roster key per column, from the header row (`headers`' first row) read by a rule set's headers and aliases, or the
 * rule set's template order when absent.
 */
export function columnsFor(headers: unknown[][] | null | undefined, ruleSet: string = DEFAULT_RULE_SET): readonly (RosterKey | null)[] {
  if (!headers || headers.length === 0 || headers[0].length === 0) return defaultColumns(ruleSet);
  const headerRow = headers[0].map(toCellValue);
  const cacheKey = `${ruleSet}\u0001${JSON.stringify(headerRow)}`;
  const cached = headerCache.get(cacheKey);
  if (cached) return cached;
  const mapping = mapHeaders(headerRow, ruleSet);
  if (mapping.missingRequired.length > 0) {
    throw new FunctionArgumentError(
      `表头缺少必填列：${mapping.missingRequired.map((k) => headerName(k, ruleSet)).join('、')}（请把表头行作为第二个参数，例如 A$1:Z$1）`,
    );
  }
  if (mapping.duplicates.length > 0) {
    throw new FunctionArgumentError(
      `表头有重复的列：${mapping.duplicates.map((d) => headerName(d.key, ruleSet)).join('、')}`,
    );
  }
  // the same stop as 计算学时: without a column that earns hours everyone would be 0 h and 未达标
  const credit = creditKeysOf(ruleSet);
  if (!mapping.columns.some((k) => k !== null && credit.includes(k))) throw new FunctionArgumentError(NO_HOURS_COLUMN_MESSAGE);
  if (headerCache.size >= HEADER_CACHE_LIMIT) headerCache.clear();
  headerCache.set(cacheKey, mapping.columns);
  return mapping.columns;
}

/** The rule set a formula's optional argument names: '' when it names none; FunctionArgumentError when unknown. */
export function ruleSetArgument(value: unknown): string {
  const id = value === null || value === undefined ? '' : String(value).trim();
  if (id !== '' && !hasRuleSet(id)) {
    const known = listRuleSets().map((r) => `"${r.id}"（${r.year} 年度）`).join('、');
    throw new FunctionArgumentError(`没有规则“${id}”：第三个参数可写 ${known}，或省略（按本工作簿所选的规则）`);
  }
  return id;
}

/** Evaluates every row of `row` (1×N or M×N) against the header row under a rule set; results in row order. */
export function evaluateRange(row: unknown[][], headers?: unknown[][] | null, ruleSet: string = DEFAULT_RULE_SET): RowResult[] {
  if (!Array.isArray(row) || row.length === 0) throw new FunctionArgumentError('请选择花名册的一行或多行');
  const columns = columnsFor(headers, ruleSet);
  const explicitHeaders = columns !== defaultColumns(ruleSet);
  const rows = row.map((cells) => {
    if (explicitHeaders && cells.length !== columns.length) {
      throw new FunctionArgumentError(`数据行有${cells.length}列，表头行有${columns.length}列：请选择同样宽的区域`);
    }
    return rowFromCells(cells.map(toCellValue), columns);
  });
  return evaluate(rows, { ruleSet }).results;
}

/** The engine's Chinese message(s) for a 数据有误 row. */
export function errorMessage(result: RowResult): string {
  return result.errors.map((e) => e.message).join('；');
}

function project(kind: FunctionKind, r: RowResult, ruleSet: string): OutputCell[] {
  if (r.status === '数据有误') {
    const error = { error: errorMessage(r) };
    return kind === 'shortfall' ? [error, error] : [error];
  }
  if (r.status === '') return kind === 'shortfall' ? ['', ''] : [''];
  switch (kind) {
    case 'hours':
      return [r.totalHours];
    case 'status':
      return [r.status];
    case 'public':
      return [r.publicHours];
    case 'professional':
      return [r.professionalHours];
    case 'shortfall':
      return [r.publicShortfall, r.professionalShortfall];
    case 'warnings': {
      const text = formatRowOutput(r, ruleSet)[WARNINGS_COLUMN];
      return [text === null || text === undefined ? '' : String(text)];
    }
  }
}

/**
 * The answer of one function: one output row per input row (two cells for CESHORTFALL).
 * A blank roster row gives blank cells; a 数据有误 row gives error cells with the engine's message.
 */
export function computeFunction(kind: FunctionKind, row: unknown[][], headers?: unknown[][] | null, ruleSet: string = DEFAULT_RULE_SET): OutputCell[][] {
  return evaluateRange(row, headers, ruleSet).map((r) => project(kind, r, ruleSet));
}
