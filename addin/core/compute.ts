// Sends the roster to the Worker chunk by chunk and gathers every result before anything is written.
import type { EvaluateResponse, RosterRowInput, RowResult } from '../../shared/types';
import { LIMITS, jsonBytes, planChunksBySize, type Chunk } from './chunks';

export type Evaluator = {
  evaluate(
    rows: RosterRowInput[],
    options: { ruleSet?: string; asOf?: string },
    signal?: AbortSignal,
  ): Promise<EvaluateResponse & { batchId?: string }>;
};

export type ComputeProgress = { done: number; total: number; chunk: number; chunks: number; waiting?: number };

/** A 429 is retried this many times per chunk, after the Worker's Retry-After (default 60 s). */
export const RATE_LIMIT_RETRIES = 3;
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;
const abortableSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('已取消'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(new Error('已取消'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

const isRateLimited = (e: unknown): e is { kind: 'rate_limited'; retryAfter?: number } =>
  typeof e === 'object' && e !== null && (e as { kind?: unknown }).kind === 'rate_limited';

export type ComputeOutcome = {
  results: RowResult[];
  batchIds: string[];
  engineVersion: string;
  ruleSet: string;
  chunks: Chunk[];
};

/** A failed chunk: which one, which sheet rows, and why (the cause's Chinese message). */
export class ChunkError extends Error {
  override readonly name = 'ChunkError';
  constructor(
    readonly chunkNumber: number,
    readonly chunkCount: number,
    readonly firstSheetRow: number,
    readonly lastSheetRow: number,
    override readonly cause: unknown,
  ) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`第 ${chunkNumber}/${chunkCount} 部分（工作表第 ${firstSheetRow}–${lastSheetRow} 行）计算失败：${why}。未写入任何单元格。`);
  }
}

/** Request chunks: at most maxRowsPerRequest rows and maxRequestBytes of JSON each. */
export function planRequestChunks(rows: readonly RosterRowInput[]): Chunk[] {
  return planChunksBySize(
    rows.map((r) => jsonBytes(r) + 1),
    LIMITS.maxRequestBytes,
    LIMITS.maxRowsPerRequest,
  );
}

/**
 * Evaluates every chunk in order. Throws ChunkError on the first failure (and nothing has been written, since
 * writing only starts once this returns). `firstDataSheetRow` is the 1-based sheet row of rows[0], for messages.
 */
export async function computeAll(
  rows: RosterRowInput[],
  evaluator: Evaluator,
  options: {
    ruleSet?: string;
    asOf?: string;
    signal?: AbortSignal;
    firstDataSheetRow: number;
    onProgress?: (p: ComputeProgress) => void;
    /** For tests: how to wait before retrying a 429. */
    sleep?: Sleep;
  },
): Promise<ComputeOutcome> {
  const sleep = options.sleep ?? abortableSleep;
  const chunks = planRequestChunks(rows);
  const results: RowResult[] = [];
  const batchIds: string[] = [];
  let engineVersion = '';
  let ruleSet = '';
  options.onProgress?.({ done: 0, total: rows.length, chunk: 0, chunks: chunks.length });
  for (let i = 0; i < chunks.length; i++) {
    const { start, end } = chunks[i];
    const fail = (cause: unknown): ChunkError =>
      new ChunkError(i + 1, chunks.length, options.firstDataSheetRow + start, options.firstDataSheetRow + end - 1, cause);
    if (options.signal?.aborted) throw fail(new Error('已取消'));
    let answer: (EvaluateResponse & { batchId?: string }) | null = null;
    for (let attempt = 0; answer === null; attempt++) {
      try {
        answer = await evaluator.evaluate(rows.slice(start, end), { ruleSet: options.ruleSet, asOf: options.asOf }, options.signal);
      } catch (e) {
        if (!isRateLimited(e) || attempt >= RATE_LIMIT_RETRIES) throw fail(e);
        const seconds = e.retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS;
        options.onProgress?.({ done: start, total: rows.length, chunk: i, chunks: chunks.length, waiting: seconds });
        try {
          await sleep(seconds * 1000, options.signal);
        } catch (cancelled) {
          throw fail(cancelled);
        }
      }
    }
    if (answer.results.length !== end - start) {
      throw fail(new Error(`答复行数不符：发送 ${end - start} 行，收到 ${answer.results.length} 行`));
    }
    if (ruleSet && answer.ruleSet !== ruleSet) throw fail(new Error(`各批使用的规则不一致（${ruleSet} / ${answer.ruleSet}）`));
    engineVersion = answer.engineVersion;
    ruleSet = answer.ruleSet;
    if (answer.batchId) batchIds.push(answer.batchId);
    for (const r of answer.results) results.push({ ...r, index: r.index + start });
    options.onProgress?.({ done: end, total: rows.length, chunk: i + 1, chunks: chunks.length });
  }
  return { results, batchIds, engineVersion, ruleSet, chunks };
}
