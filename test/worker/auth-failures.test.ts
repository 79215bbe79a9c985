// Failed logins are limited per client (AUTH_FAILURE_LIMITER: 30 a minute in vitest.worker.config.ts): the IPv4
// address, or the /64 of an IPv6 address. Past the limit every failing credential from that client gets 429 with
// Retry-After, but a correct token from the same client is let through (issue 22: one person behind a NAT must not
// lock colleagues out). Other clients and the label's own rate limit are unaffected.
import { describe, expect, it } from 'vitest';
import { clientKey } from '../../worker/client-address';
import { bearer, call, errorOf, startOfAWindow, TOKENS } from './http';

const LIMIT = 30;
const from = (address: string, headers: Record<string, string> = {}) => ({ 'CF-Connecting-IP': address, ...headers });

async function statusOf(path: string, headers: Record<string, string>): Promise<number> {
  const res = await call(path, { headers });
  await res.body?.cancel();
  return res.status;
}

/** `count` wrong tokens from `addresses` in turn, each expected 401. */
async function fail(addresses: string[], count: number, tag: string): Promise<void> {
  for (let i = 0; i < count; i++) {
    expect(await statusOf('/v1/rules', from(addresses[i % addresses.length], bearer(`${tag}-guess-${i}`))), `guess ${i}`).toBe(401);
  }
}

describe('failed logins per client', () => {
  it('401 up to the limit, then 429 with Retry-After for wrong tokens; the correct token from that address still works', { timeout: 60_000 }, async () => {
    await startOfAWindow();
    const nat = '203.0.113.7';
    await fail([nat], LIMIT, 'a');
    const over = await call('/v1/rules', { headers: from(nat, bearer('a-guess-over')) });
    expect(over.status).toBe(429);
    expect(over.headers.get('Retry-After')).toBe('60');
    const error = await errorOf(over);
    expect(error.code).toBe('TOO_MANY_FAILED_LOGINS');
    expect(error.message).toMatch(/令牌错误次数过多.*60 秒/);
    // a credential refused once is refused again; a malformed header from the address too
    expect(await statusOf('/v1/rules', from(nat, bearer('a-guess-over')))).toBe(429);
    expect(await statusOf('/v1/rules', from(nat, { Authorization: 'Bearer a b' }))).toBe(429);

    // a colleague behind the same address, with the right token: served, repeatedly, on every route
    for (let i = 0; i < 3; i++) expect(await statusOf('/v1/rules', from(nat, bearer(TOKENS.lockout)))).toBe(200);
    expect(await statusOf('/v1/audit?limit=1', from(nat, bearer(TOKENS.lockout)))).toBe(200);
    // and wrong tokens from there are still refused
    expect(await statusOf('/v1/rules', from(nat, bearer('a-guess-after')))).toBe(429);

    // another address is not affected; health needs no token and is never refused
    expect(await statusOf('/v1/rules', from('198.51.100.2', bearer('a-typo')))).toBe(401);
    expect(await statusOf('/v1/health', from(nat))).toBe(200);
  });

  it('malformed Authorization headers count as failures too; a missing header does not', { timeout: 60_000 }, async () => {
    await startOfAWindow();
    const address = '203.0.113.8';
    for (let i = 0; i < LIMIT + 5; i++) expect(await statusOf('/v1/rules', from(address))).toBe(401);
    for (let i = 0; i < LIMIT; i++) expect(await statusOf('/v1/rules', from(address, { Authorization: `Basic x${i}` }))).toBe(401);
    expect(await statusOf('/v1/rules', from(address, { Authorization: 'Basic more' }))).toBe(429);
    expect(await statusOf('/v1/rules', from(address, bearer(TOKENS.lockout)))).toBe(200);
  });

  it('IPv6 clients are counted per /64: changing the address within it does not reset the count', { timeout: 60_000 }, async () => {
    await startOfAWindow();
    const net = ['2001:db8:22:7::1', '2001:db8:22:7:ffff::5', '2001:0DB8:0022:0007:1:2:3:4', '2001:db8:22:7:abcd::'];
    await fail(net, LIMIT, 'v6');
    expect(await statusOf('/v1/rules', from('2001:db8:22:7:9999::9', bearer('v6-next')))).toBe(429);
    // the neighbouring /64 is another client
    expect(await statusOf('/v1/rules', from('2001:db8:22:8::1', bearer('v6-next')))).toBe(401);
    // the right token from the counted /64 works
    expect(await statusOf('/v1/rules', from('2001:db8:22:7::77', bearer(TOKENS.lockout)))).toBe(200);
  });
});

describe('clientKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:DB8:0:0:1::1', '2001:db8:0:0::/64'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::ffff:198.51.100.9', '198.51.100.9'],
    ['2001:db8:1:2:3:4:198.51.100.9', '2001:db8:1:2::/64'],
    [undefined, 'unknown'],
    ['', 'unknown'],
    ['2001:db8::1::2', 'invalid:2001:db8::1::2'],
    ['x'.repeat(500), `invalid:${'x'.repeat(64)}`],
  ])('%s → %s', (header, key) => {
    expect(clientKey(header)).toBe(key);
  });
});
