// npm run bench:instructions: the engine against JSON.parse of its request in machine instructions per row, a figure
// that does not move with the machine's load (`npm run bench` times the same steps, and on this shared machine the
// same code measures ±10 % from one run to the next, too much to see a change of a few per cent).
//
// How: each step runs in its own `node --single-threaded --predictable` under valgrind's cachegrind (instructions
// only, no cache simulation): V8 then compiles and collects garbage on the main thread at the same points every time,
// and two runs of one build give the same count to a few instructions in a billion. A step runs REPS and 3 × REPS
// times over ROWS rows; the difference of the two counts, divided by 2 × REPS × ROWS, is what one row costs once the
// code is compiled (start-up, compilation and warm-up cancel out). The rows are `npm run bench`'s first ROWS as the
// add-in sends them (and, with --generated, as generated), handed over as the request's text: the steps work on the
// measured process's first JSON.parse of them, as a fresh Worker's first request does.
// Instructions are not time (JSON.parse waits on memory more than the engine does: its time ratio is lower). Two
// builds compare exactly within a function, but V8's decisions (what it compiles when, what it inlines) move the
// counts by a few per cent when code moves between functions (docs/benchmark-log.md, 2026-12-07, a third session):
// confirm such a change in time (`npm run bench -- --baseline DIR`).
//
// `npm run bench:instructions -- --baseline DIR` also counts another version of the engine (DIR: scripts/baseline.ts),
// the same way. Needs valgrind (`apt-get install valgrind`); takes a few minutes (two processes at a time).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { minimiseRows } from '../addin/compute/minimise';
import { getRuleSet } from '../shared/index';
import { baselineDir } from './baseline';
import { generateRows } from './bench-rows';

const run = promisify(execFile);
const ROWS = Number(process.env.BENCH_ROWS ?? 2000);
const REPS = Number(process.env.BENCH_REPS ?? 40);
const argAfter = (flag: string): string | undefined => {
  const at = process.argv.indexOf(flag);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const BASELINE = argAfter('--baseline');
const GENERATED = process.argv.includes('--generated');

try {
  await run('valgrind', ['--version']);
} catch {
  console.error('npm run bench:instructions needs valgrind (Debian: apt-get install valgrind)');
  process.exit(1);
}

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'bench-instructions-'));
const AS_OF = `${getRuleSet().year}-11-01`;

/** The engine of `dir` (its shared/) as one ES module exporting the three steps' functions. */
async function bundle(dir: string, name: string): Promise<string> {
  const entry = join(work, `${name}-entry.ts`);
  writeFileSync(entry, `export { evaluateCompactJson } from ${JSON.stringify(resolve(dir, 'shared/compact-json'))};\n`
    + `export { evaluate } from ${JSON.stringify(resolve(dir, 'shared/index'))};\n`);
  const out = join(work, `${name}.mjs`);
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'error' });
  return out;
}

// The measured process: the request's text, its first JSON.parse, then one step REPS times.
const child = join(work, 'step.mjs');
writeFileSync(child, `import { readFileSync } from 'node:fs';
const [engine, requestFile, step, reps] = process.argv.slice(2);
const m = await import(engine);
const text = readFileSync(requestFile, 'utf8');
const rows = JSON.parse(text).rows;
const asOf = ${JSON.stringify(AS_OF)};
const steps = {
  parse: () => JSON.parse(text).rows.length,
  compact: () => m.evaluateCompactJson(rows, { asOf }).length,
  evaluate: () => m.evaluate(rows, { asOf }).results.length,
};
let sink = 0;
for (let i = 0; i < Number(reps); i++) sink += steps[step]();
if (sink < 0) console.log(sink);
`);

/** The request text of `rows` as POST /v1/evaluate gets it. */
function requestFile(name: string, rows: unknown[]): string {
  const file = join(work, `${name}.json`);
  writeFileSync(file, JSON.stringify({ asOf: AS_OF, format: 'compact', rows }));
  return file;
}

async function instructions(engine: string, request: string, step: string, reps: number): Promise<number> {
  const { stderr } = await run('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null',
    process.execPath, '--single-threaded', '--predictable', child, engine, request, step, String(reps)], { maxBuffer: 1 << 24 });
  const line = /I\s+refs:\s+([\d,]+)/.exec(stderr);
  if (line === null) throw new Error(`valgrind gave no instruction count:\n${stderr}`);
  return Number(line[1].replaceAll(',', ''));
}

/** Instructions per row of one step: (count at 3 × REPS − count at REPS) / (2 × REPS × ROWS); both runs at once. */
async function perRow(engine: string, request: string, step: string): Promise<number> {
  const [few, many] = await Promise.all([instructions(engine, request, step, REPS), instructions(engine, request, step, 3 * REPS)]);
  return (many - few) / (2 * REPS * ROWS);
}

try {
  const engines: [string, string][] = [['this engine', await bundle(root, 'this')]];
  if (BASELINE !== undefined) engines.push([`baseline (${BASELINE})`, await bundle(baselineDir(BASELINE), 'baseline')]);
  const generated = generateRows(ROWS);
  const requests: [string, string][] = [['the request as the add-in sends it', requestFile('sent', minimiseRows(generated, { asOf: AS_OF, firstDataRowNumber: 2 }).sent)]];
  if (GENERATED) requests.push(['the generated rows', requestFile('generated', generated)]);
  console.log(`rows: ${ROWS} a call, ${REPS} and ${3 * REPS} calls; instructions per row (valgrind, node --single-threaded --predictable)`);
  for (const [what, request] of requests) {
    const parse = await perRow(engines[0][1], request, 'parse');
    console.log(`${what}: JSON.parse ${Math.round(parse)}`);
    for (const [name, engine] of engines) {
      const compact = await perRow(engine, request, 'compact');
      const full = await perRow(engine, request, 'evaluate');
      console.log(`  ${name}: evaluate + compact encoding ${Math.round(compact)} (÷ JSON.parse ${(compact / parse).toFixed(2)}), `
        + `evaluate (the full answer) ${Math.round(full)} (÷ JSON.parse ${(full / parse).toFixed(2)})`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
