/// <reference types="custom-functions-runtime" />
// Benchmark of the custom functions (npm run bench:functions): 10,000 calls of CEHOURS, one row each, and one
// spilled CEHOURS over 10,000 rows; prints the time per row of each. Not a test: numbers go in docs/developer-guide.md (Benchmarks).
// The functions run as in Excel's shared runtime, minus Excel: a stand-in CustomFunctions global.
import { performance } from 'node:perf_hooks';
import examples from '../test/fixtures/examples.json';
import { HEADERS } from '../shared/index';
import type { CellValue, RosterRowInput } from '../shared/types';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
(globalThis as Record<string, unknown>).CustomFunctions = {
  Error: StandInError,
  ErrorCode: { invalidValue: '#VALUE!' },
  associate: () => undefined,
};

type Fn = (row: unknown[][], headers?: unknown[][]) => unknown[][];

/** A varied roster: the worked examples with hours shifted per row, one name per row (one in 16 rows is 数据有误). */
function roster(n: number): CellValue[][] {
  const base = (examples as unknown as { row: RosterRowInput }[]).map((e) => e.row).filter((r) => Object.keys(r).length > 0);
  return Array.from({ length: n }, (_, i) => {
    const row: RosterRowInput = { ...base[i % base.length], name: `人员${i}`, unit: `单位${i % 7}`, department: `部门${i % 5}` };
    if (typeof row.platformProfessionalHours === 'number') row.platformProfessionalHours += i % 13;
    return HEADERS.map((h) => row[h.key] ?? null);
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const { ceHours } = (await import('../addin/functions/functions')) as { ceHours: Fn };
  const rows = roster(ROWS);
  const headers = [HEADERS.map((h) => h.zh)];
  let sink = 0;
  const consume = (out: unknown[][]): void => {
    for (const line of out) if (typeof line[0] === 'number') sink += line[0];
  };
  const oneByOne = (): void => {
    for (const row of rows) {
      try {
        consume(ceHours([row], headers));
      } catch (e) {
        if (!(e instanceof StandInError)) throw e; // a 数据有误 row: #VALUE!, as in Excel
      }
    }
  };
  const spilled = (): void => consume(ceHours(rows, headers));

  oneByOne(); // warm-up (JIT, header cache)
  spilled();
  const perCall: number[] = [];
  const perSpill: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let t = performance.now();
    oneByOne();
    perCall.push(performance.now() - t);
    t = performance.now();
    spilled();
    perSpill.push(performance.now() - t);
  }
  const callMs = median(perCall);
  const spillMs = median(perSpill);
  const us = (ms: number): string => ((ms * 1000) / ROWS).toFixed(1);
  console.log(`node ${process.version}, ${ROWS} rows × ${HEADERS.length} columns, median of ${ROUNDS} rounds (checksum ${sink})`);
  console.log(`CEHOURS, ${ROWS} calls of one row : ${callMs.toFixed(1)} ms total, ${us(callMs)} µs per row`);
  console.log(`CEHOURS, one spilled call         : ${spillMs.toFixed(1)} ms total, ${us(spillMs)} µs per row`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
