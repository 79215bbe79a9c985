// The Worker's bindings and variables (worker/wrangler.jsonc), and the per-request variables the middleware sets.
import type { RequestIdVariables } from 'hono/request-id';
import type { Config } from './config';
import type { EvaluateRequest } from './validation';

export type Bindings = {
  /** D1 database of the audit trail (worker/migrations/). */
  DB: D1Database;
  /** Workers rate-limiting binding, keyed by token label (`ratelimits` in wrangler.jsonc). */
  RATE_LIMITER: RateLimit;
  /** Workers rate-limiting binding for failed logins, keyed by client (client-address.ts: the address, an IPv6 /64). */
  AUTH_FAILURE_LIMITER: RateLimit;
  /** Workers static assets: the built add-in (dist/), served on the same origin as the API. */
  ASSETS?: Fetcher;
  /** Comma-separated bearer tokens, each `label:token` or a bare token (label `default`). A secret in production. */
  CE_API_TOKEN?: string;
  /** The key of the audit's body HMAC (at least 32 characters). A secret in production; .dev.vars locally. */
  CE_AUDIT_HMAC_KEY?: string;
  /** Comma-separated token labels that may read every tenant's audit records. */
  CE_ADMIN_LABELS?: string;
  /** `development` only in local dev (.dev.vars): the documented dev token is refused otherwise. */
  CE_ENV?: string;
  /** Comma-separated origins allowed by CORS (another origin than the Worker's own, e.g. the dev server). */
  CE_ALLOWED_ORIGINS?: string;
  /** Most rows in one evaluate request (default 5000). */
  CE_MAX_ROWS?: string;
  /** Largest request body in bytes (default 5 MB). */
  CE_MAX_BODY_BYTES?: string;
  /** Rows per request recommended to clients through /v1/health (default fits the Workers Free plan's CPU limit). */
  CE_ROWS_PER_REQUEST?: string;
  /** Retry-After seconds of a 429: the `period` of the rate-limiting bindings (default 60). */
  CE_RATE_LIMIT_PERIOD?: string;
  /** Milliseconds the audit write may take before the request is answered 503 (default 5000). */
  CE_AUDIT_TIMEOUT_MS?: string;
};

// Read with c.get('name'), not c.var.name: Hono's c.var copies every variable into a new object on each read.
export type Variables = RequestIdVariables & {
  /** The checked configuration (tokens, admin labels, HMAC key, limits). */
  config: Config;
  /** The label of the bearer token that authenticated the request (never the token). */
  tokenLabel: string;
  /** HMAC-SHA-256 hex of the raw request body under CE_AUDIT_HMAC_KEY (evaluate only). */
  bodyHmac: string;
  /** The checked evaluate envelope. */
  evaluateRequest: EvaluateRequest;
  /** The checked audit query. */
  auditLimit: number;
  /** GET /v1/rules?ruleSet=ID: the one rule set asked for ('' for all). */
  rulesQuery: string;
};

export type AppEnv = { Bindings: Bindings; Variables: Variables };
