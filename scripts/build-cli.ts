// The command line in one file of JavaScript, build/ce-roster.mjs, so that `npm run roster` and `npx ce-roster` start
// without compiling TypeScript first (tsx takes about 0.8 s a run for that). Made by `npm run build` and after
// `npm install` (postinstall: a failure there is only reported); bin/ce-roster.mjs runs it while it is newer than every
// file it was made from (build/ce-roster.json lists them), and xlsx/cli.ts through tsx otherwise: an edited source
// file is never hidden behind an old bundle.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeIncludedRuleSets } from './included-rule-sets';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CLI_BUNDLE = 'build/ce-roster.mjs';
export const CLI_INPUTS = 'build/ce-roster.json';

/** Bundles xlsx/cli.ts (with the rule sets this build includes) into `outDir` (default build/); returns the bundle's path. */
export async function buildCli(outDir = join(root, 'build')): Promise<string> {
  // the rule sets this folder's build includes (CE_RULE_SETS or rule-sets.local.json), as the pages and the Worker get them
  writeIncludedRuleSets(root);
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'ce-roster.mjs');
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'xlsx/cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    banner: { js: '// Made by scripts/build-cli.ts from xlsx/cli.ts: do not edit (npm run build makes it again).' },
  });
  // the files it was made from, relative to the repository (bin/ce-roster.mjs compares their times with the bundle's)
  const inputs = Object.keys(result.metafile.inputs).map((p) => relative(root, join(root, p)).split('\\').join('/'));
  writeFileSync(join(outDir, 'ce-roster.json'), `${JSON.stringify({ inputs }, null, 1)}\n`);
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const quiet = process.argv.includes('--postinstall');
  buildCli().then(
    (file) => {
      if (!quiet) process.stdout.write(`命令行已打包：${relative(root, file)}\n`);
    },
    (e: unknown) => {
      process.stderr.write(`命令行打包失败（npm run roster 仍可用，只是启动慢一些）：${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = quiet ? 0 : 1;
    },
  );
}
