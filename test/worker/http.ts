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
