// Request limits, read from variables so an operator can raise them without a code change.
import type { Bindings } from './env';
import { DEFAULT_AUDIT_TIMEOUT_MS, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_ROWS, DEFAULT_RATE_LIMIT_PERIOD, DEFAULT_ROWS_PER_REQUEST } from './limit-defaults';

export { DEFAULT_AUDIT_TIMEOUT_MS, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_ROWS, DEFAULT_RATE_LIMIT_PERIOD, DEFAULT_ROWS_PER_REQUEST };

export type Limits = {
  maxRows: number;
  maxBodyBytes: number;
  rowsPerRequest: number;
  rateLimitPeriod: number;
  auditTimeoutMs: number;
};

const VARS: { key: keyof Limits; name: keyof Bindings; fallback: number }[] = [
  { key: 'maxRows', name: 'CE_MAX_ROWS', fallback: DEFAULT_MAX_ROWS },
  { key: 'maxBodyBytes', name: 'CE_MAX_BODY_BYTES', fallback: DEFAULT_MAX_BODY_BYTES },
  { key: 'rowsPerRequest', name: 'CE_ROWS_PER_REQUEST', fallback: DEFAULT_ROWS_PER_REQUEST },
  { key: 'rateLimitPeriod', name: 'CE_RATE_LIMIT_PERIOD', fallback: DEFAULT_RATE_LIMIT_PERIOD },
  { key: 'auditTimeoutMs', name: 'CE_AUDIT_TIMEOUT_MS', fallback: DEFAULT_AUDIT_TIMEOUT_MS },
];

/** The limits, and a problem for every variable that is set but not a positive integer. */
export function parseLimits(env: Bindings): { limits: Limits; problems: string[] } {
  const limits = {} as Limits;
  const problems: string[] = [];
  for (const { key, name, fallback } of VARS) {
    const raw = env[name];
    const text = typeof raw === 'string' ? raw.trim() : '';
    const n = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
    if (text === '') limits[key] = fallback;
    else if (n > 0) limits[key] = n;
    else {
      limits[key] = fallback;
      problems.push(`${name} 须为正整数，现为“${text.slice(0, 40)}”`);
    }
  }
  if (limits.rowsPerRequest > limits.maxRows) {
    problems.push(`CE_ROWS_PER_REQUEST（${limits.rowsPerRequest}）不能大于 CE_MAX_ROWS（${limits.maxRows}）`);
  }
  return { limits, problems };
}
