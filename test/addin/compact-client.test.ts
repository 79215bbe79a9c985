// The add-in's one request path (computeAll over WorkerClient) asks for the compact answer without a summary and expands
// it with the service's GET /v1/rules, fetched once per service address and engine version; results are those of
// evaluate(). A service that ignores `format` or `summary` (an older deployment) answers in full or with a summary, and
// its results are used as they are.
import { describe, expect, it } from 'vitest';
import { WorkerClient, type FetchLike } from '../../addin/api/client';
import { computeAll } from '../../addin/compute/compute';
import { generateRows } from '../../scripts/bench-rows';
import { compactAnswer } from '../../shared/compact';
import { ENGINE_VERSION, evaluate, getRuleSet, listRuleSets } from '../../shared/index';
import type { RosterRowInput } from '../../shared/types';

const AS_OF = '2023-11-01';
type Body = { rows: RosterRowInput[]; asOf?: string; format?: string; summary?: boolean };

/**
 * A service answering as the Worker does (the engine, then the Worker's encoder when the body asks for compact).
 * `older`: ignores `format` and `summary` like a deployment from before them; `withSummary`: ignores `summary` only.
 * `version()`: the engine version it reports now.
 */
function service(opts: { older?: boolean; withSummary?: boolean; version?: () => string; rulesVersion?: () => string; rulesFail?: () => boolean } = {}) {
  const seen = { bodies: [] as Body[], rules: 0, answerBytes: 0 };
  const version = opts.version ?? (() => ENGINE_VERSION);
  const fetch: FetchLike = async (url, init) => {
    if (url.endsWith('/v1/health')) {
      return Response.json({ ok: true, engineVersion: version(), limits: { maxRows: 5000, maxBodyBytes: 5_242_880, rowsPerRequest: 100 } });
    }
    if (url.endsWith('/v1/rules')) {
      seen.rules++;
      if (opts.rulesFail?.()) return Response.json({ error: { code: 'X', message: '服务暂时不可用' } }, { status: 500 });
      return Response.json({ engineVersion: (opts.rulesVersion ?? version)(), defaultRuleSet: 'zaozhuang-2023', ruleSets: listRuleSets() });
    }
    const body = JSON.parse(String(init?.body)) as Body;
    seen.bodies.push(body);
    const { summary, ...rowsOnly } = { ...evaluate(body.rows, { asOf: body.asOf }), engineVersion: version() };
    const full = body.summary === false && !opts.older && !opts.withSummary ? rowsOnly : { ...rowsOnly, summary };
    const answer = body.format === 'compact' && !opts.older ? compactAnswer(full, body.rows, getRuleSet()) : full;
    const text = JSON.stringify({ ...answer, batchId: `b${seen.bodies.length}` });
    seen.answerBytes += text.length;
    return new Response(text, { status: 200 });
  };
  return { fetch, seen };
}

let addresses = 0;
/** A fresh service address per test, so the page-wide rules cache starts empty. */
const newAddress = (): string => `https://ce${++addresses}.example.org`;
const run = (rows: RosterRowInput[], baseUrl: string, fetch: FetchLike, extra: { sendPersonalData?: boolean; format?: 'full' } = {}) =>
  computeAll(rows, new WorkerClient({ baseUrl, token: 't', fetch, format: extra.format }), { asOf: AS_OF, firstDataRowNumber: 2, sendPersonalData: extra.sendPersonalData });

describe('the add-in asks for the compact answer', () => {
  const rows = generateRows(1000);
  const want = evaluate(rows, { asOf: AS_OF }).results;

  it('every request body says compact and no summary; results equal evaluate(); /v1/rules fetched once for ten parts and the next run', async () => {
    const s = service();
    const base = newAddress();
    const out = await run(rows, base, s.fetch);
    expect(out.requests).toBe(10);
    expect(s.seen.bodies.map((b) => b.format)).toEqual(Array(10).fill('compact'));
    expect(s.seen.bodies.map((b) => b.summary)).toEqual(Array(10).fill(false));
    expect(out.results).toEqual(want);
    expect(s.seen.rules).toBe(1);
    const again = await run(rows, base, s.fetch, { sendPersonalData: true });
    expect(again.results).toEqual(want);
    expect(s.seen.rules).toBe(1);
  });

  it('the answers are less than half the bytes of full ones; same results', async () => {
    const compact = service();
    const full = service();
    const a = await run(rows, newAddress(), compact.fetch);
    const b = await run(rows, newAddress(), full.fetch, { format: 'full' });
    expect(full.seen.bodies.every((body) => body.format === undefined)).toBe(true);
    expect(full.seen.rules).toBe(0);
    expect(a.results).toEqual(b.results);
    expect(compact.seen.answerBytes).toBeLessThan(full.seen.answerBytes / 2);
  });

  it('one request: its results expand exactly, and no summary is asked for or made', async () => {
    const some = generateRows(300, 7);
    const s = service();
    const client = new WorkerClient({ baseUrl: newAddress(), token: 't', fetch: s.fetch });
    const { batchId, ...answer } = await client.evaluate(some, { asOf: AS_OF });
    expect(batchId).toBe('b1');
    const { summary, ...want } = evaluate(some, { asOf: AS_OF });
    expect(summary.attention.length).toBeGreaterThan(0);
    expect(answer).toEqual(want);
    expect(s.seen.bodies[0].summary).toBe(false);
  });

  it('a deployment that ignores summary: its compact answer with a summary gives the same results', async () => {
    const s = service({ withSummary: true });
    const out = await run(rows, newAddress(), s.fetch);
    expect(s.seen.answerBytes).toBeGreaterThan(0);
    expect(out.results).toEqual(want);
  });

  it('an older deployment that ignores format: its full answer is used as is, no /v1/rules', async () => {
    const s = service({ older: true });
    const out = await run(rows, newAddress(), s.fetch);
    expect(s.seen.bodies.every((b) => b.format === 'compact')).toBe(true);
    expect(s.seen.rules).toBe(0);
    expect(out.results).toEqual(want);
  });

  it('a new engine version on the same address: its rules are fetched again', async () => {
    let version = '9.0.0';
    const s = service({ version: () => version });
    const base = newAddress();
    await run(rows.slice(0, 50), base, s.fetch);
    version = '9.0.1';
    const out = await run(rows.slice(0, 50), base, s.fetch);
    expect(out.engineVersion).toBe('9.0.1');
    expect(s.seen.rules).toBe(2);
  });

  it('rules that cannot be read stop the run in Chinese and are fetched again next run', async () => {
    let fail = true;
    const s = service({ rulesFail: () => fail });
    const base = newAddress();
    const err = (await run(rows.slice(0, 50), base, s.fetch).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/计算失败：.*500.*未写入任何单元格/);
    fail = false;
    const out = await run(rows.slice(0, 50), base, s.fetch);
    expect(out.results).toEqual(want.slice(0, 50));
    expect(s.seen.rules).toBe(2);
  });

  it('rules of another engine version than the answer (updated meanwhile): a Chinese error, nothing kept', async () => {
    let rulesVersion = '8.0.0';
    const s = service({ rulesVersion: () => rulesVersion });
    const base = newAddress();
    const err = (await run(rows.slice(0, 50), base, s.fetch).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('请重新计算');
    expect(err.message).toContain('8.0.0');
    rulesVersion = ENGINE_VERSION;
    expect((await run(rows.slice(0, 50), base, s.fetch)).results).toEqual(want.slice(0, 50));
  });
});
