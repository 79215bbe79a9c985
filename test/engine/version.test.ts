import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION, evaluate } from '../../shared/index';
import { manifestVersion, syncVersion, versionsOf } from '../../scripts/sync-version';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

describe('ENGINE_VERSION', () => {
  it('equals package.json version', () => {
    expect(ENGINE_VERSION).toBe(pkg.version);
  });
  it('is reported by evaluate', () => {
    expect(evaluate([]).engineVersion).toBe(pkg.version);
  });
});

// /v1/health answers engineVersion, which confirms an upgrade; a manifest update needs a higher <Version>.
describe('one version for the release: package.json, the engine, the manifest', () => {
  it('manifest.xml <Version> is package.json version with .0', () => {
    expect(versionsOf(root)).toEqual({ pkg: pkg.version, engine: pkg.version, manifest: `${pkg.version}.0` });
  });

  it('npm version\'s "version" script (scripts/sync-version.ts) moves the engine and the manifest with package.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ce-version-'));
    try {
      for (const f of ['package.json', 'shared/version.ts', 'manifest.xml']) {
        mkdirSync(dirname(join(dir, f)), { recursive: true });
        cpSync(join(root, f), join(dir, f));
      }
      const next = { ...pkg, version: '3.14.15' };
      writeFileSync(join(dir, 'package.json'), JSON.stringify(next));
      expect(syncVersion(dir)).toEqual(['shared/version.ts', 'manifest.xml']);
      expect(versionsOf(dir)).toEqual({ pkg: '3.14.15', engine: '3.14.15', manifest: '3.14.15.0' });
      expect(syncVersion(dir)).toEqual([]);
      // the rest of the manifest is untouched
      const strip = (xml: string): string => xml.replace(/<Version>[^<]*<\/Version>/, '');
      expect(strip(readFileSync(join(dir, 'manifest.xml'), 'utf8'))).toBe(strip(readFileSync(join(root, 'manifest.xml'), 'utf8')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(() => manifestVersion('1.0.0-beta.1')).toThrow(/x\.y\.z/);
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.version).toBe('tsx scripts/sync-version.ts');
  });
});
