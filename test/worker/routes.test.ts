// Every route and status code of docs/api.md's route table.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, ENGINE_VERSION, evaluate, getRuleSet, listRuleSets } from '../../shared/index';
import type { RuleSetDuties } from '../../shared/rulesets/types';
import type { EvaluateResponse } from '../../shared/types';
import { DEV_TOKEN } from '../../worker/tokens';
import { app } from '../../worker/app';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_ROWS, DEFAULT_ROWS_PER_REQUEST } from '../../worker/limits';
import { bearer, call, errorOf, ORIGIN, postJson, TOKENS } from './http';

const T = TOKENS.routes;

describe('GET /v1/health', () => {
  it('answers without a token', async () => {
    const res = await call('/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      engineVersion: ENGINE_VERSION,
      limits: { maxRows: DEFAULT_MAX_ROWS, maxBodyBytes: DEFAULT_MAX_BODY_BYTES, rowsPerRequest: DEFAULT_ROWS_PER_REQUEST },
    });
  });

  it('the recommended rows per request follow CE_ROWS_PER_REQUEST, within CE_MAX_ROWS', async () => {
    const res = await app.fetch(new Request(`${ORIGIN}/v1/health`), { ...env, CE_ROWS_PER_REQUEST: '2000' });
    expect(((await res.json()) as { limits: { rowsPerRequest: number } }).limits.rowsPerRequest).toBe(2000);
    expect(DEFAULT_ROWS_PER_REQUEST).toBeLessThanOrEqual(DEFAULT_MAX_ROWS);
  });
});

describe('GET /v1/rules', () => {
  it('lists the rule sets of the engine', async () => {
    const res = await call('/v1/rules', { headers: bearer(T) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { defaultRuleSet: string; ruleSets: unknown };
    expect(body.defaultRuleSet).toBe(DEFAULT_RULE_SET);
    expect(body.ruleSets).toEqual(JSON.parse(JSON.stringify(listRuleSets())));
  });

  it('?ruleSet=ID answers that rule set only; an unknown or repeated one is a 400 naming the ids there are', async () => {
    const res = await call(`/v1/rules?ruleSet=${DEFAULT_RULE_SET}`, { headers: bearer(T) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { defaultRuleSet: string; ruleSets: { id: string }[] };
    expect(body.defaultRuleSet).toBe(DEFAULT_RULE_SET);
    expect(body.ruleSets).toEqual(JSON.parse(JSON.stringify(listRuleSets().filter((r) => r.id === DEFAULT_RULE_SET))));
    const unknown = await call('/v1/rules?ruleSet=nowhere-1999', { headers: bearer(T) });
    expect(unknown.status).toBe(400);
    const error = await errorOf(unknown);
    expect(error.code).toBe('UNKNOWN_RULE_SET');
    expect(error.message).toContain('“nowhere-1999”');
    for (const r of listRuleSets()) expect(error.message).toContain(r.id);
    const twice = await call(`/v1/rules?ruleSet=${DEFAULT_RULE_SET}&ruleSet=${DEFAULT_RULE_SET}`, { headers: bearer(T) });
    expect(twice.status).toBe(400);
    expect((await errorOf(twice)).message).toContain('只能给一次');
  });

  it("includes each rule set's duties: platforms, the evidence table of 附件1第7条, the filing of 附件2", async () => {
    const res = await call('/v1/rules', { headers: bearer(T) });
    const body = (await res.json()) as { ruleSets: { id: string; duties: RuleSetDuties }[] };
    const served = body.ruleSets.find((r) => r.id === DEFAULT_RULE_SET);
    expect(served?.duties).toEqual(JSON.parse(JSON.stringify(getRuleSet(DEFAULT_RULE_SET).duties)));
    // one home per clause: the evidence rows quote the clauses table's 附件1第7条
    expect(served?.duties.evidence.training.text).toBe(getRuleSet(DEFAULT_RULE_SET).clauses.annex1Item7.text);
    expect(served?.duties.trainingPlanFiling.deadline.value).toBe('2023-05-26');
  });
});

describe('401', () => {
  it.each([
    ['no Authorization header', {}],
    ['a wrong token', bearer('not-a-token')],
    ['a token of another scheme', { Authorization: 'Basic dXNlcjpwYXNz' }],
    ['an empty bearer', { Authorization: 'Bearer ' }],
    ['the dev token outside CE_ENV=development', bearer(DEV_TOKEN)],
  ])('%s → 401 in the JSON error shape', async (_what, headers: Record<string, string>) => {
    for (const [path, init] of [
      ['/v1/rules', { headers }],
      ['/v1/audit', { headers }],
      ['/v1/evaluate', { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{"rows":[]}' }],
    ] as const) {
      const res = await call(path, init);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
      const error = await errorOf(res);
      expect(error.code).toBe('UNAUTHORIZED');
      expect(error.message).toMatch(/令牌/);
    }
  });
});

describe('404', () => {
  it('an unknown route is a 404 in the JSON error shape', async () => {
    for (const [path, init] of [
      ['/no-such-page', {}],
      ['/v2/evaluate', {}],
      ['/v1/nothing', { headers: bearer(T) }],
      ['/v1/health', { method: 'POST', headers: bearer(T) }],
    ] as const) {
      const res = await call(path, init);
      expect(res.status, path).toBe(404);
      expect((await errorOf(res)).code).toBe('NOT_FOUND');
    }
  });
});

describe('POST /v1/evaluate', () => {
  it('200: the engine response plus a batchId; bad row content is a 数据有误 row, not a 400', async () => {
    const rows = [
      { name: '张三', platformPublicHours: 30, platformProfessionalHours: 60 },
      { name: '李四', platformPublicHours: '三十', trainingDays: -2 },
      {},
    ];
    const res = await postJson('/v1/evaluate', T, { rows, asOf: '2023-11-01' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as EvaluateResponse & { batchId: string };
    expect(body.batchId).toBe(res.headers.get('X-Request-Id'));
    const { batchId, ...rest } = body;
    expect(batchId).toMatch(/^[0-9a-f-]{36}$/);
    expect(rest).toEqual(evaluate(rows, { asOf: '2023-11-01' }));
    expect(body.results.map((r) => r.status)).toEqual(['达标', '数据有误', '']);
    expect(body.results[1].errors.map((e) => e.field).sort()).toEqual(['platformPublicHours', 'trainingDays']);
  });

  it('asOf defaults to today in China (UTC+8)', async () => {
    const rows = [{ name: '王五', platformPublicHours: 1 }];
    const res = await postJson('/v1/evaluate', T, { rows });
    expect(res.status).toBe(200);
    const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
    const body = (await res.json()) as EvaluateResponse;
    // 2023's deadline has passed by any date this runs on: the engine warns only when it was given asOf
    expect(body.results[0].warnings.map((w) => w.code)).toContain('DEADLINE_PASSED');
    const audit = (await (await call('/v1/audit?limit=1', { headers: bearer(T) })).json()) as { records: { asOf: string }[] };
    expect(audit.records[0].asOf).toBe(today);
  });

  it.each([
    ['broken JSON', '{"rows": [', 'INVALID_JSON', /JSON/],
    ['a JSON array instead of an object', '[]', 'INVALID_REQUEST', /JSON 对象/],
    ['rows missing', '{}', 'INVALID_REQUEST', /rows/],
    ['rows not an array', '{"rows": {"name": "张三"}}', 'INVALID_REQUEST', /rows 必须是数组/],
    ['a row that is not an object', '{"rows": [{"name": "张三"}, 42]}', 'INVALID_REQUEST', /rows\[1\]/],
    ['ruleSet not a string', '{"rows": [], "ruleSet": 2023}', 'INVALID_REQUEST', /ruleSet/],
    ['an unknown rule set', '{"rows": [], "ruleSet": "atlantis-2099"}', 'UNKNOWN_RULE_SET', /atlantis-2099/],
    ['asOf not a date', '{"rows": [], "asOf": "tomorrow"}', 'INVALID_REQUEST', /asOf/],
    ['asOf an impossible date', '{"rows": [], "asOf": "2023-02-30"}', 'INVALID_REQUEST', /asOf/],
    ['asOf in another format', '{"rows": [], "asOf": "2023/11/01"}', 'INVALID_REQUEST', /asOf/],
    ['asOf a number', '{"rows": [], "asOf": 45231}', 'INVALID_REQUEST', /asOf/],
  ])('400: %s', async (_what, body, code, message) => {
    const res = await postJson('/v1/evaluate', T, body);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('400: many rows that are not objects: the first five are named, the rest summarised', async () => {
    const res = await postJson('/v1/evaluate', T, { rows: [{}, ...Array.from({ length: 20 }, (_, i) => i + 10)] });
    expect(res.status).toBe(400);
    const { message } = await errorOf(res);
    expect(message).toMatch(/^rows\[1\]（10）、rows\[2\]（11）、rows\[3\]（12）、rows\[4\]（13）、rows\[5\]（14） 不是对象/);
    expect(message).not.toContain('rows[6]');
    expect(message).toContain('其后还有不是对象的行');
  });

  it('400: a body that is not declared as JSON', async () => {
    const res = await call('/v1/evaluate', {
      method: 'POST',
      headers: bearer(T, { 'Content-Type': 'text/plain' }),
      body: '{"rows": []}',
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('UNSUPPORTED_CONTENT_TYPE');
  });

  it('accepts a JSON content type with a charset', async () => {
    const res = await call('/v1/evaluate', {
      method: 'POST',
      headers: bearer(T, { 'Content-Type': 'application/json; charset=utf-8' }),
      body: '{"rows": [], "asOf": "2023-11-01"}',
    });
    expect(res.status).toBe(200);
  });
});

describe('GET /v1/audit', () => {
  it.each(['0', '501', 'abc', '-1', '2.5', ''])('400 for limit=%s', async (limit) => {
    const res = await call(`/v1/audit?limit=${limit}`, { headers: bearer(T) });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toMatch(/limit/);
  });

  it('200 with the records', async () => {
    const res = await call('/v1/audit?limit=500', { headers: bearer(T) });
    expect(res.status).toBe(200);
    expect(Array.isArray(((await res.json()) as { records: unknown[] }).records)).toBe(true);
  });
});

describe('security headers and request id', () => {
  it('sets secureHeaders and a server-chosen request id', async () => {
    const res = await call('/v1/health', { headers: { 'X-Request-Id': 'client-chosen' } });
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Strict-Transport-Security')).toMatch(/max-age/);
    expect(res.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
