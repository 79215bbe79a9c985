// What a custom function must answer for one worked case (test/fixtures/examples.json), read off the case's own
// expectations: hours, status and shortfalls are the fixture's numbers; a 数据有误 row's message and the cap text are
// the engine's own (evaluate() and the 封顶提示 column 计算学时 writes), never a re-derivation of addin/functions.
// The functions-compute unit test and the built-page e2e test share it. `errorCell` is how a test shows #VALUE!.
import { OUTPUT_HEADERS, evaluate, formatRowOutput } from '../../shared/index';
import type { CellValue, RosterRowInput, RowResult } from '../../shared/types';
import type { FunctionKind } from '../../addin/functions/ids';

export type WorkedCase = {
  id: string;
  asOf: string;
  row: Record<string, CellValue>;
  expect: {
    status: string;
    totalHours?: number;
    publicHours?: number;
    professionalHours?: number;
    publicShortfall?: number;
    professionalShortfall?: number;
    warningCodes?: string[];
  };
};

/** Which worked-case fields each function shows (docs/clerk-guide.md, 自定义函数: CEHOURS the total, siblings status and shortfalls). */
const CASE_FIELDS: Record<Exclude<FunctionKind, 'warnings'>, (keyof WorkedCase['expect'])[]> = {
  hours: ['totalHours'],
  status: ['status'],
  public: ['publicHours'],
  professional: ['professionalHours'],
  shortfall: ['publicShortfall', 'professionalShortfall'],
};

/** The cells of `kind` for a result whose figures are `figures` (a worked case's `expect`, or a row result). */
function cellsOf<E>(kind: FunctionKind, figures: WorkedCase['expect'], result: RowResult, errorCell: (message: string) => E): (number | string | E)[] {
  const width = kind === 'shortfall' ? 2 : 1;
  if (figures.status === '') return Array<string>(width).fill('');
  if (figures.status === '数据有误') return Array<E>(width).fill(errorCell(result.errors.map((x) => x.message).join('；')));
  if (kind === 'warnings') return [String(formatRowOutput(result)[OUTPUT_HEADERS.indexOf('封顶提示')] ?? '')];
  return CASE_FIELDS[kind].map((field) => {
    const v = figures[field];
    if (typeof v !== 'number' && typeof v !== 'string') throw new Error(`no ${field} for status ${figures.status}`);
    return v;
  });
}

/** The cells of `kind` for the worked case `ex`: its own figures; messages from evaluate() at the case's date. */
export function expectedForCase<E>(kind: FunctionKind, ex: WorkedCase, errorCell: (message: string) => E): (number | string | E)[] {
  const result = evaluate([ex.row as RosterRowInput], { asOf: ex.asOf }).results[0];
  return cellsOf(kind, ex.expect, result, errorCell);
}

/** The cells of `kind` for a row result another component answered (the running Worker's). */
export function expectedForResult<E>(kind: FunctionKind, r: RowResult, errorCell: (message: string) => E): (number | string | E)[] {
  return cellsOf(kind, r, r, errorCell);
}
