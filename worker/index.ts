// The Worker's entry point (wrangler.jsonc `main`). Its top level runs once per isolate, under Cloudflare's start-up
// limit rather than a request's CPU limit: the warm-up compiles the request path there (worker/warm-up.ts).
import { env } from 'cloudflare:workers';
import { app } from './app';
import type { Bindings } from './env';
import { warmUp, warmUpRequestPath } from './warm-up';

// a warm-up that fails (a bug) costs speed, never the Worker: it is logged and requests are served as usual
try {
  warmUp();
} catch (err) {
  console.error('warm-up failed', err);
}
void warmUpRequestPath(app, env as unknown as Bindings);

export default app;
