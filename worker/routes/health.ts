import type { Context } from 'hono';
import { ENGINE_VERSION } from '../../shared/index';
import type { AppEnv } from '../env';

/**
 * GET /v1/health — no token needed. `limits` tells clients how to size requests: at most `maxRows` rows and
 * `maxBodyBytes` bytes a request, and `rowsPerRequest` rows recommended (fits the deployment's CPU limit).
 */
export const health = (c: Context<AppEnv>) => {
  const { maxRows, maxBodyBytes, rowsPerRequest } = c.var.config.limits;
  return c.json({ ok: true, engineVersion: ENGINE_VERSION, limits: { maxRows, maxBodyBytes, rowsPerRequest } });
};
