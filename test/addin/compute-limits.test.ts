// The request path's sizing and resilience: parts sized from GET /v1/health, bounded concurrency, and a
// part the service cannot take (413, 503, a CPU-limit page, a dropped connection) halved and retried, boundedly.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/index';
import type { RosterRowInput } from '../../shared/types';
import { WorkerClient, type FetchLike } from '../../addin/api/client';
import { LIMITS, requestLimitsFrom } from '../../shared/sheet/chunks';
import { ChunkError, MAX_HALVINGS, computeAll, type Evaluator } from '../../addin/compute/compute';
import { parseJsonc } from '../../scripts/deploy/jsonc';

const roster = (n: number): RosterRowInput[] =>
  Array.from({ length: n }, (_, i) => ({ name: `人员${i}`, unit: `单位${i % 7}`, platformPublicHours: i % 40, platformProfessionalHours: 60 }));
const AS_OF = '2023-11-01';
const want = (rows: RosterRowInput[]) => evaluate(rows, { asOf: AS_OF }).results;
const BASE = 'http://127.0.0.1:9';

type Seen = { posts: number[]; health: number };
/** A fake service over fetch: answers with the engine; `fail(rows, call)` may return a failing Response or throw. */
function service(opts: { limits?: object; fail?: (rows: number, call: number) => Response | 'drop' | null; delayMs?: number }): { fetch: FetchLike; seen: Seen; maxInFlight: () => number } {
  const seen: Seen = { posts: [], health: 0 };
  let inFlight = 0;
  let max = 0;
  const fetch: FetchLike = async (url, init) => {
    if (url.endsWith('/v1/health')) {
      seen.health++;
      return new Response(JSON.stringify({ ok: true, engineVersion: 'x', ...(opts.limits ? { limits: opts.limits } : {}) }), { status: 200 });
    }
    const body = JSON.parse(String(init?.body)) as { rows: RosterRowInput[]; asOf?: string };
    seen.posts.push(body.rows.length);
    inFlight++;
    max = Math.max(max, inFlight);
    try {
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      const failure = opts.fail?.(body.rows.length, seen.posts.length);
      if (failure === 'drop') throw new TypeError('Failed to fetch');
      if (failure) return failure;
      return new Response(JSON.stringify({ ...evaluate(body.rows, { asOf: body.asOf }), batchId: `b${seen.posts.length}` }), { status: 200 });
    } finally {
      inFlight--;
    }
  };
  return { fetch, seen, maxInFlight: () => max };
}
const client = (fetch: FetchLike): Evaluator => new WorkerClient({ baseUrl: BASE, token: 't', fetch });
const jsonError = (status: number, code: string, message: string): Response => new Response(JSON.stringify({ error: { code, message } }), { status });
/** What Cloudflare sends when a Worker exceeds its CPU limit (error 1102): an HTML page, not our JSON. */
const cpuLimitPage = (): Response => new Response('<html><title>Worker exceeded resource limits | Cloudflare</title>Error 1102</html>', { status: 503, headers: { 'Content-Type': 'text/html' } });

describe('request sizes from the service', () => {
  it('uses the rows per request GET /v1/health recommends, and today’s limits when it says none', async () => {
    const rows = roster(12_001);
    const advertised = service({ limits: { maxRows: 5000, maxBodyBytes: 5_242_880, rowsPerRequest: 1000 } });
    const out = await computeAll(rows, client(advertised.fetch), { asOf: AS_OF, firstDataRowNumber: 2 });
    expect(advertised.seen.health).toBe(1);
    expect(Math.max(...advertised.seen.posts)).toBe(1000);
    expect(advertised.seen.posts).toHaveLength(13);
    expect(out.results).toEqual(want(rows));
    // requests stay under the advertised body limit with room for headers: 90 % of 5,242,880 bytes
    expect(out.limits).toMatchObject({ maxRowsPerRequest: 1000, maxRequestBytes: 4_718_592 });

    const silent = service({});
    await computeAll(rows, client(silent.fetch), { asOf: AS_OF, firstDataRowNumber: 2 });
    expect(silent.seen.posts).toEqual([5000, 5000, 2001]);
  });

  it('never exceeds the service’s maximum, and ignores nonsense', () => {
    expect(requestLimitsFrom({ maxRows: 800, rowsPerRequest: 1000 }).maxRowsPerRequest).toBe(800);
    expect(requestLimitsFrom({ maxRows: 'many', rowsPerRequest: -3, maxBodyBytes: null })).toEqual(requestLimitsFrom(null));
    expect(requestLimitsFrom(null)).toEqual({ maxRowsPerRequest: LIMITS.maxRowsPerRequest, maxRequestBytes: LIMITS.maxRequestBytes, concurrency: LIMITS.requestConcurrency });
  });

  it('keeps a bounded number of requests in flight (100,000 rows in 1,000-row requests)', async () => {
    const rows = roster(100_000);
    const s = service({ limits: { maxRows: 5000, rowsPerRequest: 1000 }, delayMs: 5 });
    const out = await computeAll(rows, client(s.fetch), { asOf: AS_OF, firstDataRowNumber: 2 });
    expect(s.seen.posts).toHaveLength(100);
    expect(s.maxInFlight()).toBe(LIMITS.requestConcurrency);
    expect(out.results.map((r) => r.index)).toEqual(rows.map((_, i) => i));
    expect(out.batchIds).toHaveLength(100);
  }, 60_000);
});

describe('a part the service cannot take is halved and retried', () => {
  const cases: [string, (rows: number) => Response | 'drop' | null][] = [
    ['413 (over the size or row limit)', (n) => (n > 700 ? jsonError(413, 'TOO_LARGE', '请求过大') : null)],
    ['503 (service over its resources)', (n) => (n > 700 ? jsonError(503, 'UNAVAILABLE', '稍后再试') : null)],
    ['a CPU-limit page (Cloudflare 1102, no JSON)', (n) => (n > 700 ? cpuLimitPage() : null)],
  ];
  for (const [label, fail] of cases) {
    it(`${label}: results equal evaluate(), every row once`, async () => {
      const rows = roster(6000);
      const s = service({ limits: { maxRows: 5000, rowsPerRequest: 3000 }, fail });
      const out = await computeAll(rows, client(s.fetch), { asOf: AS_OF, firstDataRowNumber: 2 });
      expect(out.results).toEqual(want(rows));
      const accepted = s.seen.posts.filter((n) => n <= 700);
      expect(accepted.reduce((a, b) => a + b, 0)).toBe(rows.length);
      expect(Math.max(...accepted)).toBe(375);
    }, 60_000);
  }

  it('a connection dropped mid-run: that part is split and the run completes', async () => {
    const rows = roster(4000);
    const s = service({ limits: { rowsPerRequest: 1000 }, fail: (_n, call) => (call === 3 ? 'drop' : null) });
    const out = await computeAll(rows, client(s.fetch), { asOf: AS_OF, firstDataRowNumber: 2 });
    expect(out.results).toEqual(want(rows));
    expect(s.seen.posts).toHaveLength(6);
    expect(s.seen.posts.filter((n) => n === 500)).toHaveLength(2);
  });

  it('still failing after the bounded halvings: a Chinese reason naming the plan limit, nothing returned', async () => {
    const s = service({ limits: { rowsPerRequest: 1000 }, fail: () => cpuLimitPage() });
    const err = await computeAll(roster(1000), client(s.fetch), { firstDataRowNumber: 2, limits: { concurrency: 1 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChunkError);
    const message = (err as Error).message;
    expect(message).toContain('第 1/1 部分');
    expect(message).toContain('HTTP 503');
    expect(message).toContain(`拆小重试 ${MAX_HALVINGS} 次仍失败`);
    expect(message).toContain('套餐');
    expect(message).toContain('未写入任何单元格');
    expect(message).not.toMatch(/Worker|batch|engine/i);
    expect(s.seen.posts).toHaveLength(MAX_HALVINGS + 1);
  });

  it('413 for good and a dead connection for good are each explained', async () => {
    const big = service({ limits: { rowsPerRequest: 64 }, fail: () => jsonError(413, 'TOO_LARGE', '请求过大') });
    const e413 = (await computeAll(roster(64), client(big.fetch), { firstDataRowNumber: 2 }).catch((e: unknown) => e)) as Error;
    expect(e413.message).toMatch(/413.*拆小重试 4 次仍失败.*上限/);
    const dead = service({ fail: () => 'drop' });
    const eNet = (await computeAll(roster(64), client(dead.fetch), { firstDataRowNumber: 2 }).catch((e: unknown) => e)) as Error;
    expect(eNet.message).toMatch(/无法连接计算服务.*拆小重试 4 次仍失败.*网络/);
  });

  it('other answers (401) are not retried', async () => {
    const s = service({ fail: () => jsonError(401, 'UNAUTHORIZED', '令牌无效') });
    const err = (await computeAll(roster(3000), client(s.fetch), { firstDataRowNumber: 2 }).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('401');
    expect(s.seen.posts).toEqual([3000]);
  });
});

describe('the deployed rate limit against the request plan (worker/wrangler.jsonc)', () => {
  type Env = { vars: Record<string, string>; ratelimits: { name: string; simple: { limit: number; period: number } }[] };
  const config = parseJsonc(readFileSync(fileURLToPath(new URL('../../worker/wrangler.jsonc', import.meta.url)), 'utf8'), 'worker/wrangler.jsonc') as Env & { env: { production: Env } };
  /** 计算学时, 年度汇总 and 提醒名单 run back to back by one clerk, each sending the whole roster. */
  const RUNS_A_MINUTE = 3;
  const LARGE_UNIT_ROWS = 20_000;

  it.each([['local development', config], ['production', config.env.production]])('%s: a 20,000-row roster, three runs in a minute, stays under the limit', (_what, env) => {
    const limiter = env.ratelimits.find((r) => r.name === 'RATE_LIMITER');
    expect(limiter?.simple.period).toBe(Number(env.vars.CE_RATE_LIMIT_PERIOD ?? 60));
    const plan = requestLimitsFrom({ maxRows: Number(env.vars.CE_MAX_ROWS), rowsPerRequest: Number(env.vars.CE_ROWS_PER_REQUEST), maxBodyBytes: Number(env.vars.CE_MAX_BODY_BYTES) });
    const requests = Math.ceil(LARGE_UNIT_ROWS / plan.maxRowsPerRequest);
    expect(requests * RUNS_A_MINUTE).toBeLessThanOrEqual(limiter?.simple.limit ?? 0);
    // and a burst of two full 100,000-row rosters (计算学时, a cell edited, 年度汇总): no 429 and no minute's wait
    expect(2 * Math.ceil(100_000 / plan.maxRowsPerRequest)).toBeLessThanOrEqual(limiter?.simple.limit ?? 0);
  });

  it.each([['local development', config], ['production', config.env.production]])('%s: a 100,000-row roster as the add-in sends it, twice, stays under the limit', async (_what, env) => {
    const limiter = env.ratelimits.find((r) => r.name === 'RATE_LIMITER');
    const advertised = Number(env.vars.CE_ROWS_PER_REQUEST);
    const s = service({ limits: { maxRows: Number(env.vars.CE_MAX_ROWS), maxBodyBytes: Number(env.vars.CE_MAX_BODY_BYTES), rowsPerRequest: advertised } });
    const rows = roster(100_000);
    const out = await computeAll(rows, client(s.fetch), { asOf: AS_OF, firstDataRowNumber: 2 });
    expect(out.results).toHaveLength(rows.length);
    // requests of the advertised size (the CPU budget per request), never larger
    expect(Math.max(...s.seen.posts)).toBe(advertised);
    expect(s.seen.posts.reduce((a, b) => a + b, 0)).toBe(rows.length);
    // 计算学时, a cell edited, 计算学时 or 年度汇总 again: the whole roster twice within the rate limit's period
    expect(2 * s.seen.posts.length).toBeLessThanOrEqual(limiter?.simple.limit ?? 0);
  }, 120_000);
});
