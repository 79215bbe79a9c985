// The Worker as it ships (the bundle of `wrangler deploy --dry-run --env production`) started by workerd itself: its
// top level sends the warm-up's requests through the app (worker/warm-up.ts) with stand-ins for what the global scope
// forbids, before the first request arrives; the requests that follow get the runtime's own Response, timers and
// random request ids back, and the same answers as the engine gives in-process.
// D1 and the rate limiters are stubs of this file's entry module; the D1 stub keeps the batch ids it was given. A probe
// module, evaluated before the Worker's, counts the request bodies parsed (JSON.parse of a text with "rows") before
// the first request: the warm-up's evaluate requests, run at start-up.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactAnswerJson } from '../../shared/compact-json';
import { evaluateRows, responseOf } from '../../shared/evaluate';
import { DEFAULT_RULE_SET, listRuleSets } from '../../shared/index';
import type { RosterRowInput } from '../../shared/types';
import { DEV_TOKEN } from '../../worker/tokens';
import { STAND_IN_REQUEST_ID, warmUpEvaluateRequests } from '../../worker/warm-up-plan';
import { syntheticRows } from '../../scripts/load-rows';
import { bundle, root, startWorkerd, workerdConfig, wranglerConfig, type Workerd } from '../../scripts/workerd-bundle';

const TOKEN = randomBytes(32).toString('base64url');
/** The rows per request the production Worker advertises (GET /v1/health): the size clients send. */
const ADVERTISED_ROWS = Number(wranglerConfig.env.production.vars.CE_ROWS_PER_REQUEST);
const PROBE = `const parse = JSON.parse;
globalThis.rosterBodiesParsed = 0;
JSON.parse = function (text, reviver) {
  if (typeof text === 'string' && text.includes('"rows"')) globalThis.rosterBodiesParsed++;
  return parse.call(this, text, reviver);
};
`;
const ENTRY = `import './probe.js';
import worker from './worker.js';
const allow = { limit: async () => ({ success: true }) };
const stored = [];
let hang = false;
let beforeFirstRequest = null;
const DB = { prepare: () => ({ bind: (batchId) => ({ run: () => (hang ? new Promise(() => {}) : (stored.push(batchId), Promise.resolve({ success: true }))) }) }) };
export default {
  fetch(request, env, ctx) {
    beforeFirstRequest ??= globalThis.rosterBodiesParsed;
    const path = new URL(request.url).pathname;
    if (path === '/test/stored') return Response.json(stored);
    if (path === '/test/before-first-request') return Response.json(beforeFirstRequest);
    // an audit database that never answers, and a short bound on it
    hang = request.headers.has('x-test-hang-audit');
    const bindings = { ...env, DB, RATE_LIMITER: allow, AUTH_FAILURE_LIMITER: allow, ...(hang ? { CE_AUDIT_TIMEOUT_MS: '50' } : {}) };
    return worker.fetch(request, bindings, ctx);
  },
};
`;
const ROWS: EvaluateBody = { rows: [{ name: '张三', platformPublicHours: 30, platformProfessionalHours: 60 }], asOf: '2023-11-01', format: 'compact' };
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let dir = '';
let worker = '';

/** workerd serving the bundle with these variables, after its start-up (it accepts connections once it has run). */
async function start(vars: Record<string, string>): Promise<Workerd> {
  const config = workerdConfig(mkdtempSync(join(dir, 'w-')), worker, ENTRY, { CE_AUDIT_HMAC_KEY: randomBytes(32).toString('hex'), CE_ENV: 'production', ...vars }, { 'probe.js': PROBE });
  return startWorkerd(config);
}

function evaluate(w: Workerd, headers: Record<string, string> = {}, body: EvaluateBody = ROWS): Promise<Response> {
  return fetch(`${w.url}/v1/evaluate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

type EvaluateBody = { rows: RosterRowInput[]; asOf: string; ruleSet?: string; format?: 'compact' };

/** The answer the engine gives in-process for `body` (as worker/routes/evaluate.ts makes it), with the Worker's batch id. */
function engineAnswer(body: EvaluateBody, batchId: string): string {
  const { rows, ruleSet = DEFAULT_RULE_SET, asOf, format } = JSON.parse(JSON.stringify(body)) as EvaluateBody;
  const evaluation = evaluateRows(rows, { ruleSet, asOf });
  if (format === 'compact') return new TextDecoder().decode(compactAnswerJson(evaluation, rows, { batchId }));
  return JSON.stringify({ ...responseOf(evaluation), batchId });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ce-start-up-'));
  // the static assets' folder must exist for wrangler to bundle (its content does not matter here)
  mkdirSync(join(root, 'dist'), { recursive: true });
  worker = readFileSync(bundle(join(dir, 'bundle')), 'utf8');
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built Worker’s start-up in workerd', () => {
  it('warms up silently, then answers with a fresh random request id each, stores its audit records, and bounds a stuck audit with a real timer', async () => {
    const w = await start({ CE_API_TOKEN: `test:${TOKEN}` });
    try {
      expect(w.stderr()).toBe('');
      const ids: string[] = [];
      for (let i = 0; i < 2; i++) {
        const res = await evaluate(w);
        expect(res.status).toBe(200);
        const { batchId } = (await res.json()) as { batchId: string };
        expect(res.headers.get('X-Request-Id')).toBe(batchId);
        ids.push(batchId);
      }
      expect(ids[0]).not.toBe(ids[1]);
      for (const id of ids) {
        expect(id).toMatch(UUID_V4);
        expect(id).not.toBe(STAND_IN_REQUEST_ID);
      }
      expect(await (await fetch(`${w.url}/test/stored`)).json()).toEqual(ids);
      const stuck = await evaluate(w, { 'x-test-hang-audit': '1' });
      expect(stuck.status).toBe(503);
      expect(((await stuck.json()) as { error: { code: string } }).error.code).toBe('AUDIT_UNAVAILABLE');
      expect(w.stderr()).not.toMatch(/warm-up|Disallowed/);
    } finally {
      w.child.kill();
    }
  }, 60_000);

  it('the warm-up’s evaluate requests run at start-up, before the first request; then the answers are the engine’s, byte for byte', async () => {
    const w = await start({ CE_API_TOKEN: `test:${TOKEN}` });
    try {
      const bodies: EvaluateBody[] = [
        { rows: syntheticRows(ADVERTISED_ROWS), asOf: '2023-11-01', format: 'compact' },
        { rows: syntheticRows(ADVERTISED_ROWS), asOf: '2023-11-01' },
        ...listRuleSets().map(({ id }): EvaluateBody => ({ rows: syntheticRows(40, 7), ruleSet: id, asOf: '2024-03-01', format: 'compact' })),
      ];
      for (const body of bodies) {
        const res = await evaluate(w, {}, body);
        expect(res.status).toBe(200);
        const text = await res.text();
        expect(text).toBe(engineAnswer(body, res.headers.get('X-Request-Id') ?? ''));
      }
      expect(await (await fetch(`${w.url}/test/before-first-request`)).json()).toBe(warmUpEvaluateRequests(listRuleSets().map((r) => r.id), DEFAULT_RULE_SET));
    } finally {
      w.child.kill();
    }
  }, 60_000);

  it('a configuration the Worker refuses: the warm-up says so at start-up, before any request, and the Worker still answers', async () => {
    // the documented local development token is refused unless CE_ENV is development: every request gets 503
    const w = await start({ CE_API_TOKEN: DEV_TOKEN });
    try {
      for (let i = 0; i < 100 && !w.stderr().includes('warm-up'); i++) await new Promise((r) => setTimeout(r, 20));
      expect(w.stderr()).toMatch(/warm-up: \d+ of \d+ requests not answered 200 \(503\)/);
      expect(w.stderr()).not.toMatch(/Disallowed/);
      const health = await fetch(`${w.url}/v1/health`);
      expect(health.status).toBe(503);
      expect(((await health.json()) as { error: { code: string } }).error.code).toBe('MISCONFIGURED');
    } finally {
      w.child.kill();
    }
  }, 60_000);
});
