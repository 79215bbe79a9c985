// The Worker's start-up warm-up (worker/warm-up.ts), inside workerd: requests through the whole app on every rule
// set's made-up roster, answered 200, without a trace a request could see (no audit record, no binding called); the
// stand-ins it needs at the global scope (Response, request ids, timers) are in place only while it runs. That it
// runs at the global scope of the built Worker, and what it saves, is test/ops/worker-start-up.test.ts and
// `npm run bench:request`.
import { env } from 'cloudflare:workers';
import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_RULE_SET, listRuleSets } from '../../shared/index';
import type { RosterRowInput } from '../../shared/types';
import { WARM_UP_ROWS } from '../../shared/warm-up-rows';
import { DEMO_RULE_SET, registerDemo } from '../support/demo-rule-set';
import { app } from '../../worker/app';
import type { AppEnv, Bindings } from '../../worker/env';
import { atGlobalScope, endWarmUp, warmUpRequests } from '../../worker/warm-up';
import { OTHER_RULE_SET_PASSES, STAND_IN_REQUEST_ID, warmUpEvaluateRequests, warmUpHealthRequests } from '../../worker/warm-up-plan';
import { auditCount } from './audit-count';
import { TOKENS, call, postJson } from './http';

const bindings = env as unknown as Bindings;

/** Bindings that fail the test if the warm-up uses them: it must use its own stand-ins. */
function untouchable(): Bindings {
  const refuse = (name: string) => () => {
    throw new Error(`the warm-up used the real ${name}`);
  };
  return {
    ...bindings,
    DB: { prepare: refuse('D1') } as unknown as D1Database,
    RATE_LIMITER: { limit: refuse('RATE_LIMITER') },
    AUTH_FAILURE_LIMITER: { limit: refuse('AUTH_FAILURE_LIMITER') },
  };
}

/** The runtime's own objects the stand-ins replace. */
function runtimeObjects() {
  return { Response: globalThis.Response, setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout, ownRandomUUID: Object.hasOwn(crypto, 'randomUUID') };
}

describe('start-up warm-up', () => {
  it('sends health, the made-up rosters (compact, each pass), the cross-row pair and the full answer: all 200, no audit record, no binding used', async () => {
    const before = await auditCount();
    registerDemo();
    const passes = OTHER_RULE_SET_PASSES + 3;
    const { statuses } = await warmUpRequests(app, untouchable(), { passes });
    const ids = listRuleSets().map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([DEFAULT_RULE_SET, DEMO_RULE_SET]));
    // health first and after each pass; the default rule set every pass (roster and cross-row pair) and the full
    // answer; another rule set only OTHER_RULE_SET_PASSES passes and the full answer
    const health = 1 + passes + (ids.length - 1) * OTHER_RULE_SET_PASSES;
    const expected = health + (2 * passes + 1) + (ids.length - 1) * (2 * OTHER_RULE_SET_PASSES + 1);
    expect(warmUpEvaluateRequests(ids, DEFAULT_RULE_SET, passes) + warmUpHealthRequests(ids, DEFAULT_RULE_SET, passes)).toBe(expected);
    expect(statuses).toEqual(new Array(expected).fill(200));
    expect(await auditCount()).toBe(before);
  });

  it('what the app sees at the global scope: the runtime’s own Request where there is no body and its own Response; rosters that differ each pass, the add-in’s field order and its request without the summary', async () => {
    const OwnRequest = globalThis.Request;
    const OwnResponse = globalThis.Response;
    const seen: { method: string; ownRequest: boolean; body?: { rows: RosterRowInput[]; keys: string[]; summary?: unknown } }[] = [];
    const answers: unknown[] = [];
    const probe = new Hono<AppEnv>();
    probe.get('*', (c) => {
      seen.push({ method: 'GET', ownRequest: c.req.raw instanceof OwnRequest });
      return c.json({ ok: true });
    });
    probe.post('*', async (c) => {
      const body = JSON.parse(new TextDecoder().decode(await c.req.arrayBuffer())) as { rows: RosterRowInput[]; summary?: unknown };
      seen.push({ method: 'POST', ownRequest: c.req.raw instanceof OwnRequest, body: { rows: body.rows, keys: Object.keys(body), summary: body.summary } });
      const res = c.json({ ok: true });
      answers.push(res);
      return res;
    });
    const passes = 4;
    const { statuses } = await warmUpRequests(probe, bindings, { passes, standIns: true });
    expect(statuses.every((s) => s === 200)).toBe(true);
    // answers: the runtime's own Response (without the body the global scope would refuse)
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((r) => Object.getPrototypeOf(r) === OwnResponse.prototype)).toBe(true);
    // requests without a body are the runtime's own
    const gets = seen.filter((s) => s.method === 'GET');
    expect(gets.length).toBe(warmUpHealthRequests(listRuleSets().map((r) => r.id), DEFAULT_RULE_SET, passes));
    expect(gets.every((s) => s.ownRequest)).toBe(true);
    const posts = seen.flatMap((s) => (s.body === undefined ? [] : [s.body]));
    // the default rule set's rosters (WARM_UP_ROWS) differ from pass to pass (everyday rows every other pass)
    const rosters = posts.filter((b) => b.rows.length === WARM_UP_ROWS).map((b) => JSON.stringify(b.rows));
    expect(new Set(rosters).size).toBeGreaterThanOrEqual(1 + Math.floor(passes / 2));
    // the fields in the add-in's order (rows first: addin/api/client.ts) as well as others
    expect(posts.some((b) => b.keys[0] === 'rows')).toBe(true);
    expect(posts.some((b) => b.keys[0] !== 'rows')).toBe(true);
    // the add-in's request without the summary ("summary": false) as well as answers with it: both paths compiled
    expect(posts.some((b) => b.summary === false)).toBe(true);
    expect(posts.some((b) => b.summary === undefined)).toBe(true);
    expect(globalThis.Response).toBe(OwnResponse);
  });

  it('in a request there is no need for stand-ins; with them (as at the global scope) the runtime’s own are back afterwards', async () => {
    expect(atGlobalScope()).toBe(false);
    const own = runtimeObjects();
    const seen: { standInResponse: boolean; id: string }[] = [];
    const probe = new Hono<AppEnv>();
    probe.all('*', (c) => {
      seen.push({ standInResponse: globalThis.Response !== own.Response, id: crypto.randomUUID() });
      return c.json({ ok: true });
    });
    const { statuses } = await warmUpRequests(probe, bindings, { passes: 1, standIns: true });
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(seen.length).toBe(statuses.length);
    expect(seen.every((s) => s.standInResponse && s.id === STAND_IN_REQUEST_ID)).toBe(true);
    expect(runtimeObjects()).toEqual(own);
    expect(crypto.randomUUID()).not.toBe(STAND_IN_REQUEST_ID);
  });

  it('a request that throws ends the warm-up, logged, status 0, and puts the runtime’s own back', async () => {
    const own = runtimeObjects();
    const broken = new Hono<AppEnv>();
    broken.all('*', () => {
      throw new Error('broken');
    });
    broken.onError((err) => {
      throw err;
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { statuses } = await warmUpRequests(broken, bindings, { standIns: true });
      expect(statuses).toEqual([0]);
      expect(logged).toHaveBeenCalledWith('warm-up: a request failed', expect.objectContaining({ message: 'broken' }));
    } finally {
      logged.mockRestore();
    }
    expect(runtimeObjects()).toEqual(own);
  });

  it('a warm-up that never settles: endWarmUp (before every request) puts the runtime’s own back', async () => {
    const own = runtimeObjects();
    const stuck = new Hono<AppEnv>();
    stuck.all('*', () => new Promise<Response>(() => undefined));
    void warmUpRequests(stuck, bindings, { standIns: true });
    expect(globalThis.Response).not.toBe(own.Response);
    endWarmUp();
    expect(runtimeObjects()).toEqual(own);
    endWarmUp();
    expect(runtimeObjects()).toEqual(own);
  });

  it('requests after start-up: the runtime’s Response and timers, a random request id each', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await postJson('/v1/evaluate', TOKENS.routes, { rows: [{ name: '张三', platformPublicHours: 30 }], asOf: '2023-11-01', format: 'compact' });
      expect(res.status).toBe(200);
      expect(res).toBeInstanceOf(Response);
      const body = (await res.json()) as { batchId: string };
      ids.push(body.batchId);
    }
    const health = await call('/v1/health');
    ids.push(health.headers.get('X-Request-Id') ?? '');
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids).not.toContain(STAND_IN_REQUEST_ID);
    expect(Object.hasOwn(crypto, 'randomUUID')).toBe(false);
  });
});
