// Bearer tokens from CE_API_TOKEN: a comma-separated list, each `label:token` (or a bare token, label `default`).
// The label names the client in the audit trail and keys the rate limit; the token itself is never stored or logged.
// A weak token, and the public development token outside development, make the configuration wrong (503 MISCONFIGURED).
import { weakness } from './token-strength';

export type ApiToken = { label: string; token: string };

/** The local development token documented in docs/api.md and worker/.dev.vars.example. */
export const DEV_TOKEN = 'ce-local-dev-token';

/** RFC 6750 b68token: what a client can send after `Bearer ` (the same charset Hono's bearerAuth accepts). */
const TOKEN_CHARSET = /^[A-Za-z0-9._~+/-]+=*$/;
/** Letters (any script), digits, `.`, `_`, `-`: a label is shown in the audit and in log lines. */
const LABEL_CHARSET = /^[\p{L}\p{N}._-]{1,64}$/u;

/** `problems` for the log; `refusedLabels` the labels whose token is refused (named in the 503 answer). */
export type ParsedTokens = { tokens: ApiToken[]; problems: string[]; refusedLabels: string[] };

/**
 * Reads the list and names every problem that would make a token never work, easy to guess or its label ambiguous:
 * a bad charset, an empty label or token, a weak token (token-strength.ts), the development token outside
 * `development` (CE_ENV), a label twice, the same token under two labels. Problems never quote a token.
 */
export function parseTokens(list: string | undefined, environment: string | undefined): ParsedTokens {
  const tokens: ApiToken[] = [];
  const problems: string[] = [];
  const refusedLabels: string[] = [];
  const refuse = (label: string, problem: string): void => {
    problems.push(problem);
    refusedLabels.push(label);
  };
  const entries = (list ?? '').split(',').map((e) => e.trim());
  entries.forEach((entry, i) => {
    if (entry === '') return;
    const where = `CE_API_TOKEN 第 ${i + 1} 项`;
    const colon = entry.indexOf(':');
    const label = colon < 0 ? 'default' : entry.slice(0, colon).trim();
    const token = colon < 0 ? entry : entry.slice(colon + 1).trim();
    if (!LABEL_CHARSET.test(label)) {
      problems.push(`${where}：标签“${label.slice(0, 64)}”不合规（须为 1–64 个字母、数字或 . _ -，写成 标签:令牌）`);
      return;
    }
    if (token === '') {
      refuse(label, `${where}（标签“${label}”）：冒号后没有令牌`);
      return;
    }
    if (!TOKEN_CHARSET.test(token)) {
      refuse(label, `${where}（标签“${label}”）：令牌含不允许的字符（只能用字母、数字和 - . _ ~ + /，末尾可有 =），客户端无法发送它`);
      return;
    }
    if (token === DEV_TOKEN) {
      if (environment !== 'development') {
        refuse(label, `${where}（标签“${label}”）：这是公开的本地开发令牌，只能用于本地开发（CE_ENV=development）；请用 npm run token 生成正式令牌`);
        return;
      }
    } else {
      const weak = weakness(token);
      if (weak !== null) {
        refuse(label, `${where}（标签“${label}”）：${weak}；请用 npm run token 生成`);
        return;
      }
    }
    tokens.push({ label, token });
  });
  if (tokens.length === 0 && problems.length === 0) problems.push('CE_API_TOKEN 未设置：没有任何访问令牌');
  const byLabel = new Map<string, number>();
  const byToken = new Map<string, string>();
  for (const t of tokens) {
    byLabel.set(t.label, (byLabel.get(t.label) ?? 0) + 1);
    const other = byToken.get(t.token);
    if (other !== undefined) problems.push(`CE_API_TOKEN：同一个令牌出现在标签“${other}”和“${t.label}”下，无法确定是谁`);
    else byToken.set(t.token, t.label);
  }
  for (const [label, n] of byLabel) {
    if (n > 1) problems.push(`CE_API_TOKEN：标签“${label}”出现了 ${n} 次（每个标签只能有一个令牌）`);
  }
  return { tokens, problems, refusedLabels };
}

/** SHA-256 of each configured token, made once (the configuration's token objects live as long as it). */
const digests = new WeakMap<ApiToken, Promise<Uint8Array>>();

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

function digestOf(t: ApiToken): Promise<Uint8Array> {
  let d = digests.get(t);
  if (d === undefined) digests.set(t, (d = sha256(t.token)));
  return d;
}

/** Equal digests, in time that does not depend on where they differ. */
function sameDigest(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length && i < b.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/**
 * The label of the configured token equal to `presented`, or null. Compares the SHA-256 of the presented token with
 * every entry's in constant time (fixed-length digests, so neither a token's length nor where it differs shows in
 * the time; each entry's digest is made once, the presented token's once a request).
 * The dev token is refused unless CE_ENV is `development` (only .dev.vars sets it; `wrangler deploy` never ships it);
 * parseTokens already refuses a configuration listing it elsewhere, this is the second lock.
 */
export async function labelForToken(
  presented: string,
  tokens: readonly ApiToken[],
  environment: string | undefined,
): Promise<string | null> {
  if (presented === DEV_TOKEN && environment !== 'development') return null;
  const digest = await sha256(presented);
  let label: string | null = null;
  for (const t of tokens) {
    if (sameDigest(await digestOf(t), digest) && t.token === presented && label === null) label = t.label;
  }
  return label;
}
