/// <reference types="office-js" />
// `npm run bench:addin [-- --rows 10000,100000] [--worker http://127.0.0.1:8787 --token T] [--rows-per-request N]
//    [--concurrency N] [--latency MS]`
// 计算学时 over the tests' strict Excel simulator (test/support/excel-sim) (strict load/sync, 5 MB payload check) in Node.
// Worker: by default an in-process fake (the engine's evaluate behind the Evaluator interface, so no HTTP);
// with --worker, the real Worker over HTTP. --latency adds a network round trip to the fake; --rows-per-request and
// --concurrency override what the service advertises. Reports wall time, context.sync() calls, requests, payloads.
import { evaluate, getRuleSet } from '../shared/index';
import { WorkerClient } from '../addin/api/client';
import { jsonBytes } from '../shared/sheet/chunks';
import type { Evaluator } from '../addin/compute/compute';
import { sampleRoster, withCheckDigit } from '../addin/template/sample-roster';
import { runCompute } from '../addin/compute/run';
import { WorkbookModel, createExcel } from '../test/support/excel-sim';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const sizes = (arg('rows') ?? '10000,100000').split(',').map(Number);
const workerUrl = arg('worker');
const token = arg('token') ?? '';
const latencyMs = Number(arg('latency') ?? 0);
const limits = {
  ...(arg('rows-per-request') ? { maxRowsPerRequest: Number(arg('rows-per-request')) } : {}),
  ...(arg('concurrency') ? { concurrency: Number(arg('concurrency')) } : {}),
};

function buildWorkbook(n: number): WorkbookModel {
  const model = new WorkbookModel();
  const sheet = model.addSheet('花名册');
  const { headers, rows } = sampleRoster();
  headers.forEach((h, c) => sheet.set(0, c, h));
  for (let r = 0; r < n; r++) {
    const src = rows[r % rows.length];
    for (let c = 0; c < src.length; c++) {
      // names and ID numbers made unique per row: a repeated ID number is 数据有误 (docs/rules.md §9)
      const v = c === 0 ? `${String(src[0])}${r}` : c === 1 && src[1] ? withCheckDigit(`3704021980${String(r).padStart(7, '0')}`) : src[c];
      if (v !== '' && v !== null && v !== undefined) sheet.set(r + 1, c, v as string | number | boolean);
    }
  }
  return model;
}

type Measured = Evaluator & { requests: number; maxBody: number; maxAnswer: number; ms: number; rowsPerRequest: number };

function measured(inner: Evaluator): Measured {
  const m: Measured = {
    requests: 0,
    maxBody: 0,
    maxAnswer: 0,
    ms: 0,
    rowsPerRequest: 0,
    limits: inner.limits ? (signal) => inner.limits!(signal) : undefined,
    async evaluate(rows, options, signal) {
      m.requests++;
      m.rowsPerRequest = Math.max(m.rowsPerRequest, rows.length);
      m.maxBody = Math.max(m.maxBody, jsonBytes({ rows, ...options }));
      const t = performance.now();
      const answer = await inner.evaluate(rows, options, signal);
      m.ms += performance.now() - t;
      m.maxAnswer = Math.max(m.maxAnswer, jsonBytes(answer));
      return answer;
    },
  };
  return m;
}

const inProcess: Evaluator = {
  evaluate: async (rows, options) => {
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
    return { ...evaluate(rows, options), batchId: 'local' };
  },
};
const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(2)} MB`;

async function main(): Promise<void> {
  console.log(
    `Service: ${workerUrl ? `real, ${workerUrl}` : `in-process fake (engine evaluate, ${latencyMs} ms latency)`}; limits ${JSON.stringify(limits)}; Excel: simulated workbook (5 MB per sync enforced)`,
  );
  const table: Record<string, string | number>[] = [];
  for (const n of sizes) {
    const model = buildWorkbook(n);
    model.resetStats();
    const ev = measured(workerUrl ? new WorkerClient({ baseUrl: workerUrl, token, timeoutMs: 300_000 }) : inProcess);
    const phases: Record<string, number> = {};
    let last = performance.now();
    let phase = '';
    const t0 = performance.now();
    const out = await runCompute(
      {
        evaluator: ev,
        asOf: `${getRuleSet().year}-11-01`,
        limits,
        onProgress: (p) => {
          if (p.phase !== phase) {
            const now = performance.now();
            if (phase) phases[phase] = (phases[phase] ?? 0) + now - last;
            phase = p.phase;
            last = now;
          }
        },
      },
      createExcel(model).run,
    );
    const total = performance.now() - t0;
    phases[phase] = (phases[phase] ?? 0) + performance.now() - last;
    if (out.kind !== 'done') throw new Error(`preflight stopped the run: ${JSON.stringify(out.preflight)}`);
    const s = model.stats;
    table.push({
      rows: n,
      'wall s': +(total / 1000).toFixed(2),
      'read s': +((phases.read ?? 0) / 1000).toFixed(2),
      'compute s': +((phases.compute ?? 0) / 1000).toFixed(2),
      'write s': +((phases.write ?? 0) / 1000).toFixed(2),
      'context.sync()': s.syncs,
      'write chunks': out.writeChunks,
      requests: ev.requests,
      'rows/request': ev.rowsPerRequest,
      'max Excel request': mb(s.maxRequestBytes),
      'max Excel response': mb(s.maxResponseBytes),
      'max body': mb(ev.maxBody),
      'max answer': mb(ev.maxAnswer),
      达标: out.counts.compliant,
      未达标: out.counts.short,
      数据有误: out.counts.invalid,
    });
  }
  console.table(table);
}

void main();
