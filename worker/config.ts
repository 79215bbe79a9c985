// The Worker's configuration, checked once per isolate (and again only when a variable changes): tokens, admin labels,
// the audit HMAC key and the limits. A bad configuration is logged once, clearly, and every request answers 503
// MISCONFIGURED instead of accepting tokens that never work or labels that are ambiguous.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Bindings } from './env';
import { errorResponse } from './errors';
import { parseLimits, type Limits } from './limits';
import { parseTokens, type ApiToken } from './tokens';

export const MIN_HMAC_KEY_LENGTH = 32;

export type Config = {
  tokens: ApiToken[];
  /** Labels that may read every tenant's audit records (CE_ADMIN_LABELS). */
  adminLabels: ReadonlySet<string>;
  /** The audit's body HMAC key (CE_AUDIT_HMAC_KEY), imported once. */
  hmacKey: Promise<CryptoKey>;
  limits: Limits;
};

/** `refusedLabels`: the labels whose token is refused (weak, the development token, malformed), for the 503 answer. */
export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[]; refusedLabels: string[] };

function splitList(list: string | undefined): string[] {
  return (list ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

export function checkConfig(env: Bindings): ConfigResult {
  const { tokens, problems, refusedLabels } = parseTokens(env.CE_API_TOKEN, env.CE_ENV);
  const labels = new Set(tokens.map((t) => t.label));
  const adminLabels = new Set(splitList(env.CE_ADMIN_LABELS));
  for (const label of adminLabels) {
    if (!labels.has(label)) problems.push(`CE_ADMIN_LABELS：标签“${label.slice(0, 64)}”没有对应的令牌（CE_API_TOKEN）`);
  }
  const key = env.CE_AUDIT_HMAC_KEY ?? '';
  if (key.length < MIN_HMAC_KEY_LENGTH) {
    problems.push(key === ''
      ? 'CE_AUDIT_HMAC_KEY 未设置：审计记录的请求体 HMAC 需要它（wrangler secret put CE_AUDIT_HMAC_KEY）'
      : `CE_AUDIT_HMAC_KEY 太短：至少 ${MIN_HMAC_KEY_LENGTH} 个字符（现为 ${key.length} 个）`);
  }
  const limits = parseLimits(env);
  problems.push(...limits.problems);
  if (problems.length > 0) return { ok: false, problems, refusedLabels };
  const hmacKey = crypto.subtle.importKey('raw', new TextEncoder().encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return { ok: true, config: { tokens, adminLabels, hmacKey, limits: limits.limits } };
}

const CONFIG_VARS = [
  'CE_API_TOKEN', 'CE_ENV', 'CE_ADMIN_LABELS', 'CE_AUDIT_HMAC_KEY', 'CE_MAX_ROWS', 'CE_MAX_BODY_BYTES', 'CE_ROWS_PER_REQUEST',
  'CE_RATE_LIMIT_PERIOD', 'CE_AUDIT_TIMEOUT_MS',
] as const satisfies readonly (keyof Bindings)[];

let cached: { key: string; result: ConfigResult } | null = null;

/** The checked configuration of these variables; logs the problems once when they first show up. */
export function configOf(env: Bindings): ConfigResult {
  const key = CONFIG_VARS.map((name) => env[name] ?? '').join('\u0000');
  if (cached?.key === key) return cached.result;
  const result = checkConfig(env);
  if (!result.ok) console.error(`MISCONFIGURED: 配置有误，所有请求将答 503：${result.problems.join('；')}`);
  cached = { key, result };
  return result;
}

/** The 503 message: the labels of refused tokens (never a token), else where to look. */
export function misconfiguredMessage(refusedLabels: readonly string[]): string {
  const which = refusedLabels.length === 0 ? '' : `标签${refusedLabels.map((l) => `“${l}”`).join('、')}的访问令牌不合要求（太弱、为开发令牌或格式有误）；`;
  return `计算服务的配置有误，暂时无法使用：${which}请联系管理员查看服务日志（MISCONFIGURED）`;
}

/** First middleware after the request id: a bad configuration answers 503 MISCONFIGURED on every route. */
export const requireConfig: MiddlewareHandler<AppEnv> = async (c, next) => {
  const result = configOf(c.env);
  if (!result.ok) return errorResponse(c, 503, 'MISCONFIGURED', misconfiguredMessage(result.refusedLabels));
  c.set('config', result.config);
  await next();
};
