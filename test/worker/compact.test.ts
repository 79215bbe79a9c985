// "format": "compact" through the Worker in workerd: expanded with the Worker's own GET /v1/rules (as the add-in
// does), the compact answer is the full answer for every worked case (= the engine in Node), the worked batches and
// 5,000 generated rows; the full answer stays the default; an unknown format is a Chinese 400 naming the field.
// "summary": false (what the add-in, the web page and the command line send): either format without its summary, the
// same results and the same audit record's counts; a summary that is not true or false is a Chinese 400.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRows } from '../../scripts/bench-rows';
import { expandAnswer, expandResults, isCompactAnswer, rulesTableFor, type CompactEvaluateResponse, type SourceTable } from '../../shared/compact';
import type { EvaluateResponse, RosterRowInput } from '../../shared/types';
import batches from '../fixtures/batches.json';
import { EXAMPLES } from './examples';
import { bearer, call, errorOf, postJson, TOKENS } from './http';

const T = TOKENS.compact;
const nodeResults = JSON.parse(env.NODE_EXAMPLE_RESULTS) as Record<string, EvaluateResponse>;
type Answer<A> = A & { batchId: string };

async function answer<A>(body: object): Promise<{ json: Answer<A>; bytes: number }> {
  const res = await postJson('/v1/evaluate', T, body);
  expect(res.status).toBe(200);
  const text = await res.text();
  return { json: JSON.parse(text) as Answer<A>, bytes: new TextEncoder().encode(text).length };
}

let rules: unknown;
beforeAll(async () => {
  const res = await call('/v1/rules', { headers: bearer(T) });
  expect(res.status).toBe(200);
  rules = await res.json();
});

/** The compact answer of `rows`, expanded with the Worker's rules; checks it is compact and carries a batch id. */
async function expanded(rows: RosterRowInput[], options: { asOf?: string; ruleSet?: string }): Promise<{ response: EvaluateResponse; bytes: number }> {
  const { json, bytes } = await answer<CompactEvaluateResponse>({ rows, ...options, format: 'compact' });
  expect(isCompactAnswer(json)).toBe(true);
  expect(typeof json.batchId).toBe('string');
  const table: SourceTable = rulesTableFor(rules, json);
  return { response: expandAnswer(json, rows, table), bytes };
}

describe('POST /v1/evaluate with "format": "compact"', () => {
  it('GET /v1/rules names the order of the sources a compact breakdown indexes', () => {
    const ruleSets = (rules as { ruleSets: { sources: Record<string, unknown>; sourceOrder: string[] }[] }).ruleSets;
    for (const rs of ruleSets) expect([...rs.sourceOrder].sort()).toEqual(Object.keys(rs.sources).sort());
  });

  it.each(EXAMPLES.map((ex) => [ex.id, ex] as const))('%s: expanded = the engine in Node', async (_id, ex) => {
    const { response } = await expanded([ex.row], { asOf: ex.asOf, ruleSet: ex.ruleSet });
    expect(response).toEqual(nodeResults[ex.id]);
  });

  it.each(batches.map((b) => [b.id, b] as const))('batch %s: expanded = the full answer', async (_id, b) => {
    const rows = b.rows as RosterRowInput[];
    const { json: full } = await answer<EvaluateResponse>({ rows, asOf: b.asOf });
    const { batchId, ...fullResponse } = full;
    expect(typeof batchId).toBe('string');
    expect((await expanded(rows, { asOf: b.asOf })).response).toEqual(fullResponse);
  });

  it('5,000 generated rows: expanded = the full answer, in under half the bytes', async () => {
    const rows = generateRows(5000);
    const full = await answer<EvaluateResponse>({ rows, asOf: '2023-11-01' });
    const { batchId: _, ...fullResponse } = full.json;
    expect(fullResponse.results).toHaveLength(5000);
    const compact = await expanded(rows, { asOf: '2023-11-01' });
    expect(compact.response).toEqual(fullResponse);
    expect(compact.bytes).toBeLessThan(full.bytes / 2);
  });

  it('"format": "full" and no format give the same full answer', async () => {
    const rows = generateRows(30);
    const a = (await answer<EvaluateResponse>({ rows, asOf: '2023-11-01' })).json;
    const b = (await answer<EvaluateResponse>({ rows, asOf: '2023-11-01', format: 'full' })).json;
    expect('format' in a || 'format' in b).toBe(false);
    expect({ ...a, batchId: '' }).toEqual({ ...b, batchId: '' });
  });

  it.each([
    ['an unknown name', '"short"', /“short”/],
    ['a number', '1', /收到的是1$/],
    ['null', 'null', /收到的是null$/],
    ['another spelling', '"Compact"', /“Compact”/],
  ])('400: format is %s, naming the field in Chinese', async (_what, value, shown) => {
    const res = await postJson('/v1/evaluate', T, `{"rows": [{"name": "张三"}], "format": ${value}}`);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toMatch(/^format 必须是 "full" 或 "compact"/);
    expect(error.message).toMatch(shown);
  });
});

describe('POST /v1/evaluate with "summary": false', () => {
  const rows = generateRows(2000);
  const asOf = '2023-11-01';

  /** The status counts of the audit record of `batchId` (this token's latest records). */
  async function auditedCounts(batchId: string): Promise<unknown> {
    const res = await call('/v1/audit?limit=5', { headers: bearer(T) });
    expect(res.status).toBe(200);
    const records = ((await res.json()) as { records: { batchId: string; statusCounts: unknown }[] }).records;
    const record = records.find((r) => r.batchId === batchId);
    expect(record).toBeDefined();
    return record?.statusCounts;
  }

  it('compact: the answer has no summary; its results expand to the full answer’s; the audit counts are the same', async () => {
    const { json: full } = await answer<EvaluateResponse>({ rows, asOf });
    const { json: compact, bytes } = await answer<CompactEvaluateResponse>({ rows, asOf, format: 'compact', summary: false });
    const { json: withSummary, bytes: withSummaryBytes } = await answer<CompactEvaluateResponse>({ rows, asOf, format: 'compact' });
    expect(isCompactAnswer(compact)).toBe(true);
    expect('summary' in compact).toBe(false);
    expect(withSummary.summary?.total.headcount).toBe(full.summary.total.headcount);
    expect(bytes).toBeLessThan(withSummaryBytes);
    const { summary: _summary, batchId: _batchId, ...fullRows } = full;
    expect(expandResults(compact, rows, rulesTableFor(rules, compact))).toEqual(fullRows);
    expect(await auditedCounts(compact.batchId)).toEqual(await auditedCounts(full.batchId));
  });

  it('full: the answer without its summary; "summary": true is the default', async () => {
    const { json: full } = await answer<EvaluateResponse>({ rows: rows.slice(0, 100), asOf, summary: true });
    const { json: rowsOnly } = await answer<Omit<EvaluateResponse, 'summary'>>({ rows: rows.slice(0, 100), asOf, summary: false });
    const { summary, ...fullRows } = full;
    expect(summary.total.headcount).toBe(100);
    expect(Object.keys(rowsOnly)).toEqual(['ruleSet', 'engineVersion', 'results', 'batchId']);
    expect({ ...rowsOnly, batchId: '' }).toEqual({ ...fullRows, batchId: '' });
  });

  it.each([
    ['a text', '"no"', /“no”/],
    ['a number', '0', /收到的是0$/],
    ['null', 'null', /收到的是null$/],
  ])('400: summary is %s, naming the field in Chinese', async (_what, value, shown) => {
    const res = await postJson('/v1/evaluate', T, `{"rows": [{"name": "张三"}], "summary": ${value}}`);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toMatch(/^summary 必须是 true 或 false/);
    expect(error.message).toMatch(shown);
  });
});
