// Request limits, read from variables so an operator can raise them without a code change.
import type { Bindings } from './env';

export const DEFAULT_MAX_ROWS = 5000;
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
export const DEFAULT_RATE_LIMIT_PERIOD = 60;

export type Limits = { maxRows: number; maxBodyBytes: number; rateLimitPeriod: number };

function positiveInt(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function limitsOf(env: Bindings): Limits {
  return {
    maxRows: positiveInt(env.CE_MAX_ROWS, DEFAULT_MAX_ROWS),
    maxBodyBytes: positiveInt(env.CE_MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES),
    rateLimitPeriod: positiveInt(env.CE_RATE_LIMIT_PERIOD, DEFAULT_RATE_LIMIT_PERIOD),
  };
}
