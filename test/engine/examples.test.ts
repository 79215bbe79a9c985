import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, type RosterRowInput } from '../../shared/index';

type Example = {
  id: string;
  description: string;
  asOf?: string;
  row: RosterRowInput;
  expect: Record<string, unknown> & { warningCodes?: string[]; errorFields?: string[] };
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = resolve(root, 'test/fixtures/examples.json');
const upstream = resolve(root, '../shared/cases/examples.json');
const examples = JSON.parse(readFileSync(fixture, 'utf8')) as Example[];

describe('worked cases (test/fixtures/examples.json)', () => {
  it('has cases', () => {
    expect(examples.length).toBeGreaterThanOrEqual(16);
  });

  for (const ex of examples) {
    it(`${ex.id}: ${ex.description}`, () => {
      const options = ex.asOf === undefined ? {} : { asOf: ex.asOf };
      const r = evaluate([ex.row], options).results[0];
      for (const [key, want] of Object.entries(ex.expect)) {
        if (key === 'warningCodes') {
          expect(r.warnings.map((w) => w.code).sort(), key).toEqual([...(want as string[])].sort());
        } else if (key === 'errorFields') {
          expect(r.errors.map((e) => e.field).sort(), key).toEqual([...(want as string[])].sort());
        } else {
          expect((r as unknown as Record<string, unknown>)[key], key).toEqual(want);
        }
      }
    });
  }
});

describe('fixture copy', () => {
  it.runIf(existsSync(upstream))('matches ../shared/cases/examples.json', () => {
    expect(JSON.parse(readFileSync(fixture, 'utf8'))).toEqual(JSON.parse(readFileSync(upstream, 'utf8')));
  });
});
