// The Worker's bindings as seen by the tests (`env` from cloudflare:workers), plus the test-only migrations binding.
import type { D1Migration } from 'cloudflare:test';
import type { Bindings } from '../../worker/env';

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      TEST_MIGRATIONS: D1Migration[];
      /** JSON of { [exampleId]: EvaluateResponse } computed by the engine in Node (vitest.worker.config.ts). */
      NODE_EXAMPLE_RESULTS: string;
      /** The same for the variant year's worked cases (test/fixtures/rulesets/demo-2024.cases.json). */
      NODE_DEMO_RESULTS: string;
    }
    interface GlobalProps {
      mainModule: typeof import('../../worker/index');
    }
  }
}
