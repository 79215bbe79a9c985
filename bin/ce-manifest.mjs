#!/usr/bin/env node
// `npx ce-manifest [--host https://ce.your-unit.cn] [--out 文件.xml] [--new-id]` from the project folder, in bash, cmd
// or PowerShell (npx passes every argument on; `npm run manifest` keeps `--options` for npm). Runs scripts/manifest.ts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../scripts/manifest.ts');
process.exitCode = main(process.argv.slice(2));
