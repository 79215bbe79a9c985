// npm run bench: the engine against JSON.parse of its own request, 100,000 generated rows, median of several runs:
// evaluate() (the full answer, a result object per row) and evaluate + compact encoding (the Worker's
// `"format": "compact"` answer as UTF-8 JSON, written from the engine's columns: shared/compact-json.ts), each
// checked to give today's answer. Times are this thread's CPU time (scripts/thread-cpu.ts: a shared machine's waits
// are not counted), each step measured in this process, alternately, after a full GC, so each pays only for its own
// garbage; the ratios are taken within each run (steadier than a ratio of medians on a loaded machine).
// Then evaluate + compact encoding against JSON.parse of the same rows as the add-in (and the web page and the command
// line) sends them to the Worker by default: minimised, without empty cells, asking for no summary (`"summary": false`:
// the client makes it from all its results), checked to give today's answer without its summary; last, both requests
// cut into requests of the Worker's rowsPerRequest, each parsed and answered on its own (a call's fixed part then counts
// once per request, as in the Worker).
// `npm run bench -- --baseline DIR` also measures another version of the engine (DIR/shared/index.ts, e.g. a
// `git archive <commit> shared package.json | tar -x -C DIR`) in the same run, alternating with this one, and says
// whether both give the same answer, with the ratio of the two times within each run (steadier on a loaded machine);
// the same for evaluate + compact encoding when DIR has shared/compact-json.ts (same bytes, and the ratio within each
// run). DIR: scripts/baseline.ts.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { minimiseRows } from '../addin/compute/minimise';
import { compactAnswer } from '../shared/compact';
import { evaluateCompactJson } from '../shared/compact-json';
import { evaluate, getRuleSet, type EvaluateResponse, type RosterRowInput } from '../shared/index';
import { DEFAULT_ROWS_PER_REQUEST } from '../worker/limit-defaults';
import { baselineDir } from './baseline';
import { generateRows } from './bench-rows';
import { method, threadCpuMs } from './thread-cpu';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
/** Rounds of every path before the runs are measured (see below). */
const WARM_UP = Number(process.env.BENCH_WARMUP ?? 10);
const baselineAt = process.argv.indexOf('--baseline');
const BASELINE = baselineAt > 0 ? process.argv[baselineAt + 1] : undefined;

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

/** The middle half of per-run ratios (first to third quartile), so a reader sees how far runs on this machine spread. */
function middleHalf(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  return `middle half of the runs ${s[Math.floor(s.length / 4)].toFixed(2)}–${s[Math.floor((3 * s.length) / 4)].toFixed(2)}`;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

type Evaluate = (rows: RosterRowInput[], options: { asOf: string }) => EvaluateResponse;
type EvaluateCompact = (rows: RosterRowInput[], options: { asOf: string }) => Uint8Array;
type Engine = { name: string; evaluate: Evaluate; engineMs: number[]; ratios: number[]; windows: [number, number][] };
const engines: Engine[] = [{ name: 'this engine', evaluate, engineMs: [], ratios: [], windows: [] }];
/** The baseline's evaluate + compact encoding, when it has one, and its times. */
let baselineCompact: { run: EvaluateCompact; ms: number[] } | undefined;
/** evaluate + compact encoding, the Worker's path for `"format": "compact"`; and the same answer through row objects. */
const compact = { ms: [] as number[], ratios: [] as number[], windows: [] as [number, number][] };
const viaObjects = { ms: [] as number[], ratios: [] as number[] };
const utf8 = new TextEncoder();
if (BASELINE !== undefined) {
  baselineDir(BASELINE);
  const mod = (await import(pathToFileURL(resolve(BASELINE, 'shared/index.ts')).href)) as { evaluate: Evaluate };
  engines.push({ name: `baseline (${BASELINE})`, evaluate: mod.evaluate, engineMs: [], ratios: [], windows: [] });
  const compactModule = resolve(BASELINE, 'shared/compact-json.ts');
  if (existsSync(compactModule)) {
    const m = (await import(pathToFileURL(compactModule).href)) as { evaluateCompactJson: EvaluateCompact };
    baselineCompact = { run: m.evaluateCompactJson, ms: [] };
  }
}

const rows = generateRows(ROWS);
// a 核对日期 in the default rule set's year (the notice's deadlines not yet passed)
const AS_OF = `${getRuleSet().year}-11-01`;
/** The generated rows' request (POST /v1/evaluate): every cell as generated, the compact answer with its summary. */
const json = JSON.stringify({ asOf: AS_OF, format: 'compact', rows });
/**
 * The same rows as the add-in sends them to the Worker by default (addin/compute/minimise.ts: a row key for the name,
 * no ID number, a row in error sent empty, no empty cells; addin/api/client.ts asks for no summary).
 */
const sent = minimiseRows(rows, { asOf: AS_OF, firstDataRowNumber: 2 }).sent;
const parseRequest = (): RosterRowInput[] => (JSON.parse(json) as { rows: RosterRowInput[] }).rows;
let sink = 0;

/** Bytes the answer keeps alive per row: heap after a full GC with the answer held, minus without it. */
function retainedPerRow(e: Engine, parsed: RosterRowInput[]): number {
  collect();
  const before = process.memoryUsage().heapUsed;
  const res = e.evaluate(parsed, { asOf: AS_OF });
  collect();
  const after = process.memoryUsage().heapUsed;
  sink += res.results.length;
  return (after - before) / ROWS;
}

// Warm up every path until its time settles: a Worker's isolate serves request after request, so the steady state is
// what counts. Measured on 2026-12-07 (100,000 rows, the request as the add-in sends it, `--trace-opt --trace-deopt`):
// V8 was still optimising and deoptimising the engine in its first four calls, which took 383, 293, 189 and 173 ms,
// and the calls settled at 130–135 ms from about the tenth; with three rounds, as before, the first runs measured
// were still in that tail, and JSON.parse (no JIT) was also slower at first (158 → 100 ms) while the heap grew.
for (let i = 0; i < WARM_UP; i++) {
  sink += parseRequest().length;
  for (const e of engines) sink += e.evaluate(rows, { asOf: AS_OF }).results.length;
  sink += evaluateCompactJson(rows, { asOf: AS_OF }).length;
  if (baselineCompact !== undefined) sink += baselineCompact.run(rows, { asOf: AS_OF }).length;
}
/** `run()` after a full GC, and the CPU ms of this thread it took. */
function afterGc<T>(run: () => T): { value: T; ms: number } {
  collect();
  const c0 = threadCpuMs();
  const value = run();
  return { value, ms: threadCpuMs() - c0 };
}

const parseMs: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const { value: parsed, ms: parse } = afterGc(parseRequest);
  parseMs.push(parse);
  // alternate the order so no step always runs first
  const steps: (() => void)[] = engines.map((e) => () => {
    collect();
    const t2 = performance.now();
    const c2 = threadCpuMs();
    const res = e.evaluate(parsed, { asOf: AS_OF });
    const ms = threadCpuMs() - c2;
    e.engineMs.push(ms);
    e.ratios.push(ms / parse);
    e.windows.push([t2, performance.now()]);
    sink += res.summary.total.headcount;
  });
  steps.push(() => {
    collect();
    const t2 = performance.now();
    const c2 = threadCpuMs();
    const text = evaluateCompactJson(parsed, { asOf: AS_OF });
    const ms = threadCpuMs() - c2;
    compact.ms.push(ms);
    compact.ratios.push(ms / parse);
    compact.windows.push([t2, performance.now()]);
    sink += text.length;
  });
  if (baselineCompact !== undefined) {
    const b = baselineCompact;
    steps.push(() => {
      collect();
      const c2 = threadCpuMs();
      const text = b.run(parsed, { asOf: AS_OF });
      b.ms.push(threadCpuMs() - c2);
      sink += text.length;
    });
  }
  steps.push(() => {
    collect();
    const c2 = threadCpuMs();
    const full = evaluate(parsed, { asOf: AS_OF });
    const bytes = utf8.encode(JSON.stringify(compactAnswer(full, parsed, getRuleSet(full.ruleSet))));
    const ms = threadCpuMs() - c2;
    viaObjects.ms.push(ms);
    viaObjects.ratios.push(ms / parse);
    sink += bytes.length;
  });
  for (const step of i % 2 === 0 ? steps : [...steps].reverse()) step();
}
await tick();
await tick();
observer.disconnect();

const p = median(parseMs);
const out = evaluate(rows, { asOf: AS_OF }).summary.total;
console.log(`rows: ${ROWS}, request JSON: ${(json.length / 1e6).toFixed(1)} M UTF-16 chars, runs: ${RUNS} (medians); times: ${method}`);
console.log(`statuses: 达标 ${out.compliant}, 未达标 ${out.short}, 待补材料 ${out.pendingEvidence}, 数据有误 ${out.invalid}`);
console.log(`JSON.parse of the request: ${p.toFixed(1)} ms`);
const parsedOnce = parseRequest();
collect();
const inputBefore = process.memoryUsage().heapUsed;
const inputCopy = parseRequest();
collect();
console.log(`parsed input retained: ${Math.round((process.memoryUsage().heapUsed - inputBefore) / ROWS)} bytes/row`);
sink += inputCopy.length;
/** This engine's evaluate + compact encoding (printed under it, before any baseline). */
function printCompact(): void {
  const ms = median(compact.ms);
  const gc = median(compact.windows.map(([a, b]) => gcWithin(a, b)));
  const ratio = median(compact.ratios);
  const json = evaluateCompactJson(parsedOnce, { asOf: AS_OF });
  const full = evaluate(parsedOnce, { asOf: AS_OF });
  const same = new TextDecoder().decode(json) === JSON.stringify(compactAnswer(full, parsedOnce, getRuleSet(full.ruleSet)));
  console.log(`  evaluate + compact encoding (the Worker's "format": "compact": UTF-8 JSON from the columns): ${ms.toFixed(1)} ms (of which GC ${gc.toFixed(1)} ms), ${(json.length / 1e6).toFixed(1)} MB`);
  console.log(`    ratio (evaluate + compact encoding) / JSON.parse of the request (median of per-run ratios): ${ratio.toFixed(2)} (goal <= 1.00) ${ratio <= 1 ? 'OK' : 'ABOVE GOAL'}; ${middleHalf(compact.ratios)}`);
  console.log(`    same answer as the per-row objects (JSON.stringify(compactAnswer(evaluate(rows)))): ${same ? 'yes' : 'NO'}`);
  console.log(`  the same answer through row objects (evaluate + compactAnswer + JSON.stringify + UTF-8): ${median(viaObjects.ms).toFixed(1)} ms, ratio to JSON.parse ${median(viaObjects.ratios).toFixed(2)}`);
}
for (const e of engines) {
  const ms = median(e.engineMs);
  const gc = median(e.windows.map(([a, b]) => gcWithin(a, b)));
  const ratio = median(e.ratios);
  console.log(`${e.name}:`);
  console.log(`  evaluate (the full answer, a result object per row): ${ms.toFixed(1)} ms (of which GC ${gc.toFixed(1)} ms), ${Math.round((ROWS / ms) * 1000).toLocaleString('en-US')} rows/s`);
  console.log(`    ratio evaluate / JSON.parse of the request (median of per-run ratios): ${ratio.toFixed(2)}`);
  console.log(`    answer retained: ${Math.round(retainedPerRow(e, parsedOnce))} bytes/row`);
  if (e === engines[0]) printCompact();
}
if (engines.length > 1) {
  const [a, b] = engines;
  const same = JSON.stringify(a.evaluate(rows, { asOf: AS_OF })) === JSON.stringify(b.evaluate(rows, { asOf: AS_OF }));
  const speedup = median(b.engineMs) / median(a.engineMs);
  console.log(`same answer as the baseline (JSON): ${same ? 'yes' : 'NO'}; baseline time / this time: ${speedup.toFixed(2)}`);
  // on a loaded machine the time of a run drifts with the load: the ratio of the two engines within each run (they
  // run back to back) is steadier than the ratio of medians
  const paired = a.engineMs.map((ms, i) => b.engineMs[i] / ms).sort((x, y) => x - y);
  console.log(`  per run, baseline / this: median ${median(paired).toFixed(2)} (range ${paired[0].toFixed(2)}–${paired[paired.length - 1].toFixed(2)}); fastest runs: ${Math.min(...b.engineMs).toFixed(1)} / ${Math.min(...a.engineMs).toFixed(1)} ms = ${(Math.min(...b.engineMs) / Math.min(...a.engineMs)).toFixed(2)}`);
}
if (baselineCompact !== undefined) {
  const b = baselineCompact;
  const same = Buffer.from(evaluateCompactJson(rows, { asOf: AS_OF })).equals(Buffer.from(b.run(rows, { asOf: AS_OF })));
  const paired = compact.ms.map((ms, i) => b.ms[i] / ms).sort((x, y) => x - y);
  const ratios = b.ms.map((ms, i) => ms / parseMs[i]);
  console.log(`same compact answer as the baseline (bytes): ${same ? 'yes' : 'NO'}; baseline evaluate + compact encoding ÷ JSON.parse (median of per-run ratios): ${median(ratios).toFixed(2)}`);
  console.log(`  per run, baseline / this (evaluate + compact encoding): median ${median(paired).toFixed(2)} (range ${paired[0].toFixed(2)}–${paired[paired.length - 1].toFixed(2)})`);
}
// The add-in's request (`sent`, no summary), measured the same way.
{
  const sentJson = JSON.stringify({ asOf: AS_OF, format: 'compact', summary: false, rows: sent });
  const sentRows = (): RosterRowInput[] => (JSON.parse(sentJson) as { rows: RosterRowInput[] }).rows;
  for (let i = 0; i < WARM_UP; i++) sink += evaluateCompactJson(sentRows(), { asOf: AS_OF }, false).length;
  const ratios: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const parse = afterGc(sentRows);
    const answer = afterGc(() => evaluateCompactJson(parse.value, { asOf: AS_OF }, false));
    sink += answer.value.length;
    ratios.push(answer.ms / parse.ms);
  }
  const ratio = median(ratios);
  const parsed = sentRows();
  const { summary: _made, ...full } = evaluate(parsed, { asOf: AS_OF });
  const same = new TextDecoder().decode(evaluateCompactJson(parsed, { asOf: AS_OF }, false)) === JSON.stringify(compactAnswer(full, parsed, getRuleSet(full.ruleSet)));
  console.log(`the request as the add-in sends it (minimised, no empty cells, no summary: ${(sentJson.length / 1e6).toFixed(1)} M UTF-16 chars): ratio (evaluate + compact encoding) / JSON.parse (median of per-run ratios): ${ratio.toFixed(2)} (goal <= 1.00) ${ratio <= 1 ? 'OK' : 'ABOVE GOAL'}; ${middleHalf(ratios)}`);
  console.log(`  same answer as the per-row objects' without their summary: ${same ? 'yes' : 'NO'}`);
}
// The same rows as the Worker gets them: in requests of its advertised rowsPerRequest (worker/limit-defaults.ts), each its own
// text, JSON.parse'd and then evaluated + compact-encoded, one request after the other as an isolate serves them (no
// GC forced between them: a request's garbage is collected when V8 decides, and counts where it falls). Each step of
// each request is timed by the wall clock (performance.now: a 250-row step takes a fraction of a millisecond, below
// what this thread's CPU time can resolve), summed over the requests of a run. A call's fixed part then counts once per
// request, as in the Worker, where in one call of 100,000 rows it is spread thin.
{
  const requestRatio = (label: string, all: RosterRowInput[], withSummary: boolean): void => {
    const texts: string[] = [];
    for (let at = 0; at < all.length; at += DEFAULT_ROWS_PER_REQUEST) {
      const part = all.slice(at, at + DEFAULT_ROWS_PER_REQUEST);
      texts.push(JSON.stringify(withSummary ? { asOf: AS_OF, format: 'compact', rows: part } : { asOf: AS_OF, format: 'compact', summary: false, rows: part }));
    }
    /** One pass over the requests: [JSON.parse ms, evaluate + compact encoding ms], each summed. */
    const pass = (): [number, number] => {
      let parseMs = 0;
      let answerMs = 0;
      for (const text of texts) {
        const t0 = performance.now();
        const request = (JSON.parse(text) as { rows: RosterRowInput[] }).rows;
        const t1 = performance.now();
        sink += evaluateCompactJson(request, { asOf: AS_OF }, withSummary).length;
        answerMs += performance.now() - t1;
        parseMs += t1 - t0;
      }
      return [parseMs, answerMs];
    };
    for (let i = 0; i < WARM_UP; i++) pass();
    const ratios: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      collect();
      const [parse, answer] = pass();
      ratios.push(answer / parse);
    }
    const ratio = median(ratios);
    console.log(`  ${label}: ratio (evaluate + compact encoding) / JSON.parse (median of per-run ratios): ${ratio.toFixed(2)} (goal <= 1.00) ${ratio <= 1 ? 'OK' : 'ABOVE GOAL'}; ${middleHalf(ratios)}`);
  };
  console.log(`the same rows in requests of ${DEFAULT_ROWS_PER_REQUEST} rows (the Worker's rowsPerRequest), ${Math.ceil(ROWS / DEFAULT_ROWS_PER_REQUEST)} requests a run, each parsed and answered in turn (wall-clock time of each step, summed):`);
  requestRatio('generated rows, with the summary', rows, true);
  requestRatio('generated rows, no summary', rows, false);
  requestRatio('as the add-in sends them (no summary)', sent, false);
}
if (sink < 0) console.log(sink);
