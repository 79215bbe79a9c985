// Bearer tokens from CE_API_TOKEN: a comma-separated list, each `label:token` (or a bare token, label `default`).
// The label names the client in the audit trail and keys the rate limit; the token itself is never stored.
import { timingSafeEqual } from 'hono/utils/buffer';

export type ApiToken = { label: string; token: string };

/** The local development token documented in README.md and worker/.dev.vars.example. */
export const DEV_TOKEN = 'ce-local-dev-token';

export function parseTokens(list: string | undefined): ApiToken[] {
  if (!list) return [];
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const colon = entry.indexOf(':');
      return colon < 0
        ? { label: 'default', token: entry }
        : { label: entry.slice(0, colon).trim() || 'default', token: entry.slice(colon + 1).trim() };
    })
    .filter((t) => t.token !== '');
}

/**
 * The label of the configured token equal to `presented`, or null. Compares every entry in constant time.
 * The dev token is refused unless CE_ENV is `development` (only .dev.vars sets it; `wrangler deploy` never ships it).
 */
export async function labelForToken(
  presented: string,
  tokens: readonly ApiToken[],
  environment: string | undefined,
): Promise<string | null> {
  if (presented === DEV_TOKEN && environment !== 'development') return null;
  let label: string | null = null;
  for (const t of tokens) {
    if ((await timingSafeEqual(t.token, presented)) && label === null) label = t.label;
  }
  return label;
}
