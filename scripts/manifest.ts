// `npm run manifest [https://ce.example.org]`, or with options `npx ce-manifest [--host https://ce.example.org]
// [--out manifest.prod.xml] [--new-id]` (npm keeps `--options` for itself: scripts/cli-args.ts).
// Writes a manifest with every URL of manifest.xml (task pane, functions metadata, icons, support page, AppDomain)
// on that host, e.g. the Worker that serves dist/ and the API from one origin. Without a host: https://<domain> of
// deploy.local.jsonc (npm run deploy:init). The default output is manifest.prod.xml in the project folder
// (git-ignored); --out is from the folder the command is typed in. The add-in's Id and <Version> stay those of
// manifest.xml (an update of the same add-in; `npm version` moves the version) unless --new-id is given.
// `npm start` uses devManifest() for CE_DEV_PORT.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fromUserFolder, npmTookOptionsMessage, optionsTakenByNpm, userFolder } from './cli-args';
import { SETTINGS_FILE, readSettings } from './deploy/settings';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE_MANIFEST = join(root, 'manifest.xml');
/** The origin manifest.xml is written for (npm start's default). */
export const DEV_ORIGIN = 'https://localhost:3000';

/** `https://host[:port]` without path, query or trailing slash; throws a usage message otherwise. */
export function normalizeOrigin(host: string, { allowHttp = false } = {}): string {
  let url: URL;
  try {
    url = new URL(host.trim());
  } catch {
    throw new Error(`--host: “${host}” is not a URL; give the origin, e.g. https://ce.example.org`);
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) {
    throw new Error(`--host: “${host}” must start with https:// (Office loads add-ins over https only)`);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
    throw new Error(`--host: “${host}” must be an origin only (no path, query or credentials), e.g. https://ce.example.org`);
  }
  return url.origin;
}

/** manifest.xml with DEV_ORIGIN replaced by `origin` everywhere; a fresh <Id> when newId. */
export function manifestForOrigin(xml: string, origin: string, options: { newId?: boolean } = {}): string {
  if (!xml.includes(DEV_ORIGIN)) throw new Error(`manifest.xml no longer uses ${DEV_ORIGIN}: update scripts/manifest.ts`);
  let out = xml.split(DEV_ORIGIN).join(origin);
  if (options.newId) out = out.replace(/<Id>[^<]*<\/Id>/, `<Id>${randomUUID()}</Id>`);
  return out;
}

/** The production manifest on `origin`: manifestForOrigin, without the comments about the development URLs. */
export function productionManifest(xml: string, origin: string, options: { newId?: boolean } = {}): string {
  let kept = '';
  let at = 0;
  for (let start = xml.indexOf('<!--'); start >= 0; start = xml.indexOf('<!--', at)) {
    const end = xml.indexOf('-->', start);
    if (end < 0) break;
    const close = end + '-->'.length;
    if (xml.slice(start, close).includes(DEV_ORIGIN)) {
      kept += xml.slice(at, start);
      at = xml[close] === '\n' ? close + 1 : close;
    } else {
      kept += xml.slice(at, close);
      at = close;
    }
  }
  return manifestForOrigin(kept + xml.slice(at), origin, options);
}

/** The manifest for the dev server on `origin` (npm start): the checked-in one when that is DEV_ORIGIN. */
export function devManifest(origin: string): string {
  return manifestForOrigin(readFileSync(SOURCE_MANIFEST, 'utf8'), origin);
}

const USAGE = `usage: npm run manifest [https://ce.example.org]
       npx ce-manifest [--host https://ce.example.org] [--out manifest.prod.xml] [--new-id]
Without a host: https://<domain> of deploy.local.jsonc (npm run deploy:init).`;

/** The host given (positional or --host), else the deployment's domain; null when there is neither. */
function hostOf(argv: readonly string[], value: (name: string) => string | undefined): string | null {
  const positional = argv.filter((a, i) => !a.startsWith('--') && !['--host', '--out'].includes(argv[i - 1] ?? ''));
  if (positional.length > 1) throw new Error(`one host only, got ${positional.join(' ')}`);
  const host = value('host') ?? positional[0];
  if (host) return host;
  return existsSync(SETTINGS_FILE) ? `https://${readSettings().domain}` : null;
}

export function main(argv: string[]): number {
  const here = userFolder('manifest');
  const taken = optionsTakenByNpm('manifest', ['host', 'out', 'new-id']);
  if (taken.length > 0) {
    console.error(npmTookOptionsMessage(taken, 'manifest', 'ce-manifest', '--host https://ce.example.org --out 枣庄.xml --new-id'));
    return 2;
  }
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  let origin: string;
  try {
    const host = hostOf(argv, value);
    if (!host || argv.includes('--help')) {
      console.error(USAGE);
      return 2;
    }
    origin = normalizeOrigin(host);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const given = value('out');
  const out = given ? fromUserFolder(given, here) : join(root, 'manifest.prod.xml');
  writeFileSync(out, productionManifest(readFileSync(SOURCE_MANIFEST, 'utf8'), origin, { newId: argv.includes('--new-id') }), 'utf8');
  console.log(`manifest for ${origin} written to ${out}`);
  return 0;
}

const invoked = process.argv[1];
if (invoked && import.meta.url === pathToFileURL(resolve(invoked)).href) process.exitCode = main(process.argv.slice(2));
