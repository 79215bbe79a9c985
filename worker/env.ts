// The Worker's bindings and variables (worker/wrangler.jsonc), and the per-request variables the middleware sets.
import type { RequestIdVariables } from 'hono/request-id';

export type Bindings = {
  /** D1 database of the audit trail (worker/migrations/). */
  DB: D1Database;
  /** Workers rate-limiting binding, keyed by token label (`ratelimits` in wrangler.jsonc). */
  RATE_LIMITER: RateLimit;
  /** Comma-separated bearer tokens, each `label:token` or a bare token (label `default`). A secret in production. */
  CE_API_TOKEN?: string;
  /** `development` only in local dev (.dev.vars): the documented dev token is refused otherwise. */
  CE_ENV?: string;
  /** Comma-separated origins allowed by CORS (the add-in's origin). */
  CE_ALLOWED_ORIGINS?: string;
  /** Most rows in one evaluate request (default 5000). */
  CE_MAX_ROWS?: string;
  /** Largest request body in bytes (default 5 MB). */
  CE_MAX_BODY_BYTES?: string;
  /** Retry-After seconds of a 429: the `period` of the rate-limiting binding (default 60). */
  CE_RATE_LIMIT_PERIOD?: string;
};

export type Variables = RequestIdVariables & {
  /** The label of the bearer token that authenticated the request (never the token). */
  tokenLabel: string;
  /** SHA-256 hex of the raw request body (evaluate only). */
  bodySha256: string;
};

export type AppEnv = { Bindings: Bindings; Variables: Variables };
