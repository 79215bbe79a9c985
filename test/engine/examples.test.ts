import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, type RosterRowInput, type RowResult } from '../../shared/index';

/** What a worked case expects of one row: result fields, plus codes and fields of warnings and errors. */
type Expect = Record<string, unknown> & {
  warningCodes?: string[];
  errorFields?: string[];
  /** `CODE:field` per error. */
  errorCodes?: string[];
  /** The `rows` of the DUPLICATE_ID error. */
  duplicateOf?: number[];
};
type Example = { id: string; description: string; asOf?: string; row: RosterRowInput; expect: Expect };
type Batch = { id: string; description: string; asOf?: string; rows: RosterRowInput[]; expect: Expect[] };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (name: string) => resolve(root, 'test/fixtures', name);
const upstream = (name: string) => resolve(root, '../shared/cases', name);
const read = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;
const examples = read<Example[]>(fixture('examples.json'));
const batches = read<Batch[]>(fixture('batches.json'));

function check(r: RowResult, want: Expect): void {
  for (const [key, value] of Object.entries(want)) {
    if (key === 'warningCodes') {
      expect(r.warnings.map((w) => w.code).sort(), key).toEqual([...(value as string[])].sort());
    } else if (key === 'errorFields') {
      expect(r.errors.map((e) => e.field).sort(), key).toEqual([...(value as string[])].sort());
    } else if (key === 'errorCodes') {
      expect(r.errors.map((e) => `${e.code}:${e.field}`).sort(), key).toEqual([...(value as string[])].sort());
    } else if (key === 'duplicateOf') {
      expect(r.errors.find((e) => e.code === 'DUPLICATE_ID')?.rows, key).toEqual(value);
    } else {
      expect((r as unknown as Record<string, unknown>)[key], key).toEqual(value);
    }
  }
}

describe('worked cases (test/fixtures/examples.json)', () => {
  it('has cases', () => {
    expect(examples.length).toBeGreaterThanOrEqual(22);
  });

  for (const ex of examples) {
    it(`${ex.id}: ${ex.description}`, () => {
      const options = ex.asOf === undefined ? {} : { asOf: ex.asOf };
      check(evaluate([ex.row], options).results[0], ex.expect);
    });
  }
});

describe('cross-row cases (test/fixtures/batches.json)', () => {
  it('has cases', () => {
    expect(batches.length).toBeGreaterThanOrEqual(2);
  });

  for (const b of batches) {
    it(`${b.id}: ${b.description}`, () => {
      const options = b.asOf === undefined ? {} : { asOf: b.asOf };
      const res = evaluate(b.rows, options);
      expect(res.results.length).toBe(b.expect.length);
      b.expect.forEach((want, i) => check(res.results[i], want));
    });
  }
});

describe('fixture copies', () => {
  for (const name of ['examples.json', 'batches.json']) {
    it.runIf(existsSync(upstream(name)))(`test/fixtures/${name} matches ../shared/cases/${name}`, () => {
      expect(read(fixture(name))).toEqual(read(upstream(name)));
    });
  }
});
