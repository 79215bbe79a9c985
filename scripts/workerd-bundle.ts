// The Worker as deployed, run by workerd itself: the bundle `wrangler deploy --dry-run --env production` makes, with
// the production variables, in `workerd serve` (the runtime `wrangler dev` runs and Cloudflare deploys). Used by
// `npm run bench:request` (CPU per request) and test/ops/worker-start-up.test.ts (the start-up warm-up as it ships).
// D1 and the rate limiters are stubs from an entry module of the caller's (workerd alone cannot give them).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJsonc } from './deploy/jsonc';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const WORKERD = join(root, 'node_modules', 'workerd', 'bin', 'workerd');

type WranglerConfig = { compatibility_date: string; compatibility_flags?: string[]; env: { production: { vars: Record<string, string> } } };
export const wranglerConfig = parseJsonc(readFileSync(join(root, 'worker', 'wrangler.jsonc'), 'utf8'), 'worker/wrangler.jsonc') as WranglerConfig;

/**
 * The entry module of `npm run bench:request`: the Worker with stubs for D1 and the rate limiters that cost nothing.
 * On Cloudflare those bindings are the runtime's own (their time is I/O); the stubs are JavaScript, which V8 compiles
 * on its first call, so they are called once here, at start-up: the first request then measures the Worker, not the
 * compilation of the bench's stubs.
 */
export const STUB_ENTRY = `import worker from './worker.js';
const allow = { limit: async () => ({ success: true }) };
const statement = { bind: () => statement, run: async () => ({ success: true }) };
const DB = { prepare: () => statement };
const bindings = (env) => ({ ...env, DB, RATE_LIMITER: allow, AUTH_FAILURE_LIMITER: allow });
void allow.limit({ key: '' });
void DB.prepare('').bind().run();
bindings({});
export default {
  fetch: (request, env, ctx) => worker.fetch(request, bindings(env), ctx),
};
`;

/** A step that failed, in words for whoever ran the script (Chinese, then English), with the end of its output. */
export class StepFailed extends Error {}

/** Runs a command in the project's folder; on failure throws StepFailed with `what` and the end of its output. */
export function runStep(what: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd: string = root): void {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', shell: process.platform === 'win32' && command.endsWith('.cmd') });
  if (r.status === 0) return;
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
  throw new StepFailed(`${what}\n--- 最后几行输出 / its last lines of output ---\n${r.error ? String(r.error) : output}`);
}

/**
 * dist/ is the Worker's static assets (wrangler.jsonc `assets`): wrangler makes no bundle without it, and a fresh clone
 * has none. Builds it with `npm run build`, saying so; a build that fails is said plainly, with the build's last lines.
 */
export function ensureDist(): void {
  if (existsSync(join(root, 'dist', 'taskpane.html'))) return;
  console.log('dist/ 不存在（Worker 把它作为静态资源，没有它 wrangler 不打包）：先运行 npm run build 构建它……');
  console.log('dist/ is missing (the Worker serves it as static assets; wrangler will not bundle without it): building it with `npm run build` first…');
  runStep('npm run build 失败，dist/ 没有构建出来：请单独运行 npm run build 查看原因。 / `npm run build` failed, so there is no dist/: run it on its own to see why.',
    process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']);
}

/**
 * The production bundle in `outdir`; returns the path of its index.js. `project`: the project folder whose Worker is
 * bundled (this one by default; another version's for `npm run bench:request -- --baseline DIR`), with this one's
 * wrangler.
 */
export function bundle(outdir: string, project: string = root): string {
  if (!existsSync(WORKERD)) throw new StepFailed(`找不到 workerd（${WORKERD}）：请先运行 npm ci。 / workerd is not installed: run \`npm ci\` first.`);
  runStep('wrangler 打包 Worker 失败（wrangler deploy --dry-run --env production）。 / wrangler could not bundle the Worker (wrangler deploy --dry-run --env production):',
    process.execPath, [join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js'), 'deploy', '--dry-run', '--env', 'production',
      '--config', join(project, 'worker', 'wrangler.jsonc'), '--outdir', outdir],
    { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' }, project);
  return join(outdir, 'index.js');
}

/**
 * A workerd config in `dir` serving `entry` (module source, importing the Worker as './worker.js') with the production
 * variables and `vars` over them; `worker` is the Worker module's source, `modules` more modules the entry may import
 * (name to source), `v8Flags` V8's own flags (e.g. --trace-deopt, for diagnosis only). Returns the config's path.
 */
export function workerdConfig(dir: string, worker: string, entry: string, vars: Record<string, string>, modules: Record<string, string> = {}, v8Flags: readonly string[] = []): string {
  const all = { 'entry.js': entry, 'worker.js': worker, ...modules };
  for (const [name, source] of Object.entries(all)) writeFileSync(join(dir, name), source);
  const text = (s: string): string => JSON.stringify(s);
  const bindings = { ...wranglerConfig.env.production.vars, ...vars };
  const capnp = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  v8Flags = [${v8Flags.map(text).join(', ')}],
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ ${Object.keys(all).map((name) => `(name = ${text(name)}, esModule = embed ${text(name)})`).join(', ')} ],
  compatibilityDate = ${text(wranglerConfig.compatibility_date)},
  compatibilityFlags = [${(wranglerConfig.compatibility_flags ?? []).map(text).join(', ')}],
  bindings = [ ${Object.entries(bindings).map(([k, v]) => `(name = ${text(k)}, text = ${text(v)})`).join(', ')} ],
);
`;
  const file = join(dir, 'workerd.capnp');
  writeFileSync(file, capnp);
  return file;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * A running `workerd serve`: its process, its main thread's id (= pid), its URL and what it wrote to stderr so far
 * (and to stdout, where V8's traces go, when started with `stdout`).
 */
export type Workerd = { child: ChildProcess; pid: number; url: string; stderr: () => string; stdout: () => string };

/** GNU coreutils' stdbuf, to have workerd's stdout unbuffered (V8 writes its traces with printf), or null. */
const STDBUF = ['/usr/bin/stdbuf', '/bin/stdbuf'].find((p) => existsSync(p)) ?? null;

/**
 * Starts workerd on a free port; resolves once it accepts connections (no HTTP request: none reaches the Worker).
 * `stdout`: keep what it writes there, unbuffered where stdbuf exists (its process id stays workerd's).
 */
export async function startWorkerd(config: string, options: { stdout?: boolean } = {}): Promise<Workerd> {
  const port = await freePort();
  const args = ['serve', config, '--socket-addr', `http=127.0.0.1:${port}`];
  const child = options.stdout && STDBUF !== null
    ? spawn(STDBUF, ['-o0', WORKERD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(WORKERD, args, { stdio: ['ignore', options.stdout ? 'pipe' : 'ignore', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += String(d)));
  child.stdout?.on('data', (d: Buffer) => (stdout += String(d)));
  for (let i = 0; !(await accepts(port)); i++) {
    if (child.exitCode !== null || i > 400) {
      child.kill();
      throw new Error(`workerd did not start: ${stderr}`);
    }
    await sleep(25);
  }
  return { child, pid: child.pid as number, url: `http://127.0.0.1:${port}`, stderr: () => stderr, stdout: () => stdout };
}
