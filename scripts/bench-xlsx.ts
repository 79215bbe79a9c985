// `npm run bench:xlsx [-- --rows 10000,100000] [--skip-page] [--skip-cli] [--skip-libreoffice]`
// A generated roster .xlsx through the command line (its own Node process, as `npm run roster` runs it: all sheets),
// through the web page (built dist/index.html in Chromium with a 1 GB JavaScript heap, a real file chooser), and
// LibreOffice's own open + save of the same file (`soffice --headless --convert-to xlsx`), measured in the same run:
// wall seconds and peak memory (max RSS; the page's JS heap, sampled every 100 ms).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { getRuleSet } from '../shared/index';
import { buildCli } from './build-cli';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
// a 核对日期 in the default rule set's year (the notice's deadlines not yet passed)
const AS_OF = `${getRuleSet().year}-11-01`;
const dir = join(root, 'test', 'artifacts', 'bench-xlsx');

/** Milliseconds, except peakMb; cpu = CPU time spent (user + system, or the page's main-thread task time). */
type Figures = { read: number; compute: number; write: number; total: number; cpu: number; peakMb: number };
const s = (ms: number): string => (ms / 1000).toFixed(1);

/** In a child process: the command line's own pipeline, phase by phase. Prints one JSON line. */
async function child(input: string, out: string): Promise<void> {
  await import('../xlsx/node-codec');
  const { openRoster } = await import('../xlsx/roster-file');
  const { checkRoster } = await import('../xlsx/check-roster');
  const { writeFile } = await import('node:fs/promises');
  const { concatBytes } = await import('../xlsx/zip/zip-write');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const opened = await openRoster('bench.xlsx', new Uint8Array(readFileSync(input)));
  const t1 = performance.now();
  let computed = 0;
  const outcome = await checkRoster(opened, {
    asOf: AS_OF,
    onProgress: (p) => {
      if (p.phase === 'write' && computed === 0) computed = performance.now();
    },
  });
  await writeFile(out, concatBytes(outcome.file));
  const t2 = performance.now();
  const figures: Figures = {
    read: t1 - t0,
    compute: computed - t1,
    write: t2 - computed,
    total: t2 - t0,
    cpu: (() => {
      const u = process.cpuUsage(cpu0);
      return (u.user + u.system) / 1000;
    })(),
    peakMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

function runChild(input: string, out: string): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', input, out], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    p.stdout.on('data', (d: Buffer) => (text += d.toString()));
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(text.trim().split('\n').pop() ?? '{}') as Figures) : reject(new Error(`bench child exit ${code}`))));
  });
}

/** The whole `npm run roster` command (bin/ce-roster.mjs: the bundle, start-up included), wall time and max RSS from /usr/bin/time. */
function runCli(input: string, out: string): Promise<{ wall: number; cpu: number; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn('/usr/bin/time', ['-f', '%M %U %S', process.execPath, join(root, 'bin/ce-roster.mjs'), input, '--out', out, '--as-of', AS_OF, '--force'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`roster exit ${code}: ${err}`));
      const [kb, user, sys] = (err.trim().split('\n').pop() ?? '').split(' ').map(Number);
      resolve({ wall: performance.now() - t0, cpu: (user + sys) * 1000, peakMb: kb / 1024 });
    });
  });
}

/** LibreOffice's open + save of the same file (a fresh profile, so no start-up cache helps it): wall and max RSS. */
function runLibreOffice(input: string, outDir: string): Promise<{ wall: number; cpu: number; peakMb: number } | null> {
  return new Promise((resolve) => {
    const profile = join(outDir, 'lo-profile');
    rmSync(profile, { recursive: true, force: true });
    const t0 = performance.now();
    const p = spawn('/usr/bin/time', ['-f', '%M %U %S', 'soffice', '--headless', '--invisible', `-env:UserInstallation=file://${profile}`, '--convert-to', 'xlsx', '--outdir', join(outDir, 'libreoffice'), input], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', () => resolve(null));
    p.on('exit', (code) => {
      if (code !== 0) return resolve(null);
      const [kb, user, sys] = (err.trim().split('\n').pop() ?? '').split(' ').map(Number);
      resolve({ wall: performance.now() - t0, cpu: (user + sys) * 1000, peakMb: kb / 1024 });
    });
  });
}

/** The page's figures come from test/e2e/bench-page.ts in its own process (it needs the DOM typings). */
function page(input: string, n: number): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/e2e/bench-page.ts'), input, String(n), dir], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    p.stdout.on('data', (d: Buffer) => (text += d.toString()));
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(text.trim().split('\n').pop() ?? '{}') as Figures) : reject(new Error(`page bench exit ${code}`))));
  });
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3], process.argv[4]);
  const sizes = (arg('rows') ?? '10000,100000').split(',').map(Number);
  mkdirSync(dir, { recursive: true });
  const { largeRoster, saveRoster } = await import('../test/xlsx/rosters');
  // the command line as `npm run build` and `npm install` leave it (bin/ce-roster.mjs runs it while it is fresh)
  if (!process.argv.includes('--skip-cli')) await buildCli();
  if (!process.argv.includes('--skip-page')) await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'error' });
  const lines: string[] = [];
  for (const n of sizes) {
    const input = join(dir, `roster-${n}.xlsx`);
    if (!existsSync(input)) await saveRoster(largeRoster(n), input);
    const mb = (statSync(input).size / 1024 / 1024).toFixed(1);
    if (!process.argv.includes('--skip-libreoffice')) {
      // first: a LibreOffice start-up warms the disk cache for what follows, not the other way round
      const lo = await runLibreOffice(input, dir);
      lines.push(lo ? `${n} rows (${mb} MB)  LibreOffice open + save: ${s(lo.wall)} s wall (CPU ${s(lo.cpu)} s), peak RSS ${lo.peakMb.toFixed(0)} MB` : `${n} rows  LibreOffice: not installed (apt-get install libreoffice-calc-nogui), not measured`);
    }
    if (!process.argv.includes('--skip-cli')) {
      const out = join(dir, `cli-${n}.xlsx`);
      const cli = await runCli(input, out);
      lines.push(`${n} rows (${mb} MB)  npm run roster: ${s(cli.wall)} s wall incl. start-up (CPU ${s(cli.cpu)} s), peak RSS ${cli.peakMb.toFixed(0)} MB`);
      const f = await runChild(input, out);
      lines.push(`${n} rows  CLI pipeline: read ${s(f.read)} s, compute ${s(f.compute)} s, write ${s(f.write)} s, total ${s(f.total)} s (CPU ${s(f.cpu)} s), peak RSS ${f.peakMb.toFixed(0)} MB`);
      rmSync(out, { force: true });
    }
    if (!process.argv.includes('--skip-page')) {
      const f = await page(input, n);
      lines.push(`${n} rows  page (Chromium, 1 GB JS heap): read ${s(f.read)} s, compute ${s(f.compute)} s, write ${s(f.write)} s, total ${s(f.total)} s (main-thread busy ${s(f.cpu)} s), peak JS heap ${f.peakMb.toFixed(0)} MB`);
    }
    process.stdout.write(`${lines.splice(0).join('\n')}\n`);
  }
  process.stdout.write(`(load average now: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores)\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
