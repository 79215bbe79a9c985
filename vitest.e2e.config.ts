import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: Debian chromium via playwright-core, the built task pane over a simulated Excel,
// and the real Worker under `npm run worker:dev` (started by the global setup on a free port 8787-8799).
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
