// The request limits' defaults (worker/limits.ts reads the variables that override them). A module of plain constants,
// so that a script outside the Worker (npm run bench: requests of rowsPerRequest rows) reads the same numbers.
export const DEFAULT_MAX_ROWS = 5000;
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
/**
 * Rows per request recommended to clients (GET /v1/health): a request of this size stays under ~5 ms CPU, half the
 * Workers Free plan's 10 ms limit, where 400 rows, and then 300 rows' first request, went above it in this machine's
 * slow stretches (`npm run bench:request`; docs/api.md, CPU per request). A Paid deployment raises it with the var.
 */
export const DEFAULT_ROWS_PER_REQUEST = 250;
export const DEFAULT_RATE_LIMIT_PERIOD = 60;
export const DEFAULT_AUDIT_TIMEOUT_MS = 5000;
