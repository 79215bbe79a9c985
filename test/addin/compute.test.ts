// Chunked evaluation: request sizes, re-indexing, and the failing chunk named in the error.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/index';
import type { RosterRowInput } from '../../shared/types';
import { LIMITS, jsonBytes } from '../../shared/sheet/chunks';
import { ChunkError, computeAll, planRequestChunks, type Evaluator } from '../../addin/compute/compute';
import { WorkerError } from '../../addin/api/errors';

const roster = (n: number): RosterRowInput[] =>
  Array.from({ length: n }, (_, i) => ({ name: `人员${i}`, platformPublicHours: i % 40, platformProfessionalHours: 60 }));

function localEvaluator(fail?: { call: number; error: Error }): Evaluator & { calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    async evaluate(rows, options) {
      calls.push(rows.length);
      if (fail && calls.length === fail.call) throw fail.error;
      return { ...evaluate(rows, options), batchId: `batch-${calls.length}` };
    },
  };
}

describe('computeAll', () => {
  it('sends at most 5,000 rows a request and merges results in order', async () => {
    const rows = roster(12_001);
    const ev = localEvaluator();
    const progress: number[] = [];
    const out = await computeAll(rows, ev, { asOf: '2023-11-01', firstDataRowNumber: 2, limits: { concurrency: 1 }, onProgress: (p) => progress.push(p.done) });
    expect(ev.calls).toEqual([5000, 5000, 2001]);
    expect(out.results.map((r) => r.index)).toEqual(rows.map((_, i) => i));
    expect(out.results.map((r) => r.status)).toEqual(evaluate(rows, { asOf: '2023-11-01' }).results.map((r) => r.status));
    expect(out.batchIds).toEqual(['batch-1', 'batch-2', 'batch-3']);
    expect(progress).toEqual([0, 5000, 10_000, 12_001]);
  });

  it('keeps each request body under the byte budget with long cells', () => {
    const big = Array.from({ length: 3000 }, (_, i) => ({ name: `人员${i}`, unit: '很长的单位名称'.repeat(200), department: '部门'.repeat(40) }));
    const chunks = planRequestChunks(big);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(jsonBytes({ rows: big.slice(c.start, c.end) })).toBeLessThanOrEqual(LIMITS.maxRequestBytes + 64);
      expect(c.end - c.start).toBeLessThanOrEqual(LIMITS.maxRowsPerRequest);
    }
  });

  it('names the failing chunk, its sheet rows and the cause, and stops there', async () => {
    const ev = localEvaluator({ call: 2, error: new WorkerError('unauthorized', '令牌无效或未填写（401）', 401) });
    const err = await computeAll(roster(12_001), ev, { firstDataRowNumber: 2, limits: { concurrency: 1 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChunkError);
    const ce = err as ChunkError;
    expect([ce.chunkNumber, ce.chunkCount, ce.firstSheetRow, ce.lastSheetRow]).toEqual([2, 3, 5002, 10_001]);
    expect(ce.message).toContain('第 2/3 部分');
    expect(ce.message).toContain('401');
    expect(ce.message).toContain('未写入任何单元格');
    expect(ev.calls).toEqual([5000, 5000]);
  });

  it('stops before the next chunk once cancelled', async () => {
    const controller = new AbortController();
    const ev = localEvaluator();
    const err = await computeAll(roster(12_001), ev, {
      firstDataRowNumber: 2,
      signal: controller.signal,
      limits: { concurrency: 1 },
      onProgress: (p) => p.chunk === 1 && controller.abort(),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChunkError);
    expect((err as Error).message).toContain('已取消');
    expect(ev.calls).toEqual([5000]);
  });
});

describe('computeAll and the Worker rate limit', () => {
  it('waits the Retry-After of a 429 and retries the same chunk', async () => {
    let calls = 0;
    const waits: number[] = [];
    const flaky: Evaluator = {
      async evaluate(rows, options) {
        calls++;
        if (calls === 2) throw new WorkerError('rate_limited', '请求过于频繁（429）', 429, 'RATE_LIMITED', 7);
        return { ...evaluate(rows, options), batchId: `b${calls}` };
      },
    };
    const progress: (number | undefined)[] = [];
    const out = await computeAll(roster(6000), flaky, {
      firstDataRowNumber: 2,
      sleep: async (ms) => void waits.push(ms),
      onProgress: (p) => progress.push(p.waiting),
    });
    expect(out.results).toHaveLength(6000);
    expect(out.batchIds).toEqual(['b1', 'b3']);
    expect(waits).toEqual([7000]);
    expect(progress).toContain(7);
  });

  it('gives up after three retries with the 429 message', async () => {
    const always: Evaluator = {
      evaluate: async () => {
        throw new WorkerError('rate_limited', '请求过于频繁（429），请稍后再试', 429);
      },
    };
    const waits: number[] = [];
    const err = await computeAll(roster(10), always, { firstDataRowNumber: 2, sleep: async (ms) => void waits.push(ms) }).catch((e: unknown) => e);
    expect((err as Error).message).toContain('429');
    expect(waits).toEqual([60_000, 60_000, 60_000]);
  });
});
