// No answer without its audit record: when the D1 write fails or takes longer than CE_AUDIT_TIMEOUT_MS, evaluate
// answers 503 AUDIT_UNAVAILABLE in Chinese with no results; reading the audit is bounded the same way. Real local D1:
// a trigger that refuses the insert, and the real database behind a gate for a D1 that stops answering.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import type { Bindings } from '../../worker/env';
import { auditCount } from './audit-count';
import { bearer, ORIGIN, TOKENS, type ErrorJson } from './http';

const BODY = JSON.stringify({ rows: [{ name: '张三', idNumber: '370402198501011234', platformPublicHours: 30 }], asOf: '2023-11-01' });

async function evaluateWith(overrides: Partial<Bindings> = {}): Promise<Response> {
  const req = new Request(`${ORIGIN}/v1/evaluate`, {
    method: 'POST',
    headers: bearer(TOKENS.guard, { 'Content-Type': 'application/json' }),
    body: BODY,
  });
  return await app.fetch(req, { ...env, ...overrides });
}

const recordsOfGuard = () => auditCount('guard');

/**
 * Local D1 runs inside the same runtime as the Worker: a busy database blocks the timers too, so a hang cannot be
 * produced with it. The real database behind a gate that holds every statement until released stands in for a
 * remote D1 that stops answering.
 */
function stalledDb(gate: Promise<void>): D1Database {
  const gated = (statement: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(statement, {
      get(target, prop) {
        if (prop === 'bind') return (...values: unknown[]) => gated(target.bind(...values));
        if (prop === 'run' || prop === 'all' || prop === 'first') {
          return async (...args: unknown[]) => {
            await gate;
            return (Reflect.get(target, prop) as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          };
        }
        return Reflect.get(target, prop);
      },
    });
  return new Proxy(env.DB, {
    get(db, prop) {
      return prop === 'prepare' ? (sql: string) => gated(db.prepare(sql)) : Reflect.get(db, prop);
    },
  });
}

async function expectRefused(res: Response, why: RegExp): Promise<void> {
  expect(res.status).toBe(503);
  expect(res.headers.get('Retry-After')).toBe('5');
  const text = await res.text();
  const body = JSON.parse(text) as ErrorJson & { results?: unknown };
  expect(body.results).toBeUndefined();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe('AUDIT_UNAVAILABLE');
  expect(body.error.message).toMatch(why);
  expect(body.error.message).toMatch(/本次结果未返回.*请稍后重试/);
  expect(text).not.toContain('张三');
}

describe('audit write failure or timeout', () => {
  it('the database refuses the insert → 503, no results, no record', async () => {
    await env.DB.exec(
      "CREATE TRIGGER refuse_guard BEFORE INSERT ON audit WHEN NEW.token_label = 'guard' BEGIN SELECT RAISE(ABORT, 'refused by test'); END;",
    );
    const before = await recordsOfGuard();
    try {
      const log = console.error;
      console.error = () => undefined;
      try {
        await expectRefused(await evaluateWith(), /未能写入/);
      } finally {
        console.error = log;
      }
    } finally {
      await env.DB.exec('DROP TRIGGER refuse_guard;');
    }
    expect(await recordsOfGuard()).toBe(before);
    // once the database accepts it again, the same request is answered, with its record
    const ok = await evaluateWith();
    expect(ok.status).toBe(200);
    await ok.body?.cancel();
    expect(await recordsOfGuard()).toBe(before + 1);
  });

  it('the database does not answer within CE_AUDIT_TIMEOUT_MS → 503 after about that long, no results', async () => {
    let release: () => void = () => undefined;
    const stalled = stalledDb(new Promise<void>((r) => (release = r)));
    const before = await recordsOfGuard();
    const log = console.error;
    console.error = () => undefined;
    try {
      const t0 = Date.now();
      const res = await evaluateWith({ DB: stalled, CE_AUDIT_TIMEOUT_MS: '300' });
      const elapsed = Date.now() - t0;
      await expectRefused(res, /长时间没有响应/);
      expect(elapsed).toBeGreaterThanOrEqual(250);
      expect(elapsed).toBeLessThan(5000);
    } finally {
      console.error = log;
      release();
    }
    // the write may still land later: a record without an answer is allowed, an answer without a record is not
    await new Promise((r) => setTimeout(r, 200));
    expect(await recordsOfGuard()).toBeLessThanOrEqual(before + 1);
  });

  it('reading the audit does not answer within CE_AUDIT_TIMEOUT_MS → 503 in Chinese, not a hang or a 500', async () => {
    let release: () => void = () => undefined;
    const stalled = stalledDb(new Promise<void>((r) => (release = r)));
    const log = console.error;
    console.error = () => undefined;
    try {
      for (const token of [TOKENS.guard, TOKENS.admin]) {
        const res = await app.fetch(new Request(`${ORIGIN}/v1/audit?limit=5`, { headers: bearer(token) }), { ...env, DB: stalled, CE_AUDIT_TIMEOUT_MS: '300' });
        expect(res.status).toBe(503);
        const { error } = (await res.json()) as ErrorJson;
        expect(error).toEqual({ code: 'AUDIT_UNAVAILABLE', message: '审计记录数据库暂时没有响应，请稍后重试' });
      }
    } finally {
      console.error = log;
      release();
    }
  });
});
