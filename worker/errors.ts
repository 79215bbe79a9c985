// One JSON error shape for every error the Worker answers: { error: { code, message } } (docs/api.md).
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { UnknownRuleSetError } from '../shared/index';
import type { AppEnv } from './env';

export type ErrorBody = { error: { code: string; message: string } };

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string): Response {
  return c.json(errorBody(code, message), status);
}

/** Hono's own HTTPExceptions (middleware) carry English text: give each status a Chinese code and message. */
const HTTP_ERRORS: Partial<Record<number, { code: string; message: string }>> = {
  400: { code: 'BAD_REQUEST', message: '请求有误' },
  401: { code: 'UNAUTHORIZED', message: '缺少或错误的访问令牌' },
  404: { code: 'NOT_FOUND', message: '没有这个接口' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' },
  429: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' },
};


export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof UnknownRuleSetError) return errorResponse(c, 400, 'UNKNOWN_RULE_SET', err.message);
  if (err instanceof HTTPException) {
    const own = err.getResponse();
    // a middleware hook that already answered in our shape (e.g. bearerAuth's messages in auth.ts)
    if (own.headers.get('content-type')?.startsWith('application/json')) return own;
    const known = HTTP_ERRORS[err.status] ?? { code: `HTTP_${err.status}`, message: '请求失败' };
    const res = errorResponse(c, err.status, known.code, known.message);
    // keep the middleware's own headers (e.g. WWW-Authenticate of bearerAuth)
    own.headers.forEach((value, name) => {
      if (name.toLowerCase() !== 'content-type' && name.toLowerCase() !== 'content-length') res.headers.set(name, value);
    });
    return res;
  }
  console.error('unexpected error', c.get('requestId'), err);
  return errorResponse(c, 500, 'INTERNAL', '服务器内部错误');
};

export const notFound: NotFoundHandler<AppEnv> = (c) =>
  errorResponse(c, 404, 'NOT_FOUND', `没有这个接口：${c.req.method} ${new URL(c.req.url).pathname}`);
