// The Worker's entry point (wrangler.jsonc `main`). Its top level runs once per isolate, under Cloudflare's start-up
// limit rather than a request's CPU limit: the warm-up sends requests through the app there (worker/warm-up.ts).
import { env } from 'cloudflare:workers';
import { app } from './app';
import type { Bindings } from './env';
import { endWarmUp, warmUpRequests } from './warm-up';

// a warm-up that goes wrong (a bug, a bad configuration) costs speed, never the Worker: it is logged
void warmUpRequests(app, env as unknown as Bindings).then(({ statuses }) => {
  const other = statuses.filter((s) => s !== 200);
  if (other.length > 0) console.error(`warm-up: ${other.length} of ${statuses.length} requests not answered 200 (${[...new Set(other)].join(', ')}): the first requests will cost more CPU`);
});

export default {
  fetch(request, bindings, ctx) {
    // the warm-up's stand-ins are gone by now (its requests settle at start-up); this makes sure of it
    endWarmUp();
    return app.fetch(request, bindings, ctx);
  },
} satisfies ExportedHandler<Bindings>;
