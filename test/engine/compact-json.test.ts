// The compact answer written straight from the columns as UTF-8 JSON (shared/compact-json.ts) against the per-row-object path
// (evaluate, then compactAnswer, then JSON.stringify and UTF-8): the same bytes on every roster of answer-rosters.ts
// (worked cases and batches, generated rosters, every warm-up roster, repeated ID numbers, odd hours and texts) and
// on arbitrary rows, with and without the summary (`"summary": false`); the audit's status counts; and the fields
// appended after the answer (the Worker's batchId).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRows } from '../../scripts/bench-rows';
import { compactAnswer, expandAnswer, expandResults, type CompactEvaluateResponse } from '../../shared/compact';
import { compactAnswerJson, evaluateCompactJson, evaluationCounts } from '../../shared/compact-json';
import { evaluateRows, rowsOf } from '../../shared/evaluate';
import { evaluate, getRuleSet, type EvaluateOptions, type RosterRowInput } from '../../shared/index';
import { countStatuses } from '../../shared/status-counts';
import { answerRosters } from './answer-rosters';
import { arbitraryRosters } from './arbitrary-rows';

/** Today's answer: the per-row objects of evaluate(), compacted, as JSON text. */
function viaObjects(rows: RosterRowInput[], options: EvaluateOptions = {}): string {
  const full = evaluate(rows, options);
  return JSON.stringify(compactAnswer(full, rows, getRuleSet(full.ruleSet)));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Today's answer without its summary: the per-row objects' answer, compacted, as JSON text with `summary` left out. */
function viaObjectsWithoutSummary(rows: RosterRowInput[], options: EvaluateOptions = {}): string {
  const { summary, ...full } = evaluate(rows, options);
  expect(summary).toBeDefined();
  return JSON.stringify(compactAnswer(full, rows, getRuleSet(full.ruleSet)));
}

function same(rows: RosterRowInput[], options: EvaluateOptions = {}): void {
  const text = utf8.decode(evaluateCompactJson(rows, options));
  expect(text).toBe(viaObjects(rows, options));
  expect(evaluationCounts(evaluateRows(rows, options))).toEqual(countStatuses(evaluate(rows, options).results));
  // without the summary: the same text but for it, and the same status counts (the audit's)
  const rowsOnly = utf8.decode(evaluateCompactJson(rows, options, false));
  expect(rowsOnly).toBe(viaObjectsWithoutSummary(rows, options));
  expect(rowsOnly).not.toContain('"summary"');
  expect(evaluationCounts(evaluateRows(rows, options, false))).toEqual(countStatuses(evaluate(rows, options).results));
}

describe('compact answer from the columns = the answer from the per-row objects, to the byte', () => {
  it.each(answerRosters().map((r) => [r.name, r] as const))('%s', (_name, r) => {
    same(r.rows, r.options);
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

  it('without the summary: the batch id after the results; the results expand to evaluate()’s; the full answer has no summary', () => {
    const rows = generateRows(50);
    const e = evaluateRows(rows, { asOf: '2023-11-01' }, false);
    expect(e.summary).toBeNull();
    const text = utf8.decode(compactAnswerJson(e, rows, { batchId: 'b-2' }));
    const { summary, ...full } = evaluate(rows, { asOf: '2023-11-01' });
    expect(summary.total.headcount).toBe(50);
    expect(text).toBe(JSON.stringify({ ...compactAnswer(full, rows, getRuleSet()), batchId: 'b-2' }));
    const answer = JSON.parse(text) as CompactEvaluateResponse & { batchId: string };
    expect(answer.summary).toBeUndefined();
    expect(() => expandAnswer(answer, rows, getRuleSet())).toThrow(/汇总/);
    expect(expandResults(answer, rows, getRuleSet())).toEqual(JSON.parse(JSON.stringify(full)));
    expect(JSON.parse(JSON.stringify(rowsOf(evaluateRows(rows, { asOf: '2023-11-01' }, false))))).toEqual(JSON.parse(JSON.stringify(full)));
  });
});
