#!/usr/bin/env node
// `npx ce-roster 花名册.xlsx [--out 结果.xlsx] …` from the project folder (or below it), in bash, cmd or PowerShell:
// npx passes every argument on, where `npm run roster` keeps `--options` for npm. Runs the command line bundled by
// `npm run build` (build/ce-roster.mjs: no TypeScript to compile at start-up) while it is newer than every file it was
// made from, else xlsx/cli.ts through tsx (a fresh clone, or a source edited since the build).
// The rule sets: when this folder's build includes extra ones (CE_RULE_SETS or rule-sets.local.json), or a previous
// build included some that are no longer listed, the included module is written first, as `npm run build` does
// (scripts/included-rule-sets.ts, through tsx); a rewritten module makes the bundle older than its inputs.
import { existsSync, readFileSync, statSync } from 'node:fs';

const here = new URL('../', import.meta.url);
const bundle = new URL('build/ce-roster.mjs', here);
const generated = new URL('shared/rulesets/included.generated.ts', here);

function bundleIsFresh() {
  try {
    const built = statSync(bundle).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(new URL('build/ce-roster.json', here), 'utf8'));
    return Array.isArray(inputs) && inputs.length > 0 && inputs.every((p) => statSync(new URL(p, here)).mtimeMs <= built);
  } catch {
    return false;
  }
}

/** Whether the included module may differ from what the list says: a list is given, or the module holds rule sets. */
function ruleSetsToWrite() {
  const env = process.env.CE_RULE_SETS;
  if (env !== undefined) return env.trim() !== '' || !generatedIsEmpty();
  return existsSync(new URL('rule-sets.local.json', here)) || !generatedIsEmpty();
}

function generatedIsEmpty() {
  try {
    return readFileSync(generated, 'utf8').includes('INCLUDED_RULE_SETS: readonly unknown[] = [];');
  } catch {
    return false;
  }
}

let tsx = false;
if (ruleSetsToWrite()) {
  const { register } = await import('tsx/esm/api');
  register();
  tsx = true;
  const { IncludedRuleSetError, writeIncludedRuleSets } = await import('../scripts/included-rule-sets.ts');
  try {
    writeIncludedRuleSets();
  } catch (e) {
    if (!(e instanceof IncludedRuleSetError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
}
if (bundleIsFresh()) {
  await import(bundle.href);
} else {
  if (!tsx) (await import('tsx/esm/api')).register();
  await import('../xlsx/cli.ts');
}
