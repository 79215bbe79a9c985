// Requests to the Worker under test (its default export, through `exports` of cloudflare:workers).
import { exports } from 'cloudflare:workers';

export const ORIGIN = 'https://ce-worker.test';

/** The tokens of vitest.worker.config.ts, one label per test file. */
export { TOKENS } from './test-keys';

export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, init));
}

export function bearer(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { Authorization: `Bearer ${token}`, ...extra };
}

export function postJson(path: string, token: string, body: unknown): Promise<Response> {
  return call(path, {
    method: 'POST',
    headers: bearer(token, { 'Content-Type': 'application/json' }),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export type ErrorJson = { error: { code: string; message: string } };

export async function errorOf(res: Response): Promise<ErrorJson['error']> {
  const body = (await res.json()) as ErrorJson;
  return body.error;
}

/** The local limiters (miniflare's simulation) count in fixed windows of this many seconds from the epoch. */
const LIMITER_PERIOD_S = 60;
/** More than a test's run of requests up to a limit takes on a busy machine: the run must not straddle two windows. */
const LIMITER_MARGIN_MS = 20_000;

/** Waits for the limiters' next window when the current one ends too soon for a run of requests up to a limit. */
export async function startOfAWindow(): Promise<void> {
  const left = LIMITER_PERIOD_S * 1000 - (Date.now() % (LIMITER_PERIOD_S * 1000));
  if (left < LIMITER_MARGIN_MS) await new Promise((r) => setTimeout(r, left + 50));
}
