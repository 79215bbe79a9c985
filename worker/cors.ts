// CORS for the add-in: the allowed origins are the comma-separated CE_ALLOWED_ORIGINS variable.
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { trimTrailingSlashes } from '../shared/url';
import type { AppEnv, Bindings } from './env';

export function allowedOrigins(env: Bindings): string[] {
  return (env.CE_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => trimTrailingSlashes(o.trim()))
    .filter((o) => o !== '');
}

export const corsFromEnv: MiddlewareHandler<AppEnv> = cors({
  origin: (origin, c) => (allowedOrigins(c.env as Bindings).includes(origin) ? origin : null),
  allowMethods: ['GET', 'POST', 'OPTIONS'],
  allowHeaders: ['Authorization', 'Content-Type'],
  exposeHeaders: ['Retry-After', 'X-Request-Id'],
  maxAge: 600,
});
