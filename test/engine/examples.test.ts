import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/index';
import { WORKED_BATCHES, WORKED_CASES, expectResult } from '../support/worked-cases';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (name: string) => resolve(root, 'test/fixtures', name);
const upstream = (name: string) => resolve(root, '../shared/cases', name);
const read = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;
const examples = WORKED_CASES;
const batches = WORKED_BATCHES;

describe('worked cases (test/fixtures/examples.json)', () => {
  it('has cases', () => {
    expect(examples.length).toBeGreaterThanOrEqual(22);
  });

  for (const ex of examples) {
    it(`${ex.id}: ${ex.description}`, () => {
      const options = ex.asOf === undefined ? {} : { asOf: ex.asOf };
      expectResult(evaluate([ex.row], options).results[0], ex.expect, ex.id);
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
      b.expect.forEach((want, i) => expectResult(res.results[i], want, `${b.id} row ${i}`));
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
