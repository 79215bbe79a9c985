import { evaluate, type RosterRowInput, type RowResult } from '../../shared/index';

/** A named person so rows are not blank and NAME_MISSING does not fire. */
export const BASE: RosterRowInput = { name: '张三', unit: '枣庄市立医院', department: '内科' };

/** Evaluates one row (BASE plus the given fields; any JSON value, as the API takes it). */
export function one(fields: Readonly<Record<string, unknown>>, asOf?: string): RowResult {
  const options = asOf === undefined ? {} : { asOf };
  return evaluate([{ ...BASE, ...fields } as RosterRowInput], options).results[0];
}

export function codes(r: RowResult): string[] {
  return r.warnings.map((w) => w.code).sort();
}

export function warning(r: RowResult, code: string) {
  return r.warnings.find((w) => w.code === code);
}

export function lostSum(r: RowResult): number {
  return r.warnings.reduce((s, w) => s + (w.lostHours ?? 0), 0);
}
