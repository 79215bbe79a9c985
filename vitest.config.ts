import { defineConfig } from 'vitest/config';
import { writeIncludedRuleSets } from './scripts/included-rule-sets';
import { BROWSER_ENV, findBrowser, noBrowser } from './test/e2e/find-browser';

// the generated module of the extra rule sets (scripts/included-rule-sets.ts) as this environment says; the tests that
// build artifacts with a second rule set do so in a copy of the project (test/support/project-copy.ts)
writeIncludedRuleSets();

// One `vitest run` runs every project; `--project node|worker|e2e` picks one.
//  - node   engine, add-in and .xlsx unit tests, the documentation's links and commands, and operations (deploy,
//           upgrade, command lines: test/ops) (Node)
//  - worker Worker tests inside workerd: vitest.worker.config.ts, a file of its own because the
//           @cloudflare/vitest-pool-workers plugin needs one
//  - e2e    browser end-to-end tests: a Chromium-family browser via playwright-core (CHROMIUM_PATH, /usr/bin/chromium,
//           or an installed Chrome/Edge), the built pages over a simulated Excel, and the real Worker under
//           `npm run worker:dev` (started by the global setup on a free port 8787-8799). Without a browser the project
//           is skipped with one line, except when CI is set: there a missing browser fails the run.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/engine/**/*.test.ts', 'test/addin/**/*.test.ts', 'test/xlsx/**/*.test.ts', 'test/docs/**/*.test.ts', 'test/ops/**/*.test.ts'],
        },
      },
      './vitest.worker.config.ts',
      async () => {
        const browser = await findBrowser();
        if (!browser) console.log(noBrowser());
        return {
          test: {
            name: 'e2e',
            environment: 'node',
            include: browser ? ['test/e2e/**/*.test.ts'] : [],
            passWithNoTests: !browser,
            globalSetup: browser ? ['test/e2e/global-setup.ts'] : [],
            env: browser ? { [BROWSER_ENV]: JSON.stringify(browser) } : {},
            fileParallelism: false,
            testTimeout: 120_000,
            hookTimeout: 240_000,
          },
        };
      },
    ],
  },
});
