// `npm ci` / `npm install` (postinstall): ports the upstream fix for Worker tests in a folder whose path has non-ASCII
// characters (e.g. C:\Users\张三\… or …/我的 文档/ce) into @cloudflare/vitest-pool-workers 0.14.0.
//
// Without it every Worker test file fails with `No such module "cloudflare:test-internal"`: the pool answers workerd's
// module requests with a redirect whose `Location` header is the file's path, and a header cannot carry characters
// above U+00FF, so the answer throws and workerd gets a 404. The same holds for the `MF-Vitest-Worker-Data` header
// that carries process.cwd(). Upstream fixed both (cloudflare/workers-sdk PR 14713, issue 14655) only in pool
// versions whose wrangler needs Node ≥ 22; we run on Node 20 with wrangler 4.79 and the pool 0.14.0 that matches it.
// The port is the same as upstream's: a redirect target with non-ASCII characters is percent-encoded behind a
// sentinel prefix (ASCII paths are untouched), module requests decode it, modules keep the encoded name workerd asked
// for (so relative imports from them stay encoded), and the cwd header is percent-encoded and decoded.
//
// Every edit must match exactly once, or nothing is written and this says why (a changed pool version: drop this
// script once the project moves to a pool that contains the fix). Running it again changes nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PATCHED_VERSION = '0.14.0';
export const MARKER = '/* ce-hours: non-ASCII path fix (workers-sdk PR 14713) */';

type Edit = { file: 'dist/pool/index.mjs' | 'dist/worker/index.mjs'; find: string; replace: string; count?: number };

const ENCODE_HELPERS = `${MARKER}
const ENCODED_PATH_PREFIX = "/__mf_vitest_encoded__";
function encodeRedirectLocation(filePath) {
	if (!/[^\\x20-\\x7E]/u.test(filePath)) return filePath;
	return ENCODED_PATH_PREFIX + filePath.replace(/%/g, "%25").replace(/[^\\x20-\\x7E]/gu, (char) => encodeURIComponent(char));
}
function decodeEncodedSpecifier(value) {
	return value.startsWith(ENCODED_PATH_PREFIX) ? decodeURIComponent(value.slice(ENCODED_PATH_PREFIX.length)) : value;
}
function buildRedirectResponse(filePath) {`;

export const EDITS: readonly Edit[] = [
  { file: 'dist/pool/index.mjs', find: 'function buildRedirectResponse(filePath) {', replace: ENCODE_HELPERS },
  { file: 'dist/pool/index.mjs', find: '\t\theaders: { Location: filePath }', replace: '\t\theaders: { Location: encodeRedirectLocation(filePath) }' },
  {
    file: 'dist/pool/index.mjs',
    find: '\tassert(referrer !== null, "Expected referrer search param");\n',
    replace: '\tassert(referrer !== null, "Expected referrer search param");\n\tlet rawTarget = target;\n\ttarget = decodeEncodedSpecifier(target);\n\treferrer = decodeEncodedSpecifier(referrer);\n',
  },
  {
    file: 'dist/pool/index.mjs',
    find: '\t\tif (target[0] === "/") target = target.substring(1);\n',
    replace: '\t\tif (target[0] === "/") target = target.substring(1);\n\t\tif (rawTarget[0] === "/") rawTarget = rawTarget.substring(1);\n',
  },
  { file: 'dist/pool/index.mjs', find: 'return await load(vite, logBase, method, target, specifier, filePath);', replace: 'return await load(vite, logBase, method, target, specifier, filePath, rawTarget);' },
  { file: 'dist/pool/index.mjs', find: 'async function load(vite, logBase, method, target, specifier, filePath) {', replace: 'async function load(vite, logBase, method, target, specifier, filePath, rawTarget = target) {' },
  // the module keeps the name workerd asked for (encoded), so imports relative to it come back encoded
  { file: 'dist/pool/index.mjs', find: 'return buildModuleResponse(target, ', replace: 'return buildModuleResponse(rawTarget, ', count: 5 },
  {
    file: 'dist/pool/index.mjs',
    find: '"MF-Vitest-Worker-Data": structuredSerializableStringify({ cwd: process.cwd() })',
    replace: '"MF-Vitest-Worker-Data": encodeURIComponent(structuredSerializableStringify({ cwd: process.cwd() }))',
  },
  {
    file: 'dist/worker/index.mjs',
    find: 'const wd = structuredSerializableParse(workerDataHeader);',
    replace: `const wd = structuredSerializableParse(decodeURIComponent(workerDataHeader)); ${MARKER}`,
  },
];

function occurrences(text: string, find: string): number {
  let n = 0;
  for (let i = text.indexOf(find); i >= 0; i = text.indexOf(find, i + find.length)) n++;
  return n;
}

export type PatchOutcome = { status: 'patched' | 'already' | 'skipped'; message: string };

/** Applies EDITS to the pool installed at `poolDir`; writes nothing unless every edit matches. */
export function patchVitestPool(poolDir: string): PatchOutcome {
  const pkgPath = join(poolDir, 'package.json');
  if (!existsSync(pkgPath)) return { status: 'skipped', message: `${poolDir} is not installed` };
  const version = (JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string }).version;
  const texts = new Map<Edit['file'], string>();
  for (const e of EDITS) if (!texts.has(e.file)) texts.set(e.file, readFileSync(join(poolDir, e.file), 'utf8'));
  if ([...texts.values()].every((t) => t.includes(MARKER))) return { status: 'already', message: `@cloudflare/vitest-pool-workers ${version}: already patched` };
  if (version !== PATCHED_VERSION) {
    return { status: 'skipped', message: `@cloudflare/vitest-pool-workers ${version} is not ${PATCHED_VERSION}: not patched (see scripts/patch-vitest-pool.ts)` };
  }
  for (const e of EDITS) {
    const text = texts.get(e.file) ?? '';
    const found = occurrences(text, e.find);
    if (found !== (e.count ?? 1)) {
      return { status: 'skipped', message: `${e.file}: expected ${e.count ?? 1} × ${JSON.stringify(e.find.trim().slice(0, 60))}, found ${found}: not patched` };
    }
    texts.set(e.file, text.split(e.find).join(e.replace));
  }
  for (const [file, text] of texts) writeFileSync(join(poolDir, file), text);
  return { status: 'patched', message: `@cloudflare/vitest-pool-workers ${version}: patched for non-ASCII project paths` };
}

const invoked = process.argv[1];
if (invoked && import.meta.url === pathToFileURL(invoked).href) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const outcome = patchVitestPool(join(root, 'node_modules', '@cloudflare', 'vitest-pool-workers'));
  // never fails the install: an unpatched pool only matters in a folder with non-ASCII characters in its path
  console.log(`patch-vitest-pool: ${outcome.message}`);
}
