// zaozhuang-2023 gives exactly what it gave before the rule set became data of a few kinds: the compact answer's
// bytes, the full answer, the output cells, the .xlsx result file, the template, the sample roster, the custom
// functions and the header table, on generated rows, every worked case and batch
// (test/support/golden-outputs.ts; the hashes were recorded from main, test/fixtures/golden/zaozhuang-2023.json).
// On a difference, the pieces of today are written to test/artifacts/golden-2023.json: run the generator on the
// older version too (`npx tsx test/support/golden-outputs.ts OUT.json` there) and compare the two files.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getRuleSet, listRuleSets } from '../../shared/index';
import { goldenPieces, sha256 } from '../support/golden-outputs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
type Hashes = Record<string, { sha256: string; length: number }>;
const fixture = (name: string): unknown => JSON.parse(readFileSync(resolve(root, 'test/fixtures/golden', name), 'utf8'));
const recorded = fixture('zaozhuang-2023.json') as Hashes;

describe('zaozhuang-2023: the same outputs as before (golden hashes)', () => {
  it('every piece hashes as recorded', async () => {
    const pieces = await goldenPieces();
    const today = Object.fromEntries(Object.entries(pieces).map(([k, v]) => [k, { sha256: sha256(v), length: v.length }]));
    const differs = Object.keys(recorded).filter((k) => today[k]?.sha256 !== recorded[k].sha256);
    if (differs.length > 0) {
      mkdirSync(resolve(root, 'test/artifacts'), { recursive: true });
      writeFileSync(resolve(root, 'test/artifacts/golden-2023.json'), JSON.stringify(pieces, null, 1));
    }
    expect(differs, 'pieces that differ (today’s pieces: test/artifacts/golden-2023.json)').toEqual([]);
    expect(Object.keys(today).sort()).toEqual(Object.keys(recorded).sort());
  }, 120_000);

  it('GET /v1/rules still says everything it said (new fields may be added)', () => {
    const today = listRuleSets().find((r) => r.id === getRuleSet().id);
    expect(JSON.parse(JSON.stringify(today))).toMatchObject(fixture('zaozhuang-2023-rules.json') as object);
  });
});
