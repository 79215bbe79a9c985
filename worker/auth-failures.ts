// Failed authentications per client address: each failure is counted by the AUTH_FAILURE_LIMITER rate-limiting
// binding (keyed by CF-Connecting-IP; like every Workers rate limit it counts per Cloudflare location, not globally).
// Once an address is over the limit, this isolate refuses it for one period BEFORE looking at the token, so a guess
// that happens to be right gets the same 429 as a wrong one: guessing stays blocked, not just answered differently.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { errorResponse } from './errors';

const MAX_TRACKED = 10_000;
const blockedUntil = new Map<string, number>();

export function clientAddress(c: Context<AppEnv>): string {
  return c.req.header('CF-Connecting-IP') ?? 'unknown';
}

function period(c: Context<AppEnv>): number {
  return c.var.config.limits.rateLimitPeriod;
}

export function tooManyFailures(c: Context<AppEnv>): Response {
  c.header('Retry-After', String(period(c)));
  return errorResponse(c, 429, 'TOO_MANY_FAILED_LOGINS', `访问令牌错误次数过多，请 ${period(c)} 秒后再试`);
}

/** Before the token is checked: an address over its failure limit gets 429, whatever token it sends. */
export const refuseBlockedAddress: MiddlewareHandler<AppEnv> = async (c, next) => {
  const until = blockedUntil.get(clientAddress(c));
  if (until !== undefined) {
    if (until > Date.now()) return tooManyFailures(c);
    blockedUntil.delete(clientAddress(c));
  }
  await next();
};

/** Counts one failed authentication; true when the address is now over its limit (and blocked for one period). */
export async function recordAuthFailure(c: Context<AppEnv>): Promise<boolean> {
  const address = clientAddress(c);
  const { success } = await c.env.AUTH_FAILURE_LIMITER.limit({ key: address });
  if (success) return false;
  if (blockedUntil.size >= MAX_TRACKED) {
    const now = Date.now();
    for (const [a, t] of blockedUntil) if (t <= now) blockedUntil.delete(a);
    if (blockedUntil.size >= MAX_TRACKED) blockedUntil.clear();
  }
  blockedUntil.set(address, Date.now() + period(c) * 1000);
  return true;
}
