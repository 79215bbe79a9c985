// Failed authentications are limited per client address (AUTH_FAILURE_LIMITER: 30 a minute in
// vitest.worker.config.ts). Past the limit the address gets 429 whatever token it sends, so a right guess is not told
// apart from a wrong one; other addresses and the label's own rate limit are unaffected.
import { describe, expect, it } from 'vitest';
import { bearer, call, errorOf, TOKENS } from './http';

const LIMIT = 30;
const from = (address: string, headers: Record<string, string> = {}) => ({ 'CF-Connecting-IP': address, ...headers });

describe('failed authentications per client address', () => {
  it('401 up to the limit, then 429 with Retry-After, even for a valid token from that address', async () => {
    const attacker = '203.0.113.7';
    for (let i = 0; i < LIMIT; i++) {
      const res = await call('/v1/rules', { headers: from(attacker, bearer(`guess-${i}`)) });
      expect(res.status, `guess ${i}`).toBe(401);
      await res.body?.cancel();
    }
    const over = await call('/v1/rules', { headers: from(attacker, bearer('guess-over')) });
    expect(over.status).toBe(429);
    expect(over.headers.get('Retry-After')).toBe('60');
    const error = await errorOf(over);
    expect(error.code).toBe('TOO_MANY_FAILED_LOGINS');
    expect(error.message).toMatch(/令牌错误次数过多.*60 秒/);

    // a right guess now looks exactly like a wrong one
    const right = await call('/v1/rules', { headers: from(attacker, bearer(TOKENS.guard)) });
    expect(right.status).toBe(429);
    expect((await errorOf(right)).code).toBe('TOO_MANY_FAILED_LOGINS');
    const malformed = await call('/v1/rules', { headers: from(attacker, { Authorization: 'Bearer a b' }) });
    expect(malformed.status).toBe(429);
    await malformed.body?.cancel();

    // another address with the same valid token is served
    const other = await call('/v1/rules', { headers: from('198.51.100.2', bearer(TOKENS.guard)) });
    expect(other.status).toBe(200);
    await other.body?.cancel();
    // health needs no token and is never refused
    expect((await call('/v1/health', { headers: from(attacker) })).status).toBe(200);
  });

  it('malformed Authorization headers count as failures too; a missing header does not', async () => {
    const address = '203.0.113.8';
    for (let i = 0; i < LIMIT + 5; i++) {
      const res = await call('/v1/rules', { headers: from(address) });
      expect(res.status).toBe(401);
      await res.body?.cancel();
    }
    for (let i = 0; i < LIMIT; i++) {
      const res = await call('/v1/rules', { headers: from(address, { Authorization: `Basic x${i}` }) });
      expect(res.status).toBe(401);
      await res.body?.cancel();
    }
    const over = await call('/v1/rules', { headers: from(address, { Authorization: 'Basic more' }) });
    expect(over.status).toBe(429);
    await over.body?.cancel();
  });
});
