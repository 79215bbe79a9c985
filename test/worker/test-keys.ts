// The audit HMAC key of the Worker tests (vitest.worker.config.ts), so a test can compute the expected HMAC itself.
export const TEST_HMAC_KEY = 'test-only-audit-hmac-key-0123456789abcdef';
