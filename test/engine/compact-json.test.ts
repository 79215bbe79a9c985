// The compact answer written straight from the columns as UTF-8 JSON (shared/compact-json.ts) against the per-row-object path
// (evaluate, then compactAnswer, then JSON.stringify and UTF-8): the same bytes on every worked case, every batch,
// generated rosters, the Worker's warm-up roster, rows with repeated ID numbers and arbitrary rows; the audit's status
// counts; and the fields appended after the answer (the Worker's batchId).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRows } from '../../scripts/bench-rows';
import { syntheticRows } from '../../scripts/load-rows';
import { compactAnswer, expandAnswer, type CompactEvaluateResponse } from '../../shared/compact';
import { compactAnswerJson, evaluateCompactJson, evaluationCounts } from '../../shared/compact-json';
import { evaluateRows } from '../../shared/evaluate';
import { evaluate, getRuleSet, listRuleSets, type EvaluateOptions, type RosterRowInput } from '../../shared/index';
import { countStatuses } from '../../shared/status-counts';
import { warmUpRows } from '../../shared/warm-up-rows';
import { WORKED_BATCHES, WORKED_CASES } from '../support/worked-cases';
import { arbitraryRosters } from './arbitrary-rows';

const examples = WORKED_CASES;
const batches = WORKED_BATCHES;

/** Today's answer: the per-row objects of evaluate(), compacted, as JSON text. */
function viaObjects(rows: RosterRowInput[], options: EvaluateOptions = {}): string {
  const full = evaluate(rows, options);
  return JSON.stringify(compactAnswer(full, rows, getRuleSet(full.ruleSet)));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function same(rows: RosterRowInput[], options: EvaluateOptions = {}): void {
  const text = utf8.decode(evaluateCompactJson(rows, options));
  expect(text).toBe(viaObjects(rows, options));
  expect(evaluationCounts(evaluateRows(rows, options))).toEqual(countStatuses(evaluate(rows, options).results));
}

describe('compact answer from the columns = the answer from the per-row objects, to the byte', () => {
  it.each(examples.map((ex) => [ex.id, ex] as const))('worked case %s', (_id, ex) => {
    same([ex.row], { asOf: ex.asOf, ruleSet: ex.ruleSet });
  });

  it('every worked case in one call, with and without asOf', () => {
    const rows = examples.filter((ex) => ex.ruleSet === undefined).map((ex) => ex.row);
    same(rows, { asOf: '2023-11-01' });
    same(rows);
  });

  it.each(batches.map((b) => [b.id, b] as const))('worked batch %s', (_id, b) => {
    same(b.rows, { asOf: b.asOf });
  });

  it('generated rosters: 20,000 benchmark rows, 2,000 load rows, the Worker’s warm-up roster of every rule set', () => {
    same(generateRows(20_000), { asOf: '2023-11-01' });
    same(syntheticRows(2000), { asOf: '2023-12-31' });
    for (const { id } of listRuleSets()) same(warmUpRows(id), { ruleSet: id, asOf: '2023-11-01' });
  }, 60_000);

  it('the same ID number on several rows (every result an object) and the empty roster', () => {
    const rows = generateRows(300).map((r, i) => ({ ...r, idNumber: i % 50 === 7 ? '370402198503121234' : undefined }));
    same(rows, { asOf: '2023-11-01' });
    same([]);
  });

  it('hours that are not whole or half, and requirements and deadlines that differ from the usual ones', () => {
    const rows: RosterRowInput[] = [
      { name: '甲', platformPublicHours: 0.1, platformProfessionalHours: 0.2, trainingHours: 0.3, trainingDays: 1 },
      { name: '乙', platformPublicHours: 1e-7, platformProfessionalHours: 599.75, specialCase: '产假', absentMonths: 7 },
      { name: '丙', platformPublicHours: 30, platformProfessionalHours: 60, titleApplicant: '是', titleSubmissionDate: '2023-06-01' },
      { name: '丁', platformPublicHours: 12.345, aidMonths: 5, transferPublicHours: 0.5, transferProfessionalHours: 1e3 },
    ];
    same(rows, { asOf: '2023-11-01' });
  });

  it('more distinct breakdown items than are kept (each kept item copied by whole words, the rest written each time)', () => {
    // every half hour of both platform sources and of 援派 (both sides): well over MAX_CACHED_ITEMS items, first kept,
    // then written; the kept items' buffer grows many times over
    const rows: RosterRowInput[] = [];
    for (let k = 0; k < 2400; k++) {
      rows.push({ name: `甲${k}`, platformPublicHours: k / 2, platformProfessionalHours: (k + 1) / 2, aidMonths: 1 + (k % 12) });
    }
    same(rows, { asOf: '2023-11-01' });
    same(rows.slice().reverse(), { asOf: '2023-11-01' });
  }, 60_000);

  it('arbitrary rows, arbitrary cells (fast-check)', () => {
    fc.assert(fc.property(arbitraryRosters(16, 12), (rows) => same(rows, { asOf: '2023-11-01' })), { numRuns: 300 });
  }, 60_000);
});

describe('compact answer text: what the Worker sends', () => {
  it('appends the batch id after the summary, as `{ ...answer, batchId }` does, and expands to the full answer', () => {
    const rows = generateRows(50);
    const text = utf8.decode(compactAnswerJson(evaluateRows(rows, { asOf: '2023-11-01' }), rows, { batchId: 'b-1"2' }));
    const full = evaluate(rows, { asOf: '2023-11-01' });
    expect(text).toBe(JSON.stringify({ ...compactAnswer(full, rows, getRuleSet()), batchId: 'b-1"2' }));
    const answer = JSON.parse(text) as CompactEvaluateResponse & { batchId: string };
    expect(answer.batchId).toBe('b-1"2');
    expect(expandAnswer(answer, rows, getRuleSet())).toEqual(JSON.parse(JSON.stringify(full)));
  });
});
