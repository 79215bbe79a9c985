// `npm run load [-- --url http://127.0.0.1:8787 --token T] [--duration 20] [--connections 8] [--rows 1000]`
// A bounded burst of evaluate requests against a local Worker (127.0.0.1 only): requests/s, p50/p99 latency,
// non-2xx answers, and a check that the D1 audit grew by exactly the number of 200 answers. Then one 5,000-row
// request end to end against the engine alone in Node, with a breakdown of where the time goes.
// Without --url it starts `npm run worker:dev -- --env load` itself (a high rate limit, a throwaway local D1).
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { evaluate, getRuleSet } from '../shared/index';
import { syntheticRows } from './load-rows';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    url: { type: 'string' },
    token: { type: 'string' },
    port: { type: 'string', default: '8795' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '8' },
    rows: { type: 'string', default: '1000' },
    'big-rows': { type: 'string', default: '5000' },
  },
});
const DURATION = Number(opts.duration);
const CONNECTIONS = Number(opts.connections);
const ROWS = Number(opts.rows);
const BIG_ROWS = Number(opts['big-rows']);
// a 核对日期 in the default rule set's year (the notice's deadlines not yet passed)
const AS_OF = `${getRuleSet().year}-11-01`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(1)} ms`;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

async function startWorker(): Promise<{ url: string; token: string; stop: () => Promise<void> }> {
  const port = opts.port;
  const busy = await fetch(`http://127.0.0.1:${port}/v1/health`).then(() => true, () => false);
  if (busy) throw new Error(`port ${port} is already in use: pass --port, or --url/--token of that Worker`);
  const token = randomBytes(32).toString('base64url');
  const state = mkdtempSync(join(tmpdir(), 'ce-load-'));
  const log = openSync(join(state, 'worker-dev.log'), 'w');
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'worker-dev.ts'),
      '--port', port, '--env', 'load', '--persist-to', state,
      '--var', `CE_API_TOKEN:load:${token}`, '--var', 'CE_ENV:production'],
    { cwd: root, detached: true, stdio: ['ignore', log, log] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM'); // the whole group: npm-less tsx, wrangler, workerd
    } catch {
      /* already gone */
    }
    await Promise.race([exited, sleep(5000)]);
    rmSync(state, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    await sleep(500);
    try {
      if ((await fetch(`${url}/v1/health`)).ok) return { url, token, stop };
    } catch {
      /* not up yet */
    }
  }
  const logText = readFileSync(join(state, 'worker-dev.log'), 'utf8');
  await stop();
  throw new Error(`wrangler dev did not start on ${url}:\n${logText.split('\n').slice(-30).join('\n')}`);
}

async function auditTotal(url: string, token: string): Promise<number> {
  const res = await fetch(`${url}/v1/audit?limit=1`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET /v1/audit answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { total: number }).total;
}

async function timed(f: () => Promise<unknown>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return median(times);
}

type Burst = { answers: number; seconds: number; latencies: number[]; statuses: Record<string, number>; errors: number; timeouts: number };

/**
 * Evaluate requests from CONNECTIONS concurrent connections for about `seconds`, as consecutive autocannon runs of a
 * fixed number of requests each: every request sent is answered before the next run or the end, so that the audit
 * count can be compared exactly (a run cut off by a time limit aborts requests that may still reach the Worker).
 */
async function burst(url: string, token: string, body: string, seconds: number): Promise<Burst> {
  const b: Burst = { answers: 0, seconds: 0, latencies: [], statuses: {}, errors: 0, timeouts: 0 };
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    const run = autocannon({
      url: `${url}/v1/evaluate`,
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body,
      connections: CONNECTIONS,
      amount: CONNECTIONS * 10,
      timeout: 30,
    });
    run.on('response', (_client, status, _bytes, time) => {
      b.latencies.push(time);
      b.statuses[status] = (b.statuses[status] ?? 0) + 1;
    });
    const r = await run;
    b.errors += r.errors;
    b.timeouts += r.timeouts;
  }
  b.seconds = (performance.now() - t0) / 1000;
  b.answers = b.latencies.length;
  b.latencies.sort((x, y) => x - y);
  return b;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main(): Promise<number> {
  const own = opts.url ? null : await startWorker();
  const url = opts.url ?? own!.url;
  const token = opts.token ?? own?.token ?? 'ce-local-dev-token';
  if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(url)) throw new Error('load: only a local Worker (127.0.0.1)');
  let ok = true;
  try {
    const body = JSON.stringify({ rows: syntheticRows(ROWS), asOf: AS_OF });
    console.log(`load: ${url}, ${CONNECTIONS} connections, ${ROWS} rows (${(body.length / 1024).toFixed(0)} KiB) a request`);

    await burst(url, token, body, 1); // warm-up: JIT, connections
    await sleep(1000);
    const before = await auditTotal(url, token);
    const r = await burst(url, token, body, DURATION);
    await sleep(1000);
    const grew = (await auditTotal(url, token)) - before;
    const ok200 = r.statuses['200'] ?? 0;
    const non2xx = Object.entries(r.statuses).filter(([s]) => !s.startsWith('2')).reduce((n, [, c]) => n + c, 0);
    const rate = r.answers / r.seconds;
    console.log(`burst: ${r.answers} requests answered in ${r.seconds.toFixed(1)} s`);
    console.log(`  requests/s: ${rate.toFixed(1)} (${(rate * ROWS).toFixed(0)} rows/s)`);
    console.log(`  latency: p50 ${ms(percentile(r.latencies, 50))}, p99 ${ms(percentile(r.latencies, 99))}, max ${ms(r.latencies.at(-1) ?? 0)}`);
    console.log(`  200: ${ok200}, non-2xx: ${non2xx}, errors: ${r.errors}, timeouts: ${r.timeouts}`, JSON.stringify(r.statuses));
    console.log(`  audit records grew by ${grew} (200 answers: ${ok200}) → ${grew === ok200 ? 'OK, nothing lost' : 'MISMATCH'}`);
    ok = grew === ok200 && non2xx === 0 && r.errors === 0;

    // one big request end to end against the engine alone in Node
    const rows = syntheticRows(BIG_ROWS);
    for (let i = 0; i < 3; i++) evaluate(rows, { asOf: AS_OF });
    const engine = await timed(async () => evaluate(rows, { asOf: AS_OF }), 7);
    const stringify = await timed(async () => JSON.stringify({ rows, asOf: AS_OF }), 5);
    const answer = evaluate(rows, { asOf: AS_OF });
    const serialize = await timed(async () => JSON.stringify(answer), 5);
    const bigBody = JSON.stringify({ rows, asOf: AS_OF });
    const refusedBody = JSON.stringify({ rows, asOf: AS_OF, ruleSet: 'no-such-rule-set' });
    const post = (b: string) =>
      fetch(`${url}/v1/evaluate`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: b });
    let responseText = '';
    const e2e = await timed(async () => {
      const res = await post(bigBody);
      if (res.status !== 200) throw new Error(`5,000 rows answered ${res.status}`);
      responseText = await res.text();
    }, 9);
    const untilEngine = await timed(async () => {
      const res = await post(refusedBody);
      if (res.status !== 400) throw new Error(`unknown rule set answered ${res.status}`);
      await res.text();
    }, 9);
    const health = await timed(async () => (await fetch(`${url}/v1/health`)).text(), 10);
    const d1 = await timed(() => auditTotal(url, token), 10);
    const parse = await timed(async () => JSON.parse(responseText), 5);
    const responseBytes = Buffer.byteLength(responseText);
    console.log(`${BIG_ROWS} rows in one request (${(bigBody.length / 1048576).toFixed(2)} MB in, ${(responseBytes / 1048576).toFixed(2)} MB out):`);
    console.log(`  end to end (POST → whole answer read): ${ms(e2e)}; engine alone in Node: ${ms(engine)}; ratio ${(e2e / engine).toFixed(1)}×`);
    console.log('  where the time goes (medians):');
    console.log(`    an empty round trip (GET /v1/health):                       ${ms(health)}`);
    console.log(`    upload + auth + body limit + HMAC + JSON.parse + envelope check (the same body refused at its unknown rule set): ${ms(untilEngine)}`);
    console.log(`    engine + D1 audit insert + response JSON + download (the rest): ${ms(e2e - untilEngine)}`);
    console.log(`      of which the engine itself (as in Node):                 ~${ms(engine)}`);
    console.log(`      of which JSON.stringify of the answer (as in Node):     ~${ms(serialize)}`);
    console.log(`      of which a D1 round trip (GET /v1/audit?limit=1 − health): ~${ms(d1 - health)}`);
    console.log(`      the remainder: moving ${(responseBytes / 1048576).toFixed(1)} MB back through wrangler dev's local proxy, workerd vs Node speed`);
    console.log(`    client side, not in the above: JSON.stringify of the request ${ms(stringify)}, JSON.parse of the answer ${ms(parse)}`);
  } finally {
    await own?.stop();
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
