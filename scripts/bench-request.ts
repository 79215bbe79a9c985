// `npm run bench:request [-- --sizes 1,100,400,1000,2000 --formats compact,full --cold 5 --warm 15]`
// The CPU one POST /v1/evaluate costs the Worker, as the Workers Free plan's 10 ms limit counts it: the time of the
// thread that runs the isolate, in workerd (the runtime `wrangler dev` runs and Cloudflare deploys), for the bundle
// `wrangler deploy --dry-run --env production` makes. Cold = the first request of a fresh workerd process (its
// start-up, the Worker's top level with the warm-up of worker/warm-up.ts, is reported on its own: Cloudflare runs it
// under the separate start-up limit); warm = the median of later requests. The answer's size is as sent.
//
// How it is measured (scripts/thread-cpu.ts): workerd runs the isolate on its main thread; Linux keeps that thread's
// CPU time in nanoseconds and brings it up to date whenever the thread stops running. The bench reads it while the
// thread sleeps in its event loop, sends one request, reads the answer to the end, waits until the thread sleeps
// again and reads it once more: the difference is the request's main-thread CPU (HTTP parsing and the Worker's
// JavaScript; V8's helper threads for background compilation and GC are shown apart). Timing inside the Worker
// would give wall time (performance.now(); on Cloudflare it even stands still until I/O) without workerd's own work,
// and `wrangler dev` has no CPU limit; a DevTools CPU profile through workerd's inspector shows where time goes but
// slows the code it samples several-fold.
// D1 and the rate limiters are stubs here (on Cloudflare their time is I/O wait, not CPU).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { getRuleSet } from '../shared/index';
import { parseJsonc } from './deploy/jsonc';
import { syntheticRows } from './load-rows';
import { HAS_THREAD_CPU, otherThreadCpuMs, threadIdle } from './thread-cpu';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FREE_PLAN_CPU_MS = 10;
const BUDGET_MS = FREE_PLAN_CPU_MS / 2;
const TOKEN = `bench-${randomBytes(16).toString('hex')}`;

type WranglerConfig = { compatibility_date: string; compatibility_flags?: string[]; env: { production: { vars: Record<string, string> } } };
const wranglerConfig = parseJsonc(readFileSync(join(root, 'worker', 'wrangler.jsonc'), 'utf8'), 'worker/wrangler.jsonc') as WranglerConfig;
/** What the deployed Worker advertises to clients (GET /v1/health `rowsPerRequest`). */
const ROWS_PER_REQUEST = Number(wranglerConfig.env.production.vars.CE_ROWS_PER_REQUEST);

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: `1,100,${ROWS_PER_REQUEST},1000,2000` },
    formats: { type: 'string', default: 'compact,full' },
    cold: { type: 'string', default: '5' },
    warm: { type: 'string', default: '15' },
  },
});

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** dist/ is the Worker's static assets (wrangler.jsonc `assets`): the bundle is not made without it. */
function ensureDist(): void {
  if (existsSync(join(root, 'dist', 'taskpane.html'))) return;
  console.log('dist/ is missing (the Worker serves it as static assets, and wrangler will not bundle without it): building it with `npm run build` first.');
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
}

function bundle(outdir: string): string {
  execFileSync(process.execPath, [join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js'), 'deploy', '--dry-run',
    '--env', 'production', '--config', join(root, 'worker', 'wrangler.jsonc'), '--outdir', outdir],
  { stdio: 'ignore', env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' } });
  return join(outdir, 'index.js');
}

/** A workerd config for the bundle: the production variables, a token of the bench's own, stubs for D1 and limits. */
function workerdConfig(dir: string, bundlePath: string): string {
  const config = wranglerConfig;
  writeFileSync(join(dir, 'worker.js'), readFileSync(bundlePath));
  // the Worker as deployed, with the bindings workerd alone cannot give it replaced by stubs that cost nothing
  writeFileSync(join(dir, 'entry.js'), `import worker from './worker.js';
const allow = { limit: async () => ({ success: true }) };
const DB = { prepare: () => ({ bind: () => ({ run: async () => ({ success: true }) }) }) };
export default {
  fetch: (request, env, ctx) => worker.fetch(request, { ...env, DB, RATE_LIMITER: allow, AUTH_FAILURE_LIMITER: allow }, ctx),
};
`);
  const vars: Record<string, string> = {
    ...config.env.production.vars,
    CE_API_TOKEN: `bench:${TOKEN}`,
    CE_AUDIT_HMAC_KEY: randomBytes(32).toString('hex'),
    CE_ENV: 'production',
  };
  const text = (s: string): string => JSON.stringify(s);
  const capnp = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "entry.js", esModule = embed "entry.js"), (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = ${text(config.compatibility_date)},
  compatibilityFlags = [${(config.compatibility_flags ?? []).map(text).join(', ')}],
  bindings = [ ${Object.entries(vars).map(([k, v]) => `(name = ${text(k)}, text = ${text(v)})`).join(', ')} ],
);
`;
  const file = join(dir, 'bench.capnp');
  writeFileSync(file, capnp);
  return file;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

type Workerd = { child: ChildProcess; pid: number; url: string };

async function startWorkerd(config: string): Promise<Workerd> {
  const port = await freePort();
  const binary = join(root, 'node_modules', 'workerd', 'bin', 'workerd');
  const child = spawn(binary, ['serve', config, '--socket-addr', `http=127.0.0.1:${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += String(d)));
  // listening once a connection is accepted (no HTTP request: it would run the Worker before the cold request)
  for (let i = 0; !(await accepts(port)); i++) {
    if (child.exitCode !== null || i > 400) throw new Error(`workerd did not start: ${stderr}`);
    await sleep(25);
  }
  return { child, pid: child.pid as number, url: `http://127.0.0.1:${port}` };
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

/** Waits until workerd's main thread sleeps in its event loop (its CPU time is then exact). */
async function idle(w: Workerd): Promise<void> {
  for (let i = 0; i < 200 && !threadIdle(w.pid); i++) await sleep(2);
  await sleep(5);
}

function otherThreadsMs(pid: number): number {
  let sum = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`).map(Number)) if (tid !== pid) sum += otherThreadCpuMs(pid, tid) || 0;
  return sum;
}

type Measured = { mainMs: number; otherMs: number; bytes: number };

async function request(w: Workerd, body: string): Promise<Measured> {
  await idle(w);
  const main0 = otherThreadCpuMs(w.pid);
  const other0 = otherThreadsMs(w.pid);
  const res = await fetch(`${w.url}/v1/evaluate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body,
  });
  const bytes = (await res.arrayBuffer()).byteLength;
  if (res.status !== 200) throw new Error(`evaluate answered ${res.status}`);
  await idle(w);
  return { mainMs: otherThreadCpuMs(w.pid) - main0, otherMs: otherThreadsMs(w.pid) - other0, bytes };
}

type Sample = { startupMs: number; cold: Measured; warm: Measured[] };

async function sample(config: string, body: string, warmRuns: number): Promise<Sample> {
  const w = await startWorkerd(config);
  try {
    await idle(w);
    const startupMs = otherThreadCpuMs(w.pid);
    const cold = await request(w, body);
    // a few requests to settle, then the ones measured
    for (let i = 0; i < 5; i++) await request(w, body);
    const warm: Measured[] = [];
    for (let i = 0; i < warmRuns; i++) warm.push(await request(w, body));
    return { startupMs, cold, warm };
  } finally {
    w.child.kill();
  }
}

async function main(): Promise<void> {
  if (!HAS_THREAD_CPU) {
    console.error('bench:request reads workerd\'s thread CPU times from /proc (Linux only); this system has none.');
    process.exit(2);
  }
  ensureDist();
  const dir = mkdtempSync(join(tmpdir(), 'ce-bench-request-'));
  try {
    const built = bundle(join(dir, 'bundle'));
    const raw = statSync(built).size;
    console.log(`Worker bundle (wrangler deploy --dry-run --env production): ${(raw / 1024).toFixed(1)} KiB, gzip ${(gzipSync(readFileSync(built)).length / 1024).toFixed(1)} KiB`);
    const config = workerdConfig(dir, built);
    const workerdVersion = execFileSync(join(root, 'node_modules', 'workerd', 'bin', 'workerd'), ['--version'], { encoding: 'utf8' }).trim();
    console.log(`CPU ms per POST /v1/evaluate in ${workerdVersion}, main thread (the isolate's); cold = first request of a fresh process (median of ${opts.cold}), warm = median of ${opts.warm} later requests; helper = V8's other threads during the request (not counted); KiB = answer as sent`);
    const formats = opts.formats.split(',');
    const sizes = opts.sizes.split(',').map(Number);
    const startups: number[] = [];
    const within = new Map<string, number>(formats.map((f) => [f, 0]));
    const verdicts: string[] = [];
    console.log(`${'rows'.padStart(6)} | ${'format'.padEnd(7)} | ${'cold ms'.padStart(7)} | ${'warm ms'.padStart(7)} | ${'helper ms'.padStart(9)} | ${'KiB'.padStart(7)}`);
    for (const rows of sizes) {
      for (const format of formats) {
        const body = JSON.stringify({ rows: syntheticRows(rows), asOf: `${getRuleSet().year}-11-01`, ...(format === 'full' ? {} : { format }) });
        const samples: Sample[] = [];
        for (let i = 0; i < Number(opts.cold); i++) samples.push(await sample(config, body, Number(opts.warm)));
        startups.push(...samples.map((s) => s.startupMs));
        const cold = median(samples.map((s) => s.cold.mainMs));
        const warmAll = samples.flatMap((s) => s.warm);
        const warm = median(warmAll.map((m) => m.mainMs));
        const helper = median(warmAll.map((m) => m.otherMs));
        const kib = samples[0].cold.bytes / 1024;
        console.log(`${String(rows).padStart(6)} | ${format.padEnd(7)} | ${cold.toFixed(2).padStart(7)} | ${warm.toFixed(2).padStart(7)} | ${helper.toFixed(2).padStart(9)} | ${kib.toFixed(1).padStart(7)}`);
        if (Math.max(cold, warm) <= BUDGET_MS) within.set(format, Math.max(within.get(format) ?? 0, rows));
        if (rows === ROWS_PER_REQUEST) {
          const ok = cold <= BUDGET_MS && warm <= BUDGET_MS;
          verdicts.push(`${format} at ${rows} rows (the advertised rowsPerRequest): cold ${cold.toFixed(2)} ms, warm ${warm.toFixed(2)} ms: ${ok ? 'OK' : 'ABOVE'} (goal ≤ ${BUDGET_MS} ms, half the Free plan's ${FREE_PLAN_CPU_MS} ms)`);
        }
      }
    }
    console.log(`start-up (workerd and the Worker's top level with its warm-up), main thread: median ${median(startups).toFixed(1)} ms, max ${Math.max(...startups).toFixed(1)} ms (Cloudflare's start-up limit: 1 s)`);
    for (const [format, rows] of within) console.log(`${format}: largest size measured with cold and warm ≤ ${BUDGET_MS} ms: ${rows || 'none'} rows`);
    for (const v of verdicts) console.log(v);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
