// A rule set registered from data reaches the Worker: demo-2024 (test/fixtures/rulesets/demo-2024.json) registered
// with registerRuleSet inside workerd answers its worked cases over HTTP exactly as the engine in Node does, in full
// and compact (expanded with the Worker's own GET /v1/rules, which now lists it).
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { expandAnswer, rulesTableFor, type CompactEvaluateResponse } from '../../shared/compact';
import type { EvaluateResponse } from '../../shared/types';
import { DEMO_CASES, DEMO_RULE_SET, registerDemo } from '../support/demo-rule-set';
import { expectResult } from '../support/worked-cases';
import { bearer, call, errorOf, postJson, TOKENS } from './http';

const T = TOKENS.rulesets;
const nodeResults = JSON.parse(env.NODE_DEMO_RESULTS) as Record<string, EvaluateResponse>;

describe('a rule set registered from data, in the Worker', () => {
  it('before it is registered, the Worker refuses it by name', async () => {
    const res = await postJson('/v1/evaluate', T, { rows: [{ name: '张三' }], ruleSet: DEMO_RULE_SET });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toContain(DEMO_RULE_SET);
  });

  describe('registered', () => {
    let rules: unknown;
    beforeAll(async () => {
      registerDemo();
      const res = await call('/v1/rules', { headers: bearer(T) });
      rules = await res.json();
    });

    it('GET /v1/rules describes it: its sources in order, the new clause last', () => {
      const list = (rules as { ruleSets: { id: string; sourceOrder: string[]; year: number }[] }).ruleSets;
      const demo = list.find((r) => r.id === DEMO_RULE_SET);
      expect(demo?.year).toBe(2024);
      expect(demo?.sourceOrder.at(-1)).toBe('volunteer');
    });

    it.each(DEMO_CASES.map((ex) => [ex.id, ex] as const))('%s: the full answer = the engine in Node, and meets the case', async (_id, ex) => {
      const res = await postJson('/v1/evaluate', T, { rows: [ex.row], asOf: ex.asOf, ruleSet: ex.ruleSet });
      expect(res.status).toBe(200);
      const { batchId: _batch, ...response } = (await res.json()) as EvaluateResponse & { batchId: string };
      expect(response).toEqual(nodeResults[ex.id]);
      expect(response.ruleSet).toBe(DEMO_RULE_SET);
      expectResult(response.results[0], ex.expect, ex.id);
    });

    it('every case in one compact request, expanded with the Worker\'s rules = the engine in Node', async () => {
      const asOf = DEMO_CASES[0].asOf;
      const cases = DEMO_CASES.filter((ex) => ex.asOf === asOf);
      const rows = cases.map((ex) => ex.row);
      const res = await postJson('/v1/evaluate', T, { rows, asOf, ruleSet: DEMO_RULE_SET, format: 'compact' });
      expect(res.status).toBe(200);
      const compact = (await res.json()) as CompactEvaluateResponse;
      const expanded = expandAnswer(compact, rows, rulesTableFor(rules, compact));
      cases.forEach((ex, i) => expect({ ...expanded.results[i], index: 0 }, ex.id).toEqual(nodeResults[ex.id].results[0]));
    });
  });
});
