// `npm run worker:dev -- [wrangler dev flags]`: apply the D1 migrations to the local database, then `wrangler dev`.
// It writes worker/.dev.vars (git-ignored) on first use: the dev token, and a random audit HMAC key of its own.
// wrangler dev does not apply migrations itself. Extra flags pass through to wrangler dev (e.g. --port 8787,
// --var CE_API_TOKEN:label:secret, --env load); --env and --persist-to also go to the migrations step. The extra rule
// sets of this build (CE_RULE_SETS or rule-sets.local.json) are included first, as `npm run build` includes them.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IncludedRuleSetError, writeIncludedRuleSets } from './included-rule-sets';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const config = join(root, 'worker', 'wrangler.jsonc');
const wrangler = join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
const devVars = join(root, 'worker', '.dev.vars');
const args = process.argv.slice(2);

/** The values of flags that the migrations step must share with wrangler dev (same environment, same local state). */
function sharedFlags(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    for (const name of ['--env', '-e', '--persist-to']) {
      if (a === name && i + 1 < argv.length) out.push(name, argv[++i]);
      else if (a.startsWith(`${name}=`)) out.push(a);
    }
  }
  return out;
}

try {
  const included = writeIncludedRuleSets(root);
  if (included.ids.length > 0) console.log(`worker:dev: 另含规则集 ${included.ids.join('、')}`);
} catch (e) {
  console.error(`worker:dev: ${e instanceof IncludedRuleSetError ? e.message : String(e)}`);
  process.exit(1);
}

if (!existsSync(devVars)) {
  copyFileSync(join(root, 'worker', '.dev.vars.example'), devVars);
  console.log('worker:dev: created worker/.dev.vars from worker/.dev.vars.example (dev token: ce-local-dev-token)');
}
// The audit's body HMAC key (a Worker secret in production): a random one per machine for local development.
if (!/^CE_AUDIT_HMAC_KEY=/m.test(readFileSync(devVars, 'utf8'))) {
  const text = readFileSync(devVars, 'utf8');
  appendFileSync(devVars, `${text.endsWith('\n') || text === '' ? '' : '\n'}CE_AUDIT_HMAC_KEY=${randomBytes(32).toString('hex')}\n`);
  console.log('worker:dev: generated a local audit HMAC key into worker/.dev.vars (CE_AUDIT_HMAC_KEY)');
}
// wrangler.jsonc serves dist/ as static assets (the built add-in): the directory must exist, built or not
mkdirSync(join(root, 'dist'), { recursive: true });

const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };
const migrate = spawnSync(
  process.execPath,
  [wrangler, 'd1', 'migrations', 'apply', 'DB', '--local', '--config', config, ...sharedFlags(args)],
  { stdio: 'inherit', env: { ...env, CI: 'true' } },
);
if (migrate.status !== 0) {
  console.error('worker:dev: applying the D1 migrations failed');
  process.exit(migrate.status ?? 1);
}

const hasFlag = (name: string) => args.some((a) => a === name || a.startsWith(`${name}=`));
const defaults = [
  ...(hasFlag('--ip') ? [] : ['--ip', '127.0.0.1']),
  ...(hasFlag('--show-interactive-dev-session') ? [] : ['--show-interactive-dev-session=false']),
];
const dev = spawn(process.execPath, [wrangler, 'dev', '--config', config, ...defaults, ...args], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => dev.kill(signal));
}
dev.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
