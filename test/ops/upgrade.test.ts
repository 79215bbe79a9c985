// The IT runbook's first deployment and upgrade, scripted end to end on real git clones:
//  1. an "upstream" repository holding this tree, and a unit's clone of it;
//  2. the unit's deployment settings by the one documented command (npm run deploy:init): the clone stays clean;
//     the first deployment (`npm run deploy:dry-run secrets=…`, the secrets uploaded with it);
//  3. upstream changes the tracked worker/wrangler.jsonc and releases the next version (npm version);
//  4. the unit upgrades as documented: git pull (applies: nothing of the unit's is in tracked files), then
//     npm run deploy, here `npm run deploy:dry-run` (wrangler deploy --dry-run) standing in for it;
//  5. the new build served by `wrangler dev` with the same generated configuration stands in for the deployed Worker,
//     and `npm run deploy:check <its address>` confirms the new version answers.
// `npm ci` is the one documented step left out: the clones share this tree's node_modules (a link).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDeployed } from '../../scripts/deploy/check';
import { parseJsonc } from '../../scripts/deploy/jsonc';
import type { WranglerConfig } from '../../scripts/deploy/settings';
import { killTree, treeSpawnOptions } from '../../scripts/process-tree';
import { freePort } from '../e2e/ports';
import { run, said, shellEnv } from './run';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hasGit = spawnSync('git', ['--version']).status === 0 && existsSync(join(root, '.git'));
const GIT_ENV = { GIT_AUTHOR_NAME: 'ce-test', GIT_AUTHOR_EMAIL: 'ce-test@example.invalid', GIT_COMMITTER_NAME: 'ce-test', GIT_COMMITTER_EMAIL: 'ce-test@example.invalid' };
const env = shellEnv(GIT_ENV);
const DB_ID = '3f2a9c1e-5b7d-4e21-9a0b-6c8d2e4f1a37';
const DOMAIN = 'ce.unit-a.cn';

const work = mkdtempSync(join(tmpdir(), 'ce-upgrade-'));
const upstream = join(work, 'upstream');
const unit = join(work, 'unit');
let stopWorker: (() => void) | null = null;
afterAll(() => {
  stopWorker?.();
  rmSync(work, { recursive: true, force: true });
});

async function git(cwd: string, ...args: string[]): Promise<string> {
  const r = await run('git', args, cwd, env);
  if (r.code !== 0) throw new Error(`git ${args.join(' ')}: ${said(r)}`);
  return r.stdout;
}

/** This tree as it is now (tracked and new files, not ignored ones) as a repository of its own. */
async function makeUpstream(): Promise<void> {
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const f of files) {
    if (!existsSync(join(root, f))) continue; // deleted in the working tree
    mkdirSync(dirname(join(upstream, f)), { recursive: true });
    cpSync(join(root, f), join(upstream, f));
  }
  await git(upstream, 'init', '-q', '-b', 'main');
  await git(upstream, 'add', '-A');
  await git(upstream, 'commit', '-q', '-m', 'the version the unit deploys first');
}

/** This tree's node_modules, linked (git ignores a `node_modules/` folder, not a link: say so for this clone). */
function linkModules(dir: string): void {
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'junction');
  writeFileSync(join(dir, '.git', 'info', 'exclude'), '/node_modules\n');
}
const npm = (cwd: string, ...args: string[]) => run('npm', args, cwd, env);
const generated = (): WranglerConfig => parseJsonc(readFileSync(join(unit, 'worker', 'wrangler.generated.jsonc'), 'utf8'), 'generated') as WranglerConfig;
const versionIn = (dir: string): string => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;

describe.skipIf(!hasGit)('first deployment, an upstream change to the tracked config, and the documented upgrade', () => {
  let newVersion = '';

  beforeAll(async () => {
    await makeUpstream();
    linkModules(upstream);
    await git(work, 'clone', '-q', upstream, unit);
    linkModules(unit);
  }, 120_000);

  it('npm run deploy:init writes the unit\'s settings outside tracked files', async () => {
    const init = await npm(unit, 'run', 'deploy:init', `domain=${DOMAIN}`, `database=${DB_ID}`, 'admin=it');
    expect(init.code, said(init)).toBe(0);
    expect(existsSync(join(unit, 'deploy.local.jsonc'))).toBe(true);
    expect(await git(unit, 'status', '--porcelain')).toBe('');
    const prod = generated().env?.production;
    expect(prod?.routes).toEqual([{ pattern: DOMAIN, custom_domain: true }]);
    expect(prod?.d1_databases?.[0].database_id).toBe(DB_ID);
    // namespace ids of its own, not the tracked defaults another deployment in the account may use
    const tracked = parseJsonc(readFileSync(join(unit, 'worker', 'wrangler.jsonc'), 'utf8'), 'tracked') as WranglerConfig;
    const ids = (c: WranglerConfig | undefined): string[] => (c?.ratelimits ?? []).map((r) => r.namespace_id);
    expect(ids(prod)).toHaveLength(ids(tracked.env?.production).length);
    for (const id of ids(prod)) expect(ids(tracked.env?.production)).not.toContain(id);
    // run again: the settings are kept, not overwritten
    const before = readFileSync(join(unit, 'deploy.local.jsonc'), 'utf8');
    const again = await npm(unit, 'run', 'deploy:init', 'domain=other.unit-a.cn');
    expect(again.code, said(again)).toBe(0);
    expect(readFileSync(join(unit, 'deploy.local.jsonc'), 'utf8')).toBe(before);
  }, 60_000);

  it('the first deployment (dry run) uploads the secrets with it, from a file outside the project', async () => {
    writeFileSync(join(work, 'ce-secrets.env'), `CE_API_TOKEN=it:${randomBytes(32).toString('hex')}\nCE_AUDIT_HMAC_KEY=${randomBytes(32).toString('hex')}\n`);
    const first = await npm(unit, 'run', 'deploy:dry-run', 'secrets=../ce-secrets.env');
    expect(first.code, said(first)).toBe(0);
    const out = first.stdout + first.stderr;
    expect(out).toContain('env.CE_API_TOKEN ("(hidden)")');
    expect(out).toContain('env.CE_AUDIT_HMAC_KEY ("(hidden)")');
    expect(out).toContain('--dry-run: exiting now.');
    expect(await git(unit, 'status', '--porcelain')).toBe('');
  }, 180_000);

  it('upstream changes worker/wrangler.jsonc and releases the next version with npm version', async () => {
    const path = join(upstream, 'worker', 'wrangler.jsonc');
    const text = readFileSync(path, 'utf8');
    // next to the lines a unit used to edit (the database id, the admin labels), as upstream changes do
    const changed = text
      .replace('"CE_ADMIN_LABELS": "",', '"CE_ADMIN_LABELS": "",\n        // upstream: a longer audit timeout')
      .replace(/("env": \{[\s\S]*?"production": \{[\s\S]*?"CE_AUDIT_TIMEOUT_MS": )"5000"/, '$1"6000"');
    expect(changed).toContain('// upstream: a longer audit timeout');
    expect(changed).toContain('"CE_AUDIT_TIMEOUT_MS": "6000"');
    writeFileSync(path, changed);
    await git(upstream, 'commit', '-q', '-am', 'upstream: production audit timeout 6 s');
    const [major, minor, patch] = versionIn(upstream).split('.').map(Number);
    newVersion = `${major}.${minor}.${patch + 1}`;
    const release = await npm(upstream, 'version', newVersion);
    expect(release.code, said(release)).toBe(0);
    expect(readFileSync(join(upstream, 'shared', 'version.ts'), 'utf8')).toContain(`'${newVersion}'`);
    expect(readFileSync(join(upstream, 'manifest.xml'), 'utf8')).toContain(`<Version>${newVersion}.0</Version>`);
    // npm version committed all three: the release leaves nothing behind
    expect(await git(upstream, 'status', '--porcelain')).toBe('');
    expect(await git(upstream, 'tag', '--list')).toContain(`v${newVersion}`);
  }, 60_000);

  it('git pull applies, and npm run deploy:dry-run builds and deploys the new version with the unit\'s settings', async () => {
    const pull = await run('git', ['pull', '-q', '--ff-only'], unit, env);
    expect(pull.code, said(pull)).toBe(0);
    expect(versionIn(unit)).toBe(newVersion);
    const deploy = await npm(unit, 'run', 'deploy:dry-run');
    expect(deploy.code, said(deploy)).toBe(0);
    expect(deploy.stdout + deploy.stderr).toContain('--dry-run: exiting now.');
    expect(deploy.stdout + deploy.stderr).not.toContain('CE_API_TOKEN'); // the secrets are already there
    expect(deploy.stdout).toContain(`试运行完成：版本 ${newVersion} 可以部署`);
    const prod = generated().env?.production;
    expect(prod?.vars?.CE_AUDIT_TIMEOUT_MS).toBe('6000'); // upstream's change
    expect(prod?.vars?.CE_ADMIN_LABELS).toBe('it'); // the unit's settings
    expect(prod?.d1_databases?.[0].database_id).toBe(DB_ID);
    expect(await git(unit, 'status', '--porcelain')).toBe('');
  }, 180_000);

  it('a unit that edited worker/wrangler.jsonc itself (before deploy:init) moves its values out once, as documented', async () => {
    const old = join(work, 'old-unit');
    await git(work, 'clone', '-q', upstream, old);
    await git(old, 'reset', '-q', '--hard', 'HEAD~2'); // the version before the release
    linkModules(old);
    const config = join(old, 'worker', 'wrangler.jsonc');
    writeFileSync(config, readFileSync(config, 'utf8')
      .replace('"pattern": "ce.example.org"', '"pattern": "ce.unit-b.cn"')
      .replace('"database_id": "00000000-0000-0000-0000-000000000000"', `"database_id": "${DB_ID}"`)
      .replace('"CE_ADMIN_LABELS": ""', '"CE_ADMIN_LABELS": "it"'));
    // what goes wrong without the move: the pull stops, and the old code would be deployed
    const refused = await run('git', ['pull', '-q', '--ff-only'], old, env);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('worker/wrangler.jsonc');
    // the documented move: keep the edited copy outside the project, restore the tracked file, pull, import
    cpSync(config, join(work, 'wrangler.mine.jsonc'));
    await git(old, 'checkout', 'HEAD', 'worker/wrangler.jsonc');
    const pull = await run('git', ['pull', '-q', '--ff-only'], old, env);
    expect(pull.code, said(pull)).toBe(0);
    const init = await npm(old, 'run', 'deploy:init', 'from=../wrangler.mine.jsonc');
    expect(init.code, said(init)).toBe(0);
    const prod = (parseJsonc(readFileSync(join(old, 'worker', 'wrangler.generated.jsonc'), 'utf8'), 'generated') as WranglerConfig).env?.production;
    expect(prod?.routes).toEqual([{ pattern: 'ce.unit-b.cn', custom_domain: true }]);
    expect(prod?.d1_databases?.[0].database_id).toBe(DB_ID);
    expect(prod?.vars?.CE_ADMIN_LABELS).toBe('it');
    expect(prod?.vars?.CE_AUDIT_TIMEOUT_MS).toBe('6000');
    expect(await git(old, 'status', '--porcelain')).toBe('');
  }, 60_000);

  it('the new build under wrangler dev with the generated config answers the new version; no source map is served', async () => {
    const dist = join(unit, 'dist');
    expect(existsSync(join(dist, 'taskpane.js'))).toBe(true);
    expect(readFileSync(join(dist, '.assetsignore'), 'utf8')).toContain('*.map');
    // a source map left in dist/ (a debugging build) must not be served either
    writeFileSync(join(dist, 'probe.js'), '// probe\n');
    writeFileSync(join(dist, 'probe.js.map'), '{}');
    const wrangler = join(unit, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
    const state = join(work, 'state');
    const config = ['-c', 'worker/wrangler.generated.jsonc', '--env', 'production'];
    const migrate = await run(process.execPath, [wrangler, 'd1', 'migrations', 'apply', 'DB', '--local', ...config, '--persist-to', state], unit, { ...env, CI: 'true' });
    expect(migrate.code, said(migrate)).toBe(0);
    const port = await freePort(8820, 8839);
    const token = randomBytes(24).toString('hex');
    const child = spawn(process.execPath, [
      wrangler, 'dev', ...config, '--port', String(port), '--ip', '127.0.0.1', '--persist-to', state, '--show-interactive-dev-session=false',
      '--var', `CE_API_TOKEN:it:${token}`, '--var', `CE_AUDIT_HMAC_KEY:${randomBytes(32).toString('hex')}`,
    ], { cwd: unit, env: { ...env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'], ...treeSpawnOptions() });
    let log = '';
    child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    stopWorker = () => {
      if (child.pid !== undefined && child.exitCode === null) killTree(child.pid, 'SIGKILL');
    };
    const origin = `http://127.0.0.1:${port}`;
    const up = await checkDeployed(origin, newVersion, { waitMs: 90_000, everyMs: 500 });
    expect(up.ok, `${up.lines.join('\n')}\n${log}`).toBe(true);

    const check = await npm(unit, 'run', 'deploy:check', origin);
    expect(check.code, said(check)).toBe(0);
    expect(check.stdout).toContain(`运行版本 ${newVersion}，与本文件夹的代码一致`);
    const status = async (path: string): Promise<number> => {
      const res = await fetch(`${origin}${path}`);
      await res.body?.cancel();
      return res.status;
    };
    expect(await status('/probe.js')).toBe(200);
    expect(await status('/probe.js.map')).toBe(404);
    expect(await status('/taskpane.js.map')).toBe(404);
    expect(await status('/index.js.map')).toBe(404);
    // a deployment that still runs an older version is reported as not upgraded
    const stale = await checkDeployed(origin, '99.0.0', { waitMs: 0 });
    expect(stale.ok).toBe(false);
    expect(stale.lines[0]).toContain(`运行的是 ${newVersion}，本文件夹的代码是 99.0.0`);
    stopWorker();
  }, 180_000);

  it('npm run manifest (no arguments) writes the production manifest for the unit\'s domain, git-ignored, at the new version', async () => {
    const r = await npm(unit, 'run', 'manifest');
    expect(r.code, said(r)).toBe(0);
    const xml = readFileSync(join(unit, 'manifest.prod.xml'), 'utf8');
    expect(xml).toContain(`<Version>${newVersion}.0</Version>`);
    expect(xml).toContain(`https://${DOMAIN}/taskpane.html`);
    expect(xml).not.toContain('localhost');
    expect(await git(unit, 'status', '--porcelain')).toBe('');
  }, 60_000);
});
