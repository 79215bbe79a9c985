// npm run bench: the engine against JSON.parse of its own input, 100,000 generated rows, median of several runs.
// Both are measured in this process, alternately, after a full GC, so each pays only for its own garbage.
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { evaluate, type RosterRowInput } from '../shared/index';
import { generateRows } from './bench-rows';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** GC pauses (start, duration) reported by V8, to tell how much of a timed section was garbage collection. */
const gcPauses: [number, number][] = [];
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcPauses.push([e.startTime, e.duration]);
});
observer.observe({ entryTypes: ['gc'] });

function gcWithin(from: number, to: number): number {
  let ms = 0;
  for (const [start, d] of gcPauses) if (start >= from && start < to) ms += d;
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

const rows = generateRows(ROWS);
const json = JSON.stringify(rows);
let sink = 0;

// warm up both paths (JIT)
for (let i = 0; i < 3; i++) {
  sink += (JSON.parse(json) as RosterRowInput[]).length;
  sink += evaluate(rows, { asOf: '2023-11-01' }).results.length;
}
const parseMs: number[] = [];
const engineMs: number[] = [];
const ratios: number[] = [];
const windows: [number, number][] = [];
for (let i = 0; i < RUNS; i++) {
  collect();
  const t0 = performance.now();
  const parsed = JSON.parse(json) as RosterRowInput[];
  const t1 = performance.now();
  collect();
  const t2 = performance.now();
  const res = evaluate(parsed, { asOf: '2023-11-01' });
  const t3 = performance.now();
  parseMs.push(t1 - t0);
  engineMs.push(t3 - t2);
  ratios.push((t3 - t2) / (t1 - t0));
  windows.push([t2, t3]);
  sink += res.summary.total.headcount;
}
await tick();
await tick();
observer.disconnect();

const p = median(parseMs);
const e = median(engineMs);
const gc = median(windows.map(([a, b]) => gcWithin(a, b)));
const out = evaluate(rows, { asOf: '2023-11-01' }).summary.total;
console.log(`rows: ${ROWS}, input JSON: ${(json.length / 1e6).toFixed(1)} M UTF-16 chars, runs: ${RUNS} (medians)`);
console.log(`statuses: 达标 ${out.compliant}, 未达标 ${out.short}, 待补材料 ${out.pendingEvidence}, 数据有误 ${out.invalid}`);
console.log(`JSON.parse: ${p.toFixed(1)} ms`);
console.log(`engine (evaluate incl. summary): ${e.toFixed(1)} ms (of which GC ${gc.toFixed(1)} ms), ${Math.round((ROWS / e) * 1000).toLocaleString('en-US')} rows/s`);
const ratio = median(ratios);
console.log(`ratio engine / JSON.parse (median of per-run ratios): ${ratio.toFixed(2)} (goal <= 1.00) ${ratio <= 1 ? 'OK' : 'ABOVE GOAL'}`);
if (sink < 0) console.log(sink);
