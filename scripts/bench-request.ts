// `npm run bench:request [-- --sizes 1,100,400,1000,2000 --formats compact,full --cold 5 --warm 15 --wrangler-dev 3 --deopts --baseline DIR]`
// The CPU one POST /v1/evaluate costs the Worker, as the Workers Free plan's 10 ms limit counts it: the time of the
// thread that runs the isolate, in workerd (the runtime `wrangler dev` runs and Cloudflare deploys), for the bundle
// `wrangler deploy --dry-run --env production` makes. Cold = the first request of a fresh workerd process (its
// start-up, the Worker's top level with the warm-up of worker/warm-up.ts, is reported on its own: Cloudflare runs it
// under the separate start-up limit); warm = the median of later requests. The rows (scripts/load-rows.ts) are sent as
// the add-in sends them by default: minimised, without their empty cells (requestBody); `compact` is the add-in's whole
// request (the compact answer without a summary, `"summary": false`), `full` a client's that asks for nothing (the full
// answer with its summary, the default). The answer's size is as sent.
//
// How it is measured (scripts/thread-cpu.ts): workerd runs the isolate on its main thread; Linux keeps that thread's
// CPU time in nanoseconds and brings it up to date whenever the thread stops running. The bench reads it while the
// thread sleeps in its event loop, sends one request, reads the answer to the end, waits until the thread sleeps
// again and reads it once more: the difference is the request's main-thread CPU (HTTP parsing and the Worker's
// JavaScript; V8's helper threads for background compilation and GC are shown apart). Timing inside the Worker
// would give wall time (performance.now(); on Cloudflare it even stands still until I/O) without workerd's own work,
// and `wrangler dev` has no CPU limit; a DevTools CPU profile through workerd's inspector shows where time goes but
// slows the code it samples several-fold.
// D1 and the rate limiters are stubs here (on Cloudflare their time is I/O wait, not CPU). Then the same request at the
// advertised rowsPerRequest against `wrangler dev --env production` itself, local D1 (scripts/wrangler-dev-process.ts),
// measured the same way on its workerd's main thread (`--wrangler-dev N` fresh starts, 0 to skip).
// `--baseline DIR`: another version's Worker (DIR holding its worker/ and shared/, e.g. `git archive <commit> worker
// shared package.json | tar -x -C DIR`; this project's node_modules and dist/ are linked there and its git-ignored
// shared/rulesets/included.generated.ts copied when missing) against this one at the advertised rowsPerRequest, on
// the same stubs, in pairs: each round a fresh process of each (their start-ups' main-thread CPU, their first
// requests in alternating order), then their warm requests alternating, so that both see the same moments of a
// shared machine (whose speed drifts by tens of per cent within minutes: figures from separate runs do not compare).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { minimiseRows } from '../addin/compute/minimise';
import { getRuleSet } from '../shared/index';
import { syntheticRows } from './load-rows';
import { HAS_THREAD_CPU, otherThreadCpuMs, threadIdle } from './thread-cpu';
import { STUB_ENTRY, StepFailed, WORKERD, bundle, ensureDist, root, startWorkerd, workerdConfig, wranglerConfig } from './workerd-bundle';
import { localDatabase, startWranglerDev } from './wrangler-dev-process';

const FREE_PLAN_CPU_MS = 10;
const BUDGET_MS = FREE_PLAN_CPU_MS / 2;
const TOKEN = randomBytes(32).toString('base64url');

/** What the deployed Worker advertises to clients (GET /v1/health `rowsPerRequest`). */
const ROWS_PER_REQUEST = Number(wranglerConfig.env.production.vars.CE_ROWS_PER_REQUEST);

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: `1,100,${ROWS_PER_REQUEST},1000,2000` },
    formats: { type: 'string', default: 'compact,full' },
    cold: { type: 'string', default: '5' },
    warm: { type: 'string', default: '15' },
    'wrangler-dev': { type: 'string', default: '3' },
    deopts: { type: 'boolean', default: false },
    baseline: { type: 'string' },
  },
});

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const AS_OF = `${getRuleSet().year}-11-01`;

/**
 * The body of a POST /v1/evaluate of `rows` synthetic rows as the add-in sends it by default: minimised (no name, no ID
 * number, a row in error sent empty) and without the empty cells (addin/compute/minimise.ts); for `compact`, asking for
 * no summary as the add-in does (addin/api/client.ts), for `full` the default answer (with its summary).
 */
function requestBody(rows: number, format: string): string {
  const sent = minimiseRows(syntheticRows(rows), { asOf: AS_OF, firstDataRowNumber: 2 }).sent;
  return JSON.stringify({ rows: sent, asOf: AS_OF, ...(format === 'full' ? {} : { format, summary: false }) });
}

/** The variables of the bench's Worker: production's, with a token and an audit key of its own. */
const VARS = { CE_API_TOKEN: `bench:${TOKEN}`, CE_AUDIT_HMAC_KEY: randomBytes(32).toString('hex'), CE_ENV: 'production' };

/**
 * workerd's own share of a request, the floor under any Worker: a Worker that reads the same body and answers as
 * many bytes (made at its start-up), with no other work.
 */
function floorWorker(answerBytes: number): string {
  return `const answer = new Uint8Array(${answerBytes}).fill(0x20);
export default {
  async fetch(request) {
    await request.arrayBuffer();
    return new Response(answer, { headers: { 'Content-Type': 'application/json' } });
  },
};
`;
}

/** A workerd process serving the Worker: its main thread's id (= its pid), its URL, and how to end it. */
type Server = { pid: number; url: string; stop: () => void };
type Start = () => Promise<Server>;

/** workerd serving `config` (scripts/workerd-bundle.ts). */
const inWorkerd = (config: string): Start => async () => {
  const w = await startWorkerd(config);
  return { pid: w.pid, url: w.url, stop: () => w.child.kill() };
};

/** Waits until workerd's main thread sleeps in its event loop (its CPU time is then exact). */
async function idle(w: Server): Promise<void> {
  for (let i = 0; i < 200 && !threadIdle(w.pid); i++) await sleep(2);
  await sleep(5);
}

function otherThreadsMs(pid: number): number {
  let sum = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`).map(Number)) if (tid !== pid) sum += otherThreadCpuMs(pid, tid) || 0;
  return sum;
}

type Measured = { mainMs: number; otherMs: number; bytes: number };

async function request(w: Server, body: string): Promise<Measured> {
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

/**
 * `--deopts`: what the first request of a fresh process still throws away of V8's optimised code (a deoptimisation:
 * code optimised for what the warm-up showed meets something else and runs slowly until optimised again), by function
 * and reason, from V8's --trace-deopt (workerd's v8Flags). A diagnosis, not a figure: tracing costs time.
 */
async function deoptimisations(dir: string, worker: string, body: string): Promise<string[]> {
  const w = await startWorkerd(workerdConfig(mkdtempSync(join(dir, 'deopts-')), worker, STUB_ENTRY, VARS, {}, ['--trace-deopt']), { stdout: true });
  const server: Server = { pid: w.pid, url: w.url, stop: () => w.child.kill() };
  try {
    await idle(server);
    const before = w.stdout().length;
    await request(server, body);
    await sleep(50);
    const bailouts = w.stdout().slice(before).matchAll(/bailout \(kind: ([^,]+), reason: ([^)]*)\): begin\. deoptimizing \S+ <JSFunction ([^ >(]*)/g);
    return [...bailouts].map(([, kind, reason, fn]) => `${fn === '' ? '(anonymous)' : fn}: ${reason} (${kind})`);
  } finally {
    server.stop();
  }
}

type Sample = { startupMs: number; cold: Measured; warm: Measured[] };

async function sample(start: Start, body: string, warmRuns: number): Promise<Sample> {
  const w = await start();
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
    w.stop();
  }
}

type Figures = { cold: number; warm: number; helper: number; bytes: number; startups: number[] };

/** Cold (median over fresh processes), warm and helper (medians over their later requests) of one request body. */
async function measure(start: Start, body: string, processes: number = Number(opts.cold)): Promise<Figures> {
  const samples: Sample[] = [];
  for (let i = 0; i < processes; i++) samples.push(await sample(start, body, Number(opts.warm)));
  const warmAll = samples.flatMap((s) => s.warm);
  return {
    cold: median(samples.map((s) => s.cold.mainMs)),
    warm: median(warmAll.map((m) => m.mainMs)),
    helper: median(warmAll.map((m) => m.otherMs)),
    bytes: samples[0].cold.bytes,
    startups: samples.map((s) => s.startupMs),
  };
}

/**
 * The same request at the advertised rowsPerRequest against `wrangler dev --env production` (local D1, migrations
 * applied), `starts` fresh starts: the main thread of its workerd also runs wrangler's own routing and asset Workers
 * and the local D1, which on Cloudflare are not the Worker's CPU, so these figures sit a little above the bundle's.
 */
async function underWranglerDev(dir: string, formats: string[], starts: number): Promise<void> {
  const persistTo = mkdtempSync(join(dir, 'd1-'));
  localDatabase(persistTo);
  const start: Start = () => startWranglerDev(persistTo, VARS);
  const figures: string[] = [];
  for (const format of formats) {
    const body = requestBody(ROWS_PER_REQUEST, format);
    const { cold, warm, helper } = await measure(start, body, starts);
    const ok = cold <= BUDGET_MS && warm <= BUDGET_MS;
    figures.push(`${format} cold ${cold.toFixed(2)}, warm ${warm.toFixed(2)} ms (helper ${helper.toFixed(2)}): ${ok ? 'OK' : 'ABOVE'}`);
  }
  console.log(`as \`wrangler dev --env production\` serves it (local D1; its workerd's main thread also runs wrangler's routing and asset Workers and the local D1), ${ROWS_PER_REQUEST} rows, cold = median of ${starts} starts: ${figures.join('; ')}`);
}

/** The first request's and the warm requests' main-thread CPU of two versions, in pairs (`--baseline`). */
type Pair = { base: number; now: number };

async function inPairs(startBase: Start, startNow: Start, body: string, rounds: number, warmRuns: number): Promise<{ startup: Pair[]; cold: Pair[]; warm: Pair[] }> {
  const startup: Pair[] = [];
  const cold: Pair[] = [];
  const warm: Pair[] = [];
  const both = async (base: Server, now: Server, baseFirst: boolean): Promise<Pair> => {
    if (baseFirst) {
      const b = (await request(base, body)).mainMs;
      return { base: b, now: (await request(now, body)).mainMs };
    }
    const n = (await request(now, body)).mainMs;
    return { base: (await request(base, body)).mainMs, now: n };
  };
  for (let r = 0; r < rounds; r++) {
    const base = await startBase();
    const now = await startNow();
    try {
      await idle(base);
      await idle(now);
      startup.push({ base: otherThreadCpuMs(base.pid), now: otherThreadCpuMs(now.pid) });
      cold.push(await both(base, now, r % 2 === 0));
      for (let i = 0; i < 5; i++) await both(base, now, i % 2 === 0);
      for (let i = 0; i < warmRuns; i++) warm.push(await both(base, now, i % 2 === 0));
    } finally {
      base.stop();
      now.stop();
    }
  }
  return { startup, cold, warm };
}

/** A version's folder made ready to bundle: this project's node_modules and dist/ linked, the generated rule-set list copied. */
function prepareBaseline(dir: string): string {
  const at = resolve(dir);
  for (const link of ['node_modules', 'dist']) if (!existsSync(join(at, link))) symlinkSync(join(root, link), join(at, link), 'dir');
  const generated = join('shared', 'rulesets', 'included.generated.ts');
  if (!existsSync(join(at, generated))) copyFileSync(join(root, generated), join(at, generated));
  return at;
}

async function againstBaseline(dir: string, baselineDir: string, config: string, formats: string[]): Promise<void> {
  const built = bundle(join(dir, 'baseline-bundle'), prepareBaseline(baselineDir));
  const baseConfig = workerdConfig(mkdtempSync(join(dir, 'baseline-')), readFileSync(built, 'utf8'), STUB_ENTRY, VARS);
  const rounds = Number(opts.cold);
  for (const format of formats) {
    const body = requestBody(ROWS_PER_REQUEST, format);
    const { startup, cold, warm } = await inPairs(inWorkerd(baseConfig), inWorkerd(config), body, rounds, Number(opts.warm));
    const line = (pairs: Pair[], digits = 2): string =>
      `${median(pairs.map((p) => p.base)).toFixed(digits)} → ${median(pairs.map((p) => p.now)).toFixed(digits)} ms (median of the paired differences ${median(pairs.map((p) => p.now - p.base)).toFixed(digits)})`;
    console.log(`${format} at ${ROWS_PER_REQUEST} rows, baseline (${baselineDir}) → this version, ${rounds} fresh processes of each in pairs: start-up ${line(startup, 1)}; cold ${line(cold)}; warm ${line(warm)}`);
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
    const config = workerdConfig(dir, readFileSync(built, 'utf8'), STUB_ENTRY, VARS);
    const workerdVersion = execFileSync(WORKERD, ['--version'], { encoding: 'utf8' }).trim();
    console.log(`CPU ms per POST /v1/evaluate in ${workerdVersion}, main thread (the isolate's); cold = first request of a fresh process (median of ${opts.cold}), warm = median of ${opts.warm} later requests; helper = V8's other threads during the request (not counted); KiB = answer as sent`);
    const formats = opts.formats.split(',');
    const sizes = opts.sizes.split(',').map(Number);
    const startups: number[] = [];
    const within = new Map<string, number>(formats.map((f) => [f, 0]));
    const verdicts: string[] = [];
    const floors: string[] = [];
    console.log(`${'rows'.padStart(6)} | ${'format'.padEnd(7)} | ${'cold ms'.padStart(7)} | ${'warm ms'.padStart(7)} | ${'helper ms'.padStart(9)} | ${'KiB'.padStart(7)}`);
    for (const rows of sizes) {
      for (const format of formats) {
        const body = requestBody(rows, format);
        const measured = await measure(inWorkerd(config), body);
        startups.push(...measured.startups);
        const { cold, warm, helper, bytes } = measured;
        console.log(`${String(rows).padStart(6)} | ${format.padEnd(7)} | ${cold.toFixed(2).padStart(7)} | ${warm.toFixed(2).padStart(7)} | ${helper.toFixed(2).padStart(9)} | ${(bytes / 1024).toFixed(1).padStart(7)}`);
        if (Math.max(cold, warm) <= BUDGET_MS) within.set(format, Math.max(within.get(format) ?? 0, rows));
        if (rows === ROWS_PER_REQUEST) {
          const ok = cold <= BUDGET_MS && warm <= BUDGET_MS;
          verdicts.push(`${format} at ${rows} rows (the advertised rowsPerRequest): cold ${cold.toFixed(2)} ms, warm ${warm.toFixed(2)} ms: ${ok ? 'OK' : 'ABOVE'} (goal ≤ ${BUDGET_MS} ms, half the Free plan's ${FREE_PLAN_CPU_MS} ms)`);
          const floorDir = mkdtempSync(join(dir, 'floor-'));
          const floor = await measure(inWorkerd(workerdConfig(floorDir, floorWorker(bytes), 'export { default } from "./worker.js";', {})), body);
          floors.push(`${format} cold ${floor.cold.toFixed(2)}, warm ${floor.warm.toFixed(2)} ms`);
        }
      }
    }
    console.log(`start-up (workerd and the Worker's top level with its warm-up), main thread: median ${median(startups).toFixed(1)} ms, max ${Math.max(...startups).toFixed(1)} ms (Cloudflare's start-up limit: 1 s)`);
    for (const [format, rows] of within) console.log(`${format}: largest size measured with cold and warm ≤ ${BUDGET_MS} ms: ${rows === 0 ? 'none' : `${rows} rows`}`);
    if (floors.length > 0) console.log(`workerd's own share at ${ROWS_PER_REQUEST} rows (a Worker that reads the same body and answers as many bytes, no other work): ${floors.join('; ')}`);
    for (const v of verdicts) console.log(v);
    if (opts.deopts) {
      for (const format of formats) {
        const body = requestBody(ROWS_PER_REQUEST, format);
        const found = await deoptimisations(dir, readFileSync(built, 'utf8'), body);
        console.log(`${format} at ${ROWS_PER_REQUEST} rows, deoptimisations in the first request (V8 --trace-deopt): ${found.length === 0 ? 'none' : found.join('; ')}`);
      }
    }
    if (opts.baseline !== undefined) await againstBaseline(dir, opts.baseline, config, formats);
    const starts = Number(opts['wrangler-dev']);
    if (starts > 0) await underWranglerDev(dir, formats, starts);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof StepFailed ? err.message : err);
  process.exit(1);
});
