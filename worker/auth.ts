// Hono's bearerAuth over the CE_API_TOKEN list; every failure is a 401 in the JSON error shape.
import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import type { AppEnv } from './env';
import { errorResponse } from './errors';
import { labelForToken, parseTokens } from './tokens';

const unauthorized = (message: string) => (c: Context) => errorResponse(c, 401, 'UNAUTHORIZED', message);

export const auth: MiddlewareHandler<AppEnv> = bearerAuth<AppEnv>({
  verifyToken: async (token, c) => {
    const label = await labelForToken(token, parseTokens(c.env.CE_API_TOKEN), c.env.CE_ENV);
    if (label === null) return false;
    c.set('tokenLabel', label);
    return true;
  },
  noAuthenticationHeader: { message: unauthorized('缺少访问令牌：请求头须带 Authorization: Bearer <令牌>') },
  invalidAuthenticationHeader: { message: unauthorized('Authorization 请求头格式不对，应为 Bearer <令牌>') },
  invalidToken: { message: unauthorized('访问令牌无效') },
});
