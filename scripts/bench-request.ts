// `npm run bench:request [-- --sizes 100,250,400,500,1000,2000,5000 --cold 5 --warm 15 --formats full,compact]`
// CPU milliseconds one POST /v1/evaluate costs the Worker, by request size and answer format (the full answer, and
// the compact one the add-in asks for: shared/compact.ts), cold (the first request of a fresh isolate) and warm
// (median after warm-up), and the answer's size in bytes: what the Workers Free plan's 10 ms CPU limit per request is
// measured against. It builds the Worker as `wrangler deploy --dry-run --env production` bundles it and runs that bundle in
// Node (the same V8 as workerd): each cold sample in a fresh process. D1 and the rate limiters are no-op bindings
// here: their time is I/O wait on Cloudflare, not CPU. Prints a table and the largest size whose warm CPU stays
// under half the Free plan's limit (CE_ROWS_PER_REQUEST's default).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { syntheticRows } from './load-rows';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FREE_PLAN_CPU_MS = 10;
const BUDGET_MS = FREE_PLAN_CPU_MS / 2;

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,250,400,500,1000,2000,5000' },
    cold: { type: 'string', default: '5' },
    warm: { type: 'string', default: '15' },
    child: { type: 'string' },
    bundle: { type: 'string' },
    formats: { type: 'string', default: 'full,compact' },
    format: { type: 'string', default: 'full' },
  },
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuMs = (start: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
};

type Sample = { coldMs: number; warmMs: number; answerBytes: number };

/** In a fresh process: import the bundle, time its first request of `rows` rows, then warm requests. */
async function child(bundle: string, rows: number, warmRuns: number, format: string): Promise<Sample> {
  const body = JSON.stringify({ rows: syntheticRows(rows), asOf: '2023-11-01', ...(format === 'full' ? {} : { format }) });
  const ok = { limit: async () => ({ success: true }) };
  const token = randomBytes(32).toString('base64url');
  const db = { prepare: () => ({ bind: () => ({ run: async () => ({ success: true }) }) }) };
  const env = {
    DB: db, RATE_LIMITER: ok, AUTH_FAILURE_LIMITER: ok,
    CE_API_TOKEN: `bench:${token}`, CE_AUDIT_HMAC_KEY: randomBytes(32).toString('hex'), CE_ENV: 'production',
    CE_MAX_ROWS: '5000', CE_MAX_BODY_BYTES: '5242880',
  };
  const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} };
  const request = () => new Request('https://ce.example.org/v1/evaluate', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'CF-Connecting-IP': '192.0.2.1' },
    body,
  });
  let answerBytes = 0;
  const once = async (): Promise<number> => {
    const req = request();
    const t0 = process.cpuUsage();
    const res = await worker.fetch(req, env, ctx);
    const ms = cpuMs(t0);
    if (res.status !== 200) throw new Error(`evaluate answered ${res.status}: ${await res.text()}`);
    answerBytes = (await res.arrayBuffer()).byteLength;
    return ms;
  };
  // module loading is Cloudflare's separate startup budget (`npx wrangler check startup`), not the request's CPU
  const worker = (await import(pathToFileURL(bundle).href)).default as { fetch: (r: Request, e: unknown, c: unknown) => Promise<Response> };
  const coldMs = await once();
  for (let i = 0; i < 10; i++) await once();
  const warm: number[] = [];
  for (let i = 0; i < warmRuns; i++) warm.push(await once());
  return { coldMs, warmMs: median(warm), answerBytes };
}

function buildBundle(outdir: string): string {
  execFileSync(process.execPath, [join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js'), 'deploy', '--dry-run',
    '--env', 'production', '--config', join(root, 'worker', 'wrangler.jsonc'), '--outdir', outdir],
  { stdio: 'ignore', env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' } });
  return join(outdir, 'index.js');
}

async function main(): Promise<void> {
  if (opts.child !== undefined && opts.bundle !== undefined) {
    process.stdout.write(JSON.stringify(await child(opts.bundle, Number(opts.child), Number(opts.warm), opts.format)));
    return;
  }
  const out = mkdtempSync(join(tmpdir(), 'ce-bench-request-'));
  try {
    const bundle = buildBundle(out);
    const raw = statSync(bundle).size;
    console.log(`Worker bundle (wrangler deploy --dry-run --env production): ${(raw / 1024).toFixed(1)} KiB, gzip ${(gzipSync(readFileSync(bundle)).length / 1024).toFixed(1)} KiB`);
    console.log(`CPU ms per POST /v1/evaluate (Node ${process.version}; D1 and rate limits as no-ops): cold = first request of a fresh isolate (median of ${opts.cold}), warm = median of ${opts.warm}; answer KiB as sent`);
    const formats = opts.formats.split(',');
    console.log(`   rows | ${formats.map((f) => `${f} cold ms | ${f} warm ms | ${f} KiB`.padStart(0)).join(' | ')}${formats.length === 2 ? ` | warm ${formats[1]}/${formats[0]} | KiB ${formats[1]}/${formats[0]}` : ''}`);
    const sizes = opts.sizes.split(',').map(Number);
    const recommended = new Map<string, number>(formats.map((f) => [f, 0]));
    for (const rows of sizes) {
      const cells: string[] = [];
      const measured: { warm: number; kib: number }[] = [];
      for (const format of formats) {
        const samples: Sample[] = [];
        for (let i = 0; i < Number(opts.cold); i++) {
          const r = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), fileURLToPath(import.meta.url),
            '--child', String(rows), '--bundle', bundle, '--warm', opts.warm, '--format', format], { encoding: 'utf8' });
          if (r.status !== 0) throw new Error(`bench child failed:\n${r.stderr}`);
          samples.push(JSON.parse(r.stdout) as Sample);
        }
        const cold = median(samples.map((s) => s.coldMs));
        const warm = median(samples.map((s) => s.warmMs));
        const kib = samples[0].answerBytes / 1024;
        if (warm <= BUDGET_MS) recommended.set(format, Math.max(recommended.get(format) ?? 0, rows));
        measured.push({ warm, kib });
        cells.push(`${cold.toFixed(2).padStart(format.length + 8)} | ${warm.toFixed(2).padStart(format.length + 8)} | ${kib.toFixed(1).padStart(format.length + 4)}`);
      }
      const ratios = measured.length === 2
        ? ` | ${(measured[1].warm / measured[0].warm).toFixed(2).padStart(formats[1].length + formats[0].length + 6)} | ${(measured[1].kib / measured[0].kib).toFixed(2).padStart(formats[1].length + formats[0].length + 5)}`
        : '';
      console.log(`${String(rows).padStart(7)} | ${cells.join(' | ')}${ratios}`);
    }
    for (const [format, rows] of recommended) {
      console.log(`${format}: largest size measured with warm CPU ≤ ${BUDGET_MS} ms (half the Free plan's ${FREE_PLAN_CPU_MS} ms): ${rows || 'none'} rows`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
