#!/usr/bin/env node
// `npx ce-roster 花名册.xlsx [--out 结果.xlsx] …` from the project folder (or below it), in bash, cmd or PowerShell:
// npx passes every argument on, where `npm run roster` keeps `--options` for npm. Runs xlsx/cli.ts.
import { register } from 'tsx/esm/api';

register();
await import('../xlsx/cli.ts');
