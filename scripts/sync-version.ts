// The release's version in one place: package.json. `npm version 0.2.0` (the "version" script) sets the same version
// as the engine's ENGINE_VERSION (shared/version.ts, what /v1/health answers as engineVersion, so an upgrade can be
// confirmed) and as manifest.xml's <Version> (0.2.0.0: Office wants four parts, and an update of the add-in a higher
// one), and stages both for the commit and tag npm version makes. test/engine/version.test.ts keeps them equal.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ENGINE_VERSION = /export const ENGINE_VERSION = '([^']*)';/;
const MANIFEST_VERSION = /<Version>([^<]*)<\/Version>/;

export type Versions = { pkg: string; engine: string; manifest: string };

/** The three versions as they are in the tree under `root`. */
export function versionsOf(root = ROOT): Versions {
  const pkg = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const engine = ENGINE_VERSION.exec(readFileSync(join(root, 'shared', 'version.ts'), 'utf8'))?.[1] ?? '';
  const manifest = MANIFEST_VERSION.exec(readFileSync(join(root, 'manifest.xml'), 'utf8'))?.[1] ?? '';
  return { pkg, engine, manifest };
}

/** x.y.z → the manifest's x.y.z.0; throws for versions Office cannot take (pre-releases, build metadata). */
export function manifestVersion(version: string): string {
  if (!/^\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(version)) throw new Error(`version ${version}: use x.y.z (the manifest's <Version> is x.y.z.0)`);
  return `${version}.0`;
}

/** Writes package.json's version into shared/version.ts and manifest.xml; returns the files it changed. */
export function syncVersion(root = ROOT): string[] {
  const { pkg } = versionsOf(root);
  const changed: string[] = [];
  const edit = (file: string, pattern: RegExp, replacement: string): void => {
    const path = join(root, file);
    const text = readFileSync(path, 'utf8');
    if (!pattern.test(text)) throw new Error(`${file}: ${pattern} not found`);
    const next = text.replace(pattern, replacement);
    if (next !== text) {
      writeFileSync(path, next, 'utf8');
      changed.push(file);
    }
  };
  edit('shared/version.ts', ENGINE_VERSION, `export const ENGINE_VERSION = '${pkg}';`);
  edit('manifest.xml', MANIFEST_VERSION, `<Version>${manifestVersion(pkg)}</Version>`);
  return changed;
}

const invoked = process.argv[1];
if (invoked && import.meta.url === pathToFileURL(resolve(invoked)).href) {
  const changed = syncVersion();
  console.log(`version ${versionsOf().pkg}: ${changed.length > 0 ? `updated ${changed.join(', ')}` : 'shared/version.ts and manifest.xml already agree'}`);
  // under `npm version`, stage them for the release commit it makes
  if (process.env.npm_lifecycle_event === 'version' && changed.length > 0) {
    const r = spawnSync('git', ['add', ...changed], { cwd: ROOT, stdio: 'inherit' });
    process.exitCode = r.status ?? 1;
  }
}
