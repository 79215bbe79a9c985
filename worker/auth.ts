// Hono's bearerAuth over the checked CE_API_TOKEN list; a failure is a 401 in the JSON error shape, and a wrong or
// malformed token also counts against the client address's failure limit (auth-failures.ts).
import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { recordAuthFailure, tooManyFailures } from './auth-failures';
import type { AppEnv } from './env';
import { errorResponse } from './errors';
import { labelForToken } from './tokens';

const unauthorized = (message: string) => (c: Context<AppEnv>) => errorResponse(c, 401, 'UNAUTHORIZED', message);

const failure = (message: string) => async (c: Context<AppEnv>) =>
  (await recordAuthFailure(c)) ? tooManyFailures(c) : unauthorized(message)(c);

export const auth: MiddlewareHandler<AppEnv> = bearerAuth<AppEnv>({
  verifyToken: async (token, c) => {
    const label = await labelForToken(token, c.get('config').tokens, c.env.CE_ENV);
    if (label === null) return false;
    c.set('tokenLabel', label);
    return true;
  },
  noAuthenticationHeader: { message: unauthorized('缺少访问令牌：请求头须带 Authorization: Bearer <令牌>') },
  invalidAuthenticationHeader: { message: failure('Authorization 请求头格式不对，应为 Bearer <令牌>') },
  invalidToken: { message: failure('访问令牌无效') },
});
