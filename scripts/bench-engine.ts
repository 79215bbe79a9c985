// npm run bench: the engine against JSON.parse of its own input, 100,000 generated rows, median of several runs.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { evaluate, type RosterRowInput } from '../shared/index';
import { generateRows } from './bench-rows';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

// A full collection before each timed section, so neither side pays for the other's garbage.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const rows = generateRows(ROWS);
const json = JSON.stringify(rows);
let sink = 0;

// warm up both paths (JIT), then alternate measurements so both see the same machine load
for (let i = 0; i < 3; i++) {
  sink += (JSON.parse(json) as RosterRowInput[]).length;
  sink += evaluate(rows, { asOf: '2023-11-01' }).results.length;
}
const parseMs: number[] = [];
const engineMs: number[] = [];
for (let i = 0; i < RUNS; i++) {
  collect();
  let t = performance.now();
  const parsed = JSON.parse(json) as RosterRowInput[];
  parseMs.push(performance.now() - t);
  collect();
  t = performance.now();
  const res = evaluate(parsed, { asOf: '2023-11-01' });
  engineMs.push(performance.now() - t);
  sink += res.summary.total.headcount;
}

const p = median(parseMs);
const e = median(engineMs);
const out = evaluate(rows, { asOf: '2023-11-01' }).summary.total;
console.log(`rows: ${ROWS}, input JSON: ${(json.length / 1e6).toFixed(1)} MB (UTF-16 chars), runs: ${RUNS} (median)`);
console.log(`statuses: 达标 ${out.compliant}, 未达标 ${out.short}, 待补材料 ${out.pendingEvidence}, 数据有误 ${out.invalid}`);
console.log(`JSON.parse: ${p.toFixed(1)} ms`);
console.log(`engine (evaluate incl. summary): ${e.toFixed(1)} ms, ${Math.round((ROWS / e) * 1000).toLocaleString('en-US')} rows/s`);
console.log(`ratio engine / JSON.parse: ${(e / p).toFixed(2)} (goal <= 1.00) ${e / p <= 1 ? 'OK' : 'ABOVE GOAL'}`);
if (sink < 0) console.log(sink);
