/** The engine's version: equal to package.json's "version" (test/engine/version.test.ts checks they agree). */
export const ENGINE_VERSION = '0.1.0';
