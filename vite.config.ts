// Builds two pages into dist/: the task pane (also the shared runtime page) taskpane.html from addin/taskpane/, with
// its script taskpane.js (a stable name: the manifest's Functions.Script.Url, the JavaScript file of the custom
// functions), assets/icon-*.png, functions.json and .assetsignore; and the .xlsx web page index.html from xlsx/web/.
// Both pages sit at the top of dist/ whatever their source folder (PAGES). dist/ is what the Worker serves in
// production: no source maps. `vite` alone is the dev server on https://localhost:3000 (office-addin-dev-certs) or
// http, serving the same paths.
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type ServerOptions } from 'vite';
import { generateFunctionsMetadata } from './addin/functions/build-metadata';
import { writeIncludedRuleSets } from './scripts/included-rule-sets';
import { headersFile } from './worker/page-headers';

const here = fileURLToPath(new URL('.', import.meta.url));
const ASSETS = resolve(here, 'addin/assets');
const OUT_DIR = resolve(here, 'dist');
/** Source HTML (relative to the repository) → its path in dist/ and on the dev server. */
const PAGES: Record<string, string> = { 'addin/taskpane/taskpane.html': 'taskpane.html', 'xlsx/web/index.html': 'index.html' };
/** In development, the manifest's script URL is the task pane's entry as Vite serves it. */
const DEV_REWRITES: Record<string, string> = {
  '/taskpane.js': '/addin/taskpane/taskpane.ts',
  ...Object.fromEntries(Object.entries(PAGES).map(([src, out]) => [`/${out}`, `/${src}`])),
  '/': '/xlsx/web/index.html',
};

/**
 * Vite names an HTML output after its path under the root (the repository): each page is moved to the top of dist/
 * and its relative URLs (written relative to its source folder) made relative to the top.
 */
function topLevelPages(): Plugin {
  return {
    name: 'ce-top-level-pages',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const [src, out] of Object.entries(PAGES)) {
        const asset = bundle[src];
        if (!asset || asset.type !== 'asset') continue;
        const up = '../'.repeat(src.split('/').length - 1);
        const html = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
        delete bundle[src];
        this.emitFile({ type: 'asset', fileName: out, source: html.split(`"${up}`).join('"./') });
      }
    },
  };
}
export const DEFAULT_WORKER_URL = 'http://127.0.0.1:8787';
/**
 * Workers static assets skip what dist/.assetsignore lists (gitignore syntax; wrangler deploy and wrangler dev alike):
 * source maps never go up, even from a build made with them for debugging.
 */
export const ASSETS_IGNORE = '*.map\n';

/** office-addin-dev-certs' certificate, when `npx office-addin-dev-certs install` has made one; else null (http). */
function devHttps(): ServerOptions['https'] | undefined {
  if (process.env.CE_DEV_HTTP === '1') return undefined;
  const dir = join(homedir(), '.office-addin-dev-certs');
  const cert = join(dir, 'localhost.crt');
  const key = join(dir, 'localhost.key');
  if (!existsSync(cert) || !existsSync(key)) return undefined;
  const ca = join(dir, 'ca.crt');
  return { cert: readFileSync(cert), key: readFileSync(key), ...(existsSync(ca) ? { ca: readFileSync(ca) } : {}) };
}

/** Icons go to /assets/icon-*.png and the custom functions' metadata to /functions.json, in dev and in dist/; dist/_headers too. */
function addinFiles(): Plugin {
  let metadataDir = '';
  return {
    name: 'ce-addin-files',
    async configureServer(server) {
      metadataDir = await mkdtemp(join(tmpdir(), 'ce-functions-'));
      await generateFunctionsMetadata(metadataDir);
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0];
        const rewrite = DEV_REWRITES[url];
        if (rewrite) {
          req.url = rewrite;
          return next();
        }
        const icon = /^\/assets\/(icon-\d+\.png)$/.exec(url);
        const file = icon ? join(ASSETS, icon[1]) : url === '/functions.json' ? join(metadataDir, 'functions.json') : null;
        if (!file || !existsSync(file)) return next();
        res.setHeader('Content-Type', icon ? 'image/png' : 'application/json; charset=utf-8');
        res.end(readFileSync(file));
      });
    },
    async writeBundle(options) {
      const outDir = options.dir ?? OUT_DIR;
      await mkdir(join(outDir, 'assets'), { recursive: true });
      for (const f of await readdir(ASSETS)) {
        if (/^icon-\d+\.png$/.test(f)) await copyFile(join(ASSETS, f), join(outDir, 'assets', f));
      }
      await generateFunctionsMetadata(outDir);
      await writeFile(join(outDir, '.assetsignore'), ASSETS_IGNORE, 'utf8');
      // the security headers Workers static assets serve with every file (worker/page-headers.ts)
      await writeFile(join(outDir, '_headers'), headersFile());
    },
  };
}

// the extra rule sets of this build (CE_RULE_SETS or rule-sets.local.json), the same the Worker gets
// (scripts/included-rule-sets.ts): written when the configuration loads, before anything is bundled
writeIncludedRuleSets(here);

export default defineConfig(() => ({
  root: here,
  base: './',
  publicDir: false as const,
  define: { __CE_WORKER_URL__: JSON.stringify(process.env.CE_WORKER_URL || DEFAULT_WORKER_URL) },
  plugins: [addinFiles(), topLevelPages()],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    target: 'es2020',
    // production assets: no source maps (2.8 MB of them would be public); `npm start` serves the sources in development
    sourcemap: false,
    rollupOptions: {
      input: {
        taskpane: resolve(here, 'addin/taskpane/taskpane.html'),
        // The .xlsx page for units without the add-in (WPS, Excel 2016/2019), served at /.
        index: resolve(here, 'xlsx/web/index.html'),
      },
      output: { entryFileNames: '[name].js' },
    },
  },
  server: {
    host: 'localhost',
    port: Number(process.env.CE_DEV_PORT || 3000),
    strictPort: true,
    https: devHttps(),
    cors: true,
  },
  logLevel: 'warn' as const,
}));
