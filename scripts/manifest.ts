// `npm run manifest -- --host https://ce.example.org [--out manifest.prod.xml] [--new-id]`
// Writes a manifest with every URL of manifest.xml (task pane, functions metadata, icons, support page, AppDomain)
// on that host, e.g. the Worker that serves dist/ and the API from one origin. The add-in's Id stays the same (an
// update of the same add-in) unless --new-id is given. `npm start` uses devManifest() for CE_DEV_PORT.
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

function main(argv: string[]): number {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const host = value('host');
  if (!host || argv.includes('--help')) {
    console.error('usage: npm run manifest -- --host https://ce.example.org [--out manifest.prod.xml] [--new-id]');
    return 2;
  }
  let origin: string;
  try {
    origin = normalizeOrigin(host);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const out = resolve(value('out') ?? 'manifest.prod.xml');
  writeFileSync(out, productionManifest(readFileSync(SOURCE_MANIFEST, 'utf8'), origin, { newId: argv.includes('--new-id') }), 'utf8');
  console.log(`manifest for ${origin} written to ${out}`);
  return 0;
}

const invoked = process.argv[1];
if (invoked && import.meta.url === pathToFileURL(resolve(invoked)).href) process.exitCode = main(process.argv.slice(2));
