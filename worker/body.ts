// The evaluate body: size-limited with Hono's bodyLimit, then read once and keyed-hashed for the audit (HMAC-SHA-256
// under CE_AUDIT_HMAC_KEY: without the key nobody can confirm a guessed roster against the audit).
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env';
import { errorResponse } from './errors';

/** Hono's bodyLimit for the configured size, made once per size rather than per request. */
let limiter: { maxSize: number; middleware: MiddlewareHandler<AppEnv> } | null = null;

export const limitBody: MiddlewareHandler<AppEnv> = (c, next) => {
  const { maxBodyBytes } = c.get('config').limits;
  if (limiter?.maxSize !== maxBodyBytes) {
    const middleware = bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) =>
        errorResponse(c, 413, 'BODY_TOO_LARGE', `请求体超过上限 ${maxBodyBytes} 字节（${(maxBodyBytes / 1048576).toFixed(1)} MB）：请分批提交`),
    });
    limiter = { maxSize: maxBodyBytes, middleware };
  }
  return limiter.middleware(c, next);
};

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

export async function hmacHex(key: CryptoKey, data: ArrayBuffer | Uint8Array): Promise<string> {
  return hex(await crypto.subtle.sign('HMAC', key, data));
}

/** Requires a JSON content type, reads the raw bytes (cached by Hono for the validator) and records their HMAC. */
export const hashBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    return errorResponse(c, 400, 'UNSUPPORTED_CONTENT_TYPE', '请求头 Content-Type 须为 application/json');
  }
  c.set('bodyHmac', await hmacHex(await c.get('config').hmacKey, await c.req.arrayBuffer()));
  await next();
};
