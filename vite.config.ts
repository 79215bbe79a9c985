// Builds the task pane (also the shared runtime page) into dist/: taskpane.html, its script taskpane.js (a stable
// name: the manifest's Functions.Script.Url, the JavaScript file of the custom functions), assets/icon-*.png,
// functions.json and .assetsignore. dist/ is what the Worker serves in production: no source maps. `vite` alone is
// the dev server on https://localhost:3000 (office-addin-dev-certs) or http.
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type ServerOptions } from 'vite';
import { generateFunctionsMetadata } from './addin/functions/build-metadata';
import { writeIncludedRuleSets } from './scripts/included-rule-sets';

const here = fileURLToPath(new URL('.', import.meta.url));
const ASSETS = resolve(here, 'addin/assets');
const OUT_DIR = resolve(here, 'dist');
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

/** Icons go to /assets/icon-*.png and the custom functions' metadata to /functions.json, in dev and in dist/. */
function addinFiles(): Plugin {
  let metadataDir = '';
  return {
    name: 'ce-addin-files',
    async configureServer(server) {
      metadataDir = await mkdtemp(join(tmpdir(), 'ce-functions-'));
      await generateFunctionsMetadata(metadataDir);
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0];
        // the manifest's Functions.Script.Url: in development, the task pane entry as Vite serves it
        if (url === '/taskpane.js') {
          req.url = '/taskpane.ts';
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
    },
  };
}

// the extra rule sets of this build (CE_RULE_SETS or rule-sets.local.json), the same the Worker gets
// (scripts/included-rule-sets.ts): written when the configuration loads, before anything is bundled
writeIncludedRuleSets(here);

export default defineConfig(() => ({
  root: resolve(here, 'addin/taskpane'),
  base: './',
  publicDir: false as const,
  define: { __CE_WORKER_URL__: JSON.stringify(process.env.CE_WORKER_URL || DEFAULT_WORKER_URL) },
  plugins: [addinFiles()],
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
        index: resolve(here, 'addin/taskpane/index.html'),
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
