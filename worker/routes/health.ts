import type { Context } from 'hono';
import { ENGINE_VERSION } from '../../shared/index';

/** GET /v1/health — no token needed. */
export const health = (c: Context) => c.json({ ok: true, engineVersion: ENGINE_VERSION });
