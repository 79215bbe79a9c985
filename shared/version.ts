/** The engine's version: equal to package.json's "version" and manifest.xml <Version> x.y.z.0 (`npm version` sets all three: scripts/sync-version.ts; test/engine/version.test.ts checks). */
export const ENGINE_VERSION = '0.1.0';
