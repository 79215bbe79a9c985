import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { MARKER } from './scripts/patch-vitest-pool';
import { evaluate } from './shared/index';
import { EXAMPLES } from './test/worker/examples';
import { DEMO_CASES, registerDemo } from './test/support/demo-rule-set';
import { TEST_HMAC_KEY, TEST_TOKEN_LIST } from './test/worker/test-keys';

// Worker tests inside workerd, with the Worker's own wrangler.jsonc (D1, rate limiter, vars).
// Wrangler's informational lines (e.g. "Using secrets defined in worker/.dev.vars", once per test file) stay out of
// `npm test`; warnings and errors still show.
process.env.WRANGLER_LOG ??= 'warn';

/** A project folder with non-ASCII characters needs the pool patched (scripts/patch-vitest-pool.ts, run by npm ci). */
function checkPoolForPath(root: string): void {
  if (!/[^\x20-\x7E]/u.test(root)) return;
  const pool = join(root, 'node_modules', '@cloudflare', 'vitest-pool-workers', 'dist', 'pool', 'index.mjs');
  if (readFileSync(pool, 'utf8').includes(MARKER)) return;
  throw new Error(`The project folder “${root}” has non-ASCII characters and @cloudflare/vitest-pool-workers is not patched for it: run \`npx tsx scripts/patch-vitest-pool.ts\` (npm ci runs it) and see what it says.`);
}

export default defineConfig(async () => {
  checkPoolForPath(import.meta.dirname);
  // worker/wrangler.jsonc serves dist/ as static assets; the API tests need the directory, not a build
  mkdirSync(join(import.meta.dirname, 'dist'), { recursive: true });
  const migrations = await readD1Migrations(join(import.meta.dirname, 'worker', 'migrations'));
  // the engine's answers computed here, in Node, for test/worker/examples.test.ts to compare with the HTTP answers
  const nodeResults = Object.fromEntries(
    EXAMPLES.map((ex) => [ex.id, evaluate([ex.row], { asOf: ex.asOf, ruleSet: ex.ruleSet })]),
  );
  // and the variant year's worked cases, under the rule set registered from its data file (test/worker/rule-sets.test.ts)
  registerDemo();
  const demoResults = Object.fromEntries(DEMO_CASES.map((ex) => [ex.id, evaluate([ex.row], { asOf: ex.asOf, ruleSet: ex.ruleSet })]));
  return {
    plugins: [
      cloudflareTest({
        main: './worker/index.ts',
        wrangler: { configPath: './worker/wrangler.jsonc' },
        miniflare: {
          // the runtime features the pool's test runner needs, declared here so the pool has none to add (and prints
          // no [vpw:debug] line per flag on every run)
          compatibilityFlags: [
            'enable_nodejs_tty_module',
            'enable_nodejs_fs_module',
            'enable_nodejs_http_modules',
            'enable_nodejs_perf_hooks_module',
            'enable_nodejs_v8_module',
            'enable_nodejs_process_v2',
          ],
          bindings: {
            TEST_MIGRATIONS: migrations,
            NODE_EXAMPLE_RESULTS: JSON.stringify(nodeResults),
            NODE_DEMO_RESULTS: JSON.stringify(demoResults),
            // as deployed: not development, so the listed dev token must be refused (a local .dev.vars is overridden)
            CE_ENV: 'production',
            // test tokens (test/worker/test-keys.ts): one label per test file, so each file has its own rate-limit budget
            CE_API_TOKEN: TEST_TOKEN_LIST,
            CE_ADMIN_LABELS: 'admin',
            CE_AUDIT_HMAC_KEY: TEST_HMAC_KEY,
            CE_ALLOWED_ORIGINS: 'https://localhost:3000, http://127.0.0.1:8800',
            CE_MAX_ROWS: '5000',
          },
          // a small limit so the 429 test is quick: 100 requests a minute per token label
          // and 30 failed authentications a minute per client address
          ratelimits: {
            RATE_LIMITER: { simple: { limit: 100, period: 60 } },
            AUTH_FAILURE_LIMITER: { simple: { limit: 30, period: 60 } },
          },
        },
      }),
    ],
    test: {
      name: 'worker',
      include: ['test/worker/**/*.test.ts'],
      setupFiles: ['./test/worker/apply-migrations.ts'],
    },
  };
});
