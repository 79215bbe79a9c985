// Failed logins. Each wrong or malformed credential is counted for its client (client-address.ts: the IPv4 address
// or the IPv6 /64) by the AUTH_FAILURE_LIMITER rate-limiting binding (like every Workers rate limit, per Cloudflare
// location). A client over the limit gets 429 for one period for every credential that fails, and each credential
// that failed then (kept as a SHA-256 with the client, never as sent) is refused before it is compared again.
// A correct token never fails: it is always compared and let through, so one person behind a hospital's NAT
// guessing or retrying a stale token cannot lock colleagues out. That lets a right guess through too; guessing is
// hopeless against the tokens the configuration accepts (at least 96 bits, token-strength.ts), and the limit is there
// to slow probing and to tell a stuck client to back off.
import type { Context, MiddlewareHandler } from 'hono';
import { clientAddressOf } from './client-address';
import type { AppEnv } from './env';
import { errorResponse } from './errors';

const MAX_TRACKED = 10_000;
/** client → until (ms): over the limit this period. */
const blockedClients = new Map<string, number>();
/** client + credential hash → until (ms): refused without being compared. */
const blockedCredentials = new Map<string, number>();

function period(c: Context<AppEnv>): number {
  return c.get('config').limits.rateLimitPeriod;
}

export function tooManyFailures(c: Context<AppEnv>): Response {
  c.header('Retry-After', String(period(c)));
  return errorResponse(c, 429, 'TOO_MANY_FAILED_LOGINS', `访问令牌错误次数过多，请核对令牌，${period(c)} 秒后再试`);
}

/** SHA-256 (hex) of what the client sent in Authorization, with its client: the key of a refused credential. */
async function credentialKey(client: string, authorization: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(authorization));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${client}\n${hex}`;
}

/** Until when `key` is blocked (ms), dropping it once past. */
function blockedUntil(map: Map<string, number>, key: string, now: number): number {
  const until = map.get(key);
  if (until === undefined) return 0;
  if (until > now) return until;
  map.delete(key);
  return 0;
}

function remember(map: Map<string, number>, key: string, until: number, now: number): void {
  if (map.size >= MAX_TRACKED) {
    for (const [k, t] of map) if (t <= now) map.delete(k);
    if (map.size >= MAX_TRACKED) map.clear();
  }
  map.set(key, until);
}

/** Before the token is checked: a credential that failed while its client was over the limit gets 429 uncompared. */
export const refuseBlockedCredential: MiddlewareHandler<AppEnv> = async (c, next) => {
  const client = clientAddressOf(c);
  const authorization = c.req.header('Authorization');
  const now = Date.now();
  if (authorization !== undefined && blockedUntil(blockedClients, client, now) > 0) {
    if (blockedUntil(blockedCredentials, await credentialKey(client, authorization), now) > 0) return tooManyFailures(c);
  }
  await next();
};

/** Counts one failed login; true when its client is over the limit (then this credential is refused for a period). */
export async function recordAuthFailure(c: Context<AppEnv>): Promise<boolean> {
  const client = clientAddressOf(c);
  const { success } = await c.env.AUTH_FAILURE_LIMITER.limit({ key: client });
  const now = Date.now();
  const until = success ? blockedUntil(blockedClients, client, now) : now + period(c) * 1000;
  if (until === 0) return false;
  if (!success) remember(blockedClients, client, until, now);
  remember(blockedCredentials, await credentialKey(client, c.req.header('Authorization') ?? ''), until, now);
  return true;
}
