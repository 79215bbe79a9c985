// A bad configuration (tokens, admin labels, HMAC key, limits) is refused at the first request: one clear log line
// naming the problem (never a token), and 503 MISCONFIGURED on every route — no 500, no silently dead token.
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { app } from '../../worker/app';
import type { Bindings } from '../../worker/env';
import { bearer, ORIGIN, type ErrorJson } from './http';

const KEY = 'k'.repeat(40);
/** Strong tokens (worker/token-strength.ts); the tests below name them by what they stand for. */
const GOOD = 'good-token-1-Zr7Qk1vXoP3m_Tq8LwN2cH5yBf0dJs9a';
const OTHER = 'other-token-9f3a7c2e1b8d4f6a0c5e7b9d2f4a6c8e';

async function requestWith(overrides: Partial<Bindings>, path: string, token = GOOD): Promise<{ res: Response; logged: string[] }> {
  const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const res = await app.fetch(new Request(`${ORIGIN}${path}`, { headers: bearer(token) }), { ...env, CE_AUDIT_HMAC_KEY: KEY, CE_ADMIN_LABELS: '', ...overrides });
    return { res, logged: log.mock.calls.map((args) => args.map(String).join(' ')) };
  } finally {
    log.mockRestore();
  }
}

describe('token configuration checked at the first request', () => {
  it.each([
    ['a token outside the bearer charset', { CE_API_TOKEN: `hr:${GOOD},it:has space` }, /第 2 项.*“it”.*不允许的字符/],
    ['a token with a non-ASCII character', { CE_API_TOKEN: `hr:${GOOD},it:令牌` }, /第 2 项.*不允许的字符/],
    ['a label twice', { CE_API_TOKEN: `hr:${GOOD},hr:${OTHER}` }, /标签“hr”出现了 2 次/],
    ['one token under two labels', { CE_API_TOKEN: `hr:${GOOD},it:${GOOD}` }, /同一个令牌.*“hr”.*“it”/],
    ['no token at all', { CE_API_TOKEN: '' }, /CE_API_TOKEN 未设置/],
    ['an admin label without a token', { CE_API_TOKEN: `hr:${GOOD}`, CE_ADMIN_LABELS: 'it' }, /CE_ADMIN_LABELS.*“it”/],
    ['no audit HMAC key', { CE_API_TOKEN: `hr:${GOOD}`, CE_AUDIT_HMAC_KEY: '' }, /CE_AUDIT_HMAC_KEY 未设置/],
    ['a short audit HMAC key', { CE_API_TOKEN: `hr:${GOOD}`, CE_AUDIT_HMAC_KEY: 'short' }, /CE_AUDIT_HMAC_KEY 太短/],
    ['a limit that is not a number', { CE_API_TOKEN: `hr:${GOOD}`, CE_MAX_ROWS: '5k' }, /CE_MAX_ROWS 须为正整数，现为“5k”/],
    ['rows per request above the row limit', { CE_API_TOKEN: `hr:${GOOD}`, CE_ROWS_PER_REQUEST: '9000' }, /CE_ROWS_PER_REQUEST/],
  ])('%s → 503 MISCONFIGURED and one log line', async (_what, overrides, problem) => {
    const { res, logged } = await requestWith(overrides, '/v1/rules');
    expect(res.status).toBe(503);
    const { error } = (await res.json()) as ErrorJson;
    expect(error.code).toBe('MISCONFIGURED');
    expect(error.message).toMatch(/配置有误.*管理员/);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^MISCONFIGURED: /);
    expect(logged[0]).toMatch(problem);
    expect(logged[0]).not.toContain(GOOD);

    // every route, health included, answers the same; the log line is not repeated for the same configuration
    for (const path of ['/v1/health', '/v1/audit', '/v1/nowhere']) {
      const again = await requestWith(overrides, path);
      expect(again.res.status, path).toBe(503);
      await again.res.body?.cancel();
      expect(again.logged).toEqual([]);
    }
  });

  it('the same configuration without the problem works', async () => {
    const { res, logged } = await requestWith({ CE_API_TOKEN: `hr:${GOOD},it:${OTHER}` }, '/v1/rules');
    expect(res.status).toBe(200);
    await res.body?.cancel();
    expect(logged).toEqual([]);
  });
});

describe('weak tokens and the development token in production (issue 22)', () => {
  it.each([
    ['weak:a', 'weak'],
    ['renshike:123456', 'renshike'],
    ['it:password', 'it'],
    ['dev:ce-local-dev-token', 'dev'],
  ])('%s next to a strong token → 503 MISCONFIGURED naming the label, never the token', async (entry, label) => {
    const secret = entry.slice(entry.indexOf(':') + 1);
    for (const env of [{ CE_ENV: 'production' }, { CE_ENV: undefined }]) {
      const { res, logged } = await requestWith({ CE_API_TOKEN: `hr:${GOOD},${entry}`, ...env }, '/v1/rules');
      expect(res.status).toBe(503);
      const text = await res.text();
      const { error } = JSON.parse(text) as ErrorJson;
      expect(error.code).toBe('MISCONFIGURED');
      expect(error.message).toContain(`标签“${label}”的访问令牌不合要求`);
      expect(text).not.toContain(`:${secret}`);
      if (secret.length > 1) expect(text).not.toContain(secret);
      // the log line names the label and what to do; the strong token is served nowhere meanwhile
      expect(logged.join('')).toMatch(new RegExp(`标签“${label}”`));
      expect(logged.join('')).toContain('npm run token');
      if (secret.length > 1) expect(logged.join('')).not.toContain(secret);
      expect(logged.join('')).not.toContain(GOOD);
    }
  });

  it('the development token in development (worker/.dev.vars) is accepted', async () => {
    const { res } = await requestWith({ CE_API_TOKEN: 'dev:ce-local-dev-token', CE_ENV: 'development' }, '/v1/rules', 'ce-local-dev-token');
    expect(res.status).toBe(200);
    await res.body?.cancel();
  });
});
