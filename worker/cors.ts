// CORS for the add-in: the allowed origins are the comma-separated CE_ALLOWED_ORIGINS variable. The headers of Hono's
// cors() for these options, written once the answer exists: Hono's writes the actual request's headers before the
// route runs, which makes a stand-in answer to hold them, a copy of the route's answer to take them over and, for
// `Vary`, a third (three Response objects a request); this sets them on the route's answer itself.
import type { MiddlewareHandler } from 'hono';
import { trimTrailingSlashes } from '../shared/url';
import type { AppEnv, Bindings } from './env';

const ALLOW_METHODS = ['GET', 'POST', 'OPTIONS'].join(',');
const ALLOW_HEADERS = ['Authorization', 'Content-Type'].join(',');
const EXPOSE_HEADERS = ['Retry-After', 'X-Request-Id'].join(',');
/** Seconds a browser may keep a preflight's answer. */
const MAX_AGE_S = 600;

export function allowedOrigins(env: Bindings): string[] {
  return (env.CE_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => trimTrailingSlashes(o.trim()))
    .filter((o) => o !== '');
}

/** The allowed origins of the variable's last value (it changes only with a new deployment). */
let parsed: { list: string | undefined; origins: ReadonlySet<string> } | null = null;

function isAllowed(origin: string, env: Bindings): boolean {
  if (parsed === null || parsed.list !== env.CE_ALLOWED_ORIGINS) parsed = { list: env.CE_ALLOWED_ORIGINS, origins: new Set(allowedOrigins(env)) };
  return origin !== '' && parsed.origins.has(origin);
}

export const corsFromEnv: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.req.header('Origin') ?? '';
  const allowed = isAllowed(origin, c.env);
  if (c.req.method === 'OPTIONS') {
    // a preflight: the answer is made here, with what the middleware before this one set (the request id)
    const headers = c.res.headers;
    if (allowed) headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    headers.append('Vary', 'Origin');
    headers.set('Access-Control-Max-Age', String(MAX_AGE_S));
    headers.set('Access-Control-Allow-Methods', ALLOW_METHODS);
    headers.set('Access-Control-Allow-Headers', ALLOW_HEADERS);
    headers.append('Vary', 'Access-Control-Request-Headers');
    headers.delete('Content-Length');
    headers.delete('Content-Type');
    return new Response(null, { headers, status: 204, statusText: 'No Content' });
  }
  await next();
  // every answer of the app is made in the Worker, so its headers can be changed (routes/index-page.ts copies the
  // asset's answer for that; secureHeaders relies on it too)
  const headers = c.res.headers;
  if (allowed) headers.set('Access-Control-Allow-Origin', origin);
  headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  headers.append('Vary', 'Origin');
};
