// 429 with Retry-After past the per-label limit of the rate-limiting binding (100 a minute in vitest.worker.config.ts).
import { describe, expect, it } from 'vitest';
import { bearer, call, errorOf, startOfAWindow, TOKENS } from './http';

const LIMIT = 100;

describe('rate limit per token label', () => {
  it('answers 429 with Retry-After once a label is past its limit; other labels are unaffected', { timeout: 60_000 }, async () => {
    await startOfAWindow();
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 5; i++) {
      const res = await call('/v1/audit?limit=1', { headers: bearer(TOKENS.burst) });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get('Retry-After')).toBe('60');
        const error = await errorOf(res);
        expect(error.code).toBe('RATE_LIMITED');
        expect(error.message).toMatch(/频繁/);
      } else {
        await res.body?.cancel();
      }
    }
    expect(statuses.slice(0, LIMIT).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(LIMIT)).toEqual([429, 429, 429, 429, 429]);

    const other = await call('/v1/audit?limit=1', { headers: bearer(TOKENS.cors) });
    expect(other.status).toBe(200);
  });

  it('health is not rate limited and needs no token', async () => {
    const res = await call('/v1/health');
    expect(res.status).toBe(200);
  });
});
