import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION, evaluate } from '../../shared/index';

const pkg = JSON.parse(readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../package.json'), 'utf8')) as { version: string };

describe('ENGINE_VERSION', () => {
  it('equals package.json version', () => {
    expect(ENGINE_VERSION).toBe(pkg.version);
  });
  it('is reported by evaluate', () => {
    expect(evaluate([]).engineVersion).toBe(pkg.version);
  });
});
