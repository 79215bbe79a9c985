// The evaluate body: size-limited with Hono's bodyLimit, then read once and hashed for the audit (SHA-256 hex).
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env';
import { errorResponse } from './errors';
import { limitsOf } from './limits';

export const limitBody: MiddlewareHandler<AppEnv> = (c, next) => {
  const { maxBodyBytes } = limitsOf(c.env);
  return bodyLimit({
    maxSize: maxBodyBytes,
    onError: (c) =>
      errorResponse(c, 413, 'BODY_TOO_LARGE', `请求体超过上限 ${maxBodyBytes} 字节（${(maxBodyBytes / 1048576).toFixed(1)} MB）`),
  })(c, next);
};

export async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Requires a JSON content type, reads the raw bytes (cached by Hono for the validator) and records their hash. */
export const hashBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    return errorResponse(c, 400, 'UNSUPPORTED_CONTENT_TYPE', '请求头 Content-Type 须为 application/json');
  }
  c.set('bodySha256', await sha256Hex(await c.req.arrayBuffer()));
  await next();
};
