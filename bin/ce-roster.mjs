#!/usr/bin/env node
// `npx ce-roster 花名册.xlsx [--out 结果.xlsx] …` from the project folder (or below it), in bash, cmd or PowerShell:
// npx passes every argument on, where `npm run roster` keeps `--options` for npm. Runs the command line bundled by
// `npm run build` (build/ce-roster.mjs: no TypeScript to compile at start-up) while it is newer than every file it was
// made from, else xlsx/cli.ts through tsx (a fresh clone, or a source edited since the build).
import { readFileSync, statSync } from 'node:fs';

const here = new URL('../', import.meta.url);
const bundle = new URL('build/ce-roster.mjs', here);

function bundleIsFresh() {
  try {
    const built = statSync(bundle).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(new URL('build/ce-roster.json', here), 'utf8'));
    return Array.isArray(inputs) && inputs.length > 0 && inputs.every((p) => statSync(new URL(p, here)).mtimeMs <= built);
  } catch {
    return false;
  }
}

if (bundleIsFresh()) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../xlsx/cli.ts');
}
