#!/usr/bin/env node
// `npx ce-roster 花名册.xlsx [--out 结果.xlsx] …` from the project folder (or below it), in bash, cmd or PowerShell:
// npx passes every argument on, where `npm run roster` keeps `--options` for npm (which runs this file too). Includes
// the extra rule sets of this folder's build first (CE_RULE_SETS or rule-sets.local.json, as `npm run build` does:
// scripts/included-rule-sets.ts), then runs xlsx/cli.ts.
import { register } from 'tsx/esm/api';

register();
const { IncludedRuleSetError, writeIncludedRuleSets } = await import('../scripts/included-rule-sets.ts');
try {
  writeIncludedRuleSets();
} catch (e) {
  if (!(e instanceof IncludedRuleSetError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
}
await import('../xlsx/cli.ts');
