// The audit HMAC key and the bearer tokens of the Worker tests (vitest.worker.config.ts), so a test can compute the
// expected HMAC itself and call with a token. Tokens are as strong as a deployed Worker requires (worker/token-strength.ts):
// one random part, made once with `npm run token`, after a prefix naming the test file's label.
export const TEST_HMAC_KEY = 'test-only-audit-hmac-key-0123456789abcdef';

const RANDOM_PART = 'qWFk7rBSnov2FWdQniKKnhpTRf0_Dpg7';
const token = (label: string): string => `tok-${label}-${RANDOM_PART}`;

/** One label per test file, so each file has its own rate-limit budget. */
export const TOKENS = {
  routes: token('routes'),
  examples: token('examples'),
  audit: token('audit'),
  cors: token('cors'),
  burst: token('burst'),
  limits: token('limits'),
  tenantA: token('tenant-a'),
  tenantB: token('tenant-b'),
  admin: token('admin'),
  guard: token('guard'),
  compact: token('compact'),
  lockout: token('lockout'),
  rulesets: token('rulesets'),
} as const;

/** The label each token is configured under (CE_API_TOKEN of vitest.worker.config.ts). */
export const TOKEN_LABELS: Record<keyof typeof TOKENS, string> = {
  routes: 'routes', examples: 'examples', audit: 'audit', cors: 'cors', burst: 'burst', limits: 'limits',
  tenantA: 'tenant-a', tenantB: 'tenant-b', admin: 'admin', guard: 'guard', compact: 'compact', lockout: 'lockout',
  rulesets: 'rulesets',
};

/** CE_API_TOKEN for the tests: `label:token`, comma-separated. */
export const TEST_TOKEN_LIST = (Object.keys(TOKENS) as (keyof typeof TOKENS)[]).map((k) => `${TOKEN_LABELS[k]}:${TOKENS[k]}`).join(',');
