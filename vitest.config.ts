import { defineConfig } from 'vitest/config';

// One `vitest run` runs every project. Each project owns a config file:
//  - vitest.node.config.ts   engine and add-in unit tests (Node)
//  - vitest.worker.config.ts Worker tests inside workerd (@cloudflare/vitest-pool-workers)
//  - vitest.e2e.config.ts    browser end-to-end tests (Debian chromium + wrangler dev)
export default defineConfig({
  test: {
    projects: ['./vitest.node.config.ts', './vitest.worker.config.ts', './vitest.e2e.config.ts'],
  },
});
