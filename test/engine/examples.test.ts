import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/index';
import { DEMO_CASES, DEMO_RULE_SET, registerDemo } from '../support/demo-rule-set';
import { WORKED_BATCHES, WORKED_CASES, expectResult, type WorkedCase } from '../support/worked-cases';

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

  for (const ex of examples) it(`${ex.id}: ${ex.description}`, () => run(ex));
});

/** A worked case through evaluate, under its own rule set (`ruleSet`; the default one when it names none). */
function run(ex: WorkedCase): void {
  const options = { ...(ex.asOf === undefined ? {} : { asOf: ex.asOf }), ...(ex.ruleSet === undefined ? {} : { ruleSet: ex.ruleSet }) };
  const res = evaluate([ex.row], options);
  expect(res.ruleSet).toBe(ex.ruleSet ?? 'zaozhuang-2023');
  expectResult(res.results[0], ex.expect, ex.id);
}

describe('worked cases of the variant year (test/fixtures/rulesets/demo-2024.cases.json), under their own rule set', () => {
  registerDemo();
  it('has cases, each naming demo-2024', () => {
    expect(DEMO_CASES.length).toBeGreaterThanOrEqual(10);
    for (const ex of DEMO_CASES) expect(ex.ruleSet, ex.id).toBe(DEMO_RULE_SET);
  });
  for (const ex of DEMO_CASES) it(`${ex.id}: ${ex.description}`, () => run(ex));

  it('the runner honours a case\'s ruleSet: the same rows under the default rule set give other answers', () => {
    const differs = DEMO_CASES.filter((ex) => JSON.stringify(evaluate([ex.row], { asOf: ex.asOf }).results[0]) !== JSON.stringify(evaluate([ex.row], { asOf: ex.asOf, ruleSet: DEMO_RULE_SET }).results[0]));
    expect(differs.length).toBeGreaterThan(DEMO_CASES.length / 2);
  });
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
