// The worked examples through HTTP give exactly what the engine gives in Node (computed in vitest.worker.config.ts).
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { EvaluateResponse } from '../../shared/types';
import { EXAMPLES, EXPECTED_FIELDS } from './examples';
import { postJson, TOKENS } from './http';

const nodeResults = JSON.parse(env.NODE_EXAMPLE_RESULTS) as Record<string, EvaluateResponse>;

describe('worked examples over HTTP', () => {
  it('covers every example', () => {
    expect(EXAMPLES.length).toBeGreaterThan(0);
    expect(Object.keys(nodeResults).sort()).toEqual(EXAMPLES.map((ex) => ex.id).sort());
  });

  it.each(EXAMPLES.map((ex) => [ex.id, ex] as const))('%s: same response as the engine in Node', async (_id, ex) => {
    const res = await postJson('/v1/evaluate', TOKENS.examples, { rows: [ex.row], asOf: ex.asOf, ruleSet: ex.ruleSet });
    expect(res.status).toBe(200);
    const { batchId, ...response } = (await res.json()) as EvaluateResponse & { batchId: string };
    expect(typeof batchId).toBe('string');
    expect(response).toEqual(nodeResults[ex.id]);
    expect(response.results[0].status).toBe(ex.expect.status);
    for (const key of EXPECTED_FIELDS) {
      if (ex.expect[key] !== undefined) expect(response.results[0][key], key).toBe(ex.expect[key]);
    }
    if (ex.expect.warningCodes !== undefined) {
      expect(response.results[0].warnings.map((w) => w.code).sort(), 'warningCodes').toEqual([...ex.expect.warningCodes].sort());
    }
  });

  it('all examples in one request: each row as in its own request', async () => {
    const asOf = EXAMPLES[0].asOf;
    const same = EXAMPLES.filter((ex) => ex.asOf === asOf && ex.ruleSet === undefined);
    const res = await postJson('/v1/evaluate', TOKENS.examples, { rows: same.map((ex) => ex.row), asOf });
    expect(res.status).toBe(200);
    const body = (await res.json()) as EvaluateResponse;
    same.forEach((ex, i) => {
      expect({ ...body.results[i], index: 0 }).toEqual(nodeResults[ex.id].results[0]);
    });
  });
});
