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

export type ComputeProgress = { done: number; total: number; chunk: number; chunks: number };

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
    super(`第 ${chunkNumber}/${chunkCount} 批（工作表第 ${firstSheetRow}–${lastSheetRow} 行）计算失败：${why}。未写入任何单元格。`);
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
  options: { ruleSet?: string; asOf?: string; signal?: AbortSignal; firstDataSheetRow: number; onProgress?: (p: ComputeProgress) => void },
): Promise<ComputeOutcome> {
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
    let answer: EvaluateResponse & { batchId?: string };
    try {
      answer = await evaluator.evaluate(rows.slice(start, end), { ruleSet: options.ruleSet, asOf: options.asOf }, options.signal);
    } catch (e) {
      throw fail(e);
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
