// What a custom function must answer for one roster row, read off the engine's RowResult field by field (the
// functions-compute unit test and the built-page e2e test share it). `errorCell` is how a test represents #VALUE!.
import { OUTPUT_HEADERS, formatRowOutput } from '../../shared/index';
import type { RowResult } from '../../shared/types';
import type { FunctionKind } from '../../addin/functions/ids';

/** Each function's cells for a person's row: the RowResult fields it shows (RULES.md, CONTRACT.md). */
const FIELDS: Record<FunctionKind, (r: RowResult) => (number | string)[]> = {
  hours: (r) => [r.totalHours],
  status: (r) => [r.status],
  public: (r) => [r.publicHours],
  professional: (r) => [r.professionalHours],
  shortfall: (r) => [r.publicShortfall, r.professionalShortfall],
  warnings: (r) => [String(formatRowOutput(r)[OUTPUT_HEADERS.indexOf('封顶提示')] ?? '')],
};

export function expectedCells<E>(kind: FunctionKind, r: RowResult, errorCell: (message: string) => E): (number | string | E)[] {
  const width = kind === 'shortfall' ? 2 : 1;
  if (r.status === '') return Array<string>(width).fill('');
  if (r.status === '数据有误') return Array<E>(width).fill(errorCell(r.errors.map((e) => e.message).join('；')));
  return FIELDS[kind](r);
}
