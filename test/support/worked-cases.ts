// The worked cases (test/fixtures/examples.json, one row each) and batches (batches.json, several rows in one call),
// typed, and the one check of a row result against a case's expectations. The engine, the add-in's 计算学时 path and
// the .xlsx path all check their results with it.
import { expect } from 'vitest';
import type { RosterRowInput, RowResult } from '../../shared/types';
import batches from '../fixtures/batches.json';
import examples from '../fixtures/examples.json';

/** What a worked case expects of one row: result fields, plus codes and fields of warnings and errors. */
export type Expect = Record<string, unknown> & {
  status: string;
  warningCodes?: string[];
  errorFields?: string[];
  /** `CODE:field` per error. */
  errorCodes?: string[];
  /** The `rows` of the DUPLICATE_ID error (0-based rows of the call). */
  duplicateOf?: number[];
};
export type WorkedCase = { id: string; description: string; asOf?: string; ruleSet?: string; row: RosterRowInput; expect: Expect };
export type WorkedBatch = { id: string; description: string; asOf?: string; rows: RosterRowInput[]; expect: Expect[] };

export const WORKED_CASES = examples as unknown as WorkedCase[];
export const WORKED_BATCHES = batches as unknown as WorkedBatch[];

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

/**
 * `r` meets `want`, field by field. `duplicateOf` names rows of one engine call; a caller that places results on a
 * sheet (the add-in, the .xlsx path) names sheet rows in the message instead and passes `sheetRows: true` to skip it.
 */
export function expectResult(r: RowResult, want: Expect, label: string, options: { sheetRows?: boolean } = {}): void {
  for (const [key, value] of Object.entries(want)) {
    if (key === 'warningCodes') {
      expect(sorted(r.warnings.map((w) => w.code)), `${label} ${key}`).toEqual(sorted(value as string[]));
    } else if (key === 'errorFields') {
      expect(sorted(r.errors.map((e) => e.field)), `${label} ${key}`).toEqual(sorted(value as string[]));
    } else if (key === 'errorCodes') {
      expect(sorted(r.errors.map((e) => `${e.code}:${e.field}`)), `${label} ${key}`).toEqual(sorted(value as string[]));
    } else if (key === 'duplicateOf') {
      if (!options.sheetRows) expect(r.errors.find((e) => e.code === 'DUPLICATE_ID')?.rows, `${label} ${key}`).toEqual(value);
    } else {
      expect((r as unknown as Record<string, unknown>)[key], `${label} ${key}`).toEqual(value);
    }
  }
}
