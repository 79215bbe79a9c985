// The Worker's entry point (wrangler.jsonc `main`). Its top level runs once per isolate, under Cloudflare's start-up
// limit rather than a request's CPU limit: the warm-up compiles the evaluate path there (worker/warm-up.ts).
import { app } from './app';
import { warmUp } from './warm-up';

warmUp();

export default app;
