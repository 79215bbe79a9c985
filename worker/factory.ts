// The one Hono factory of the Worker: handlers made with `factory.createHandlers` get the app's Bindings and Variables
// from it, so no handler spells out `Context<AppEnv>` by hand.
import { createFactory } from 'hono/factory';
import type { AppEnv } from './env';

export const factory = createFactory<AppEnv>();
