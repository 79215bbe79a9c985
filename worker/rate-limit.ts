// Per-client rate limit through the Workers rate-limiting binding, keyed by the token's label.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { errorResponse } from './errors';

export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { success } = await c.env.RATE_LIMITER.limit({ key: c.get('tokenLabel') });
  if (!success) {
    c.header('Retry-After', String(c.get('config').limits.rateLimitPeriod));
    return errorResponse(c, 429, 'RATE_LIMITED', '请求过于频繁，请稍后再试');
  }
  await next();
};
