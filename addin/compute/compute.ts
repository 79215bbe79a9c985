// Sends the roster to the 计算服务 part by part and gathers every result before anything is written. The one
// request path of 计算学时 and 年度汇总: parts sized from the service's own limits (GET /v1/health), a few
// requests in flight at once, 429 waited out, and a part the service cannot take (413, 503, a CPU-limit answer,
// a dropped connection) halved and retried a bounded number of times before the run stops with a Chinese reason.
// Each request asks for the compact answer, which the client expands (addin/api/client.ts, shared/compact.ts).
import type { EvaluatedRows, RosterRowInput, RowResult } from '../../shared/types';
import { jsonBytes, planChunksBySize, requestLimitsFrom, type Chunk, type RequestLimits, type ServiceLimits } from '../../shared/sheet/chunks';
import { mergeResult, minimiseRows, sentCells } from './minimise';

export type Evaluator = {
  evaluate(
    rows: RosterRowInput[],
    options: { ruleSet?: string; asOf?: string },
    signal?: AbortSignal,
  ): Promise<EvaluatedRows & { batchId?: string }>;
  /** The service's advertised limits (GET /v1/health), or null when it does not say. */
  limits?(signal?: AbortSignal): Promise<ServiceLimits | null>;
  /** The service's address: a run's results are kept for 年度汇总 only when it is known (last-run.ts). */
  readonly service?: string;
};

export type ComputeProgress = {
  done: number;
  total: number;
  /** Parts finished so far, of `chunks`. */
  chunk: number;
  chunks: number;
  /** Seconds the service asked to wait (429). */
  waiting?: number;
  /** A Chinese note while a part is being split and retried. */
  note?: string;
};

/** A 429 is retried this many times per part, after the service's Retry-After (default 60 s). */
export const RATE_LIMIT_RETRIES = 3;
export const DEFAULT_RETRY_AFTER_SECONDS = 60;
/** A part the service cannot take is halved at most this many times (down to 1/16 of it) before giving up. */
export const MAX_HALVINGS = 4;

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

type Failure = { kind?: string; status?: number; retryAfter?: number; message?: string };
const failureOf = (e: unknown): Failure => (typeof e === 'object' && e !== null ? (e as Failure) : {});

/** Failures a smaller request can get past: too large, the service's resource limit, a dropped connection. */
const SHRINKABLE = new Set(['too_large', 'overloaded', 'network']);

/** Why a part still failed after being split `halvings` times, in a clerk's words. */
export function givingUpReason(e: unknown, halvings: number): string {
  const f = failureOf(e);
  const base = e instanceof Error ? e.message : String(e);
  if (halvings === 0) return base;
  const tried = `已把这一部分拆小重试 ${halvings} 次仍失败`;
  switch (f.kind) {
    case 'too_large':
      return `${base}；${tried}，请管理员检查计算服务的行数和大小上限`;
    case 'overloaded':
      return `${base}；${tried}：计算服务可能达到了所用云服务套餐每次请求的计算时间上限，请稍后再试，或请管理员调低每次请求的行数或升级套餐`;
    default:
      return `${base}；${tried}，请检查网络后再试`;
  }
}

export type ComputeOutcome = {
  results: RowResult[];
  batchIds: string[];
  engineVersion: string;
  ruleSet: string;
  /** The parts as first planned. */
  chunks: Chunk[];
  /** Requests that returned results (more than chunks.length when parts were split). */
  requests: number;
  limits: RequestLimits;
};

/** A failed part: which one, which sheet rows, and why (the cause's Chinese message unless `why` says more). */
export class ChunkError extends Error {
  override readonly name = 'ChunkError';
  constructor(
    readonly chunkNumber: number,
    readonly chunkCount: number,
    readonly firstSheetRow: number,
    readonly lastSheetRow: number,
    override readonly cause: unknown,
    why?: string,
  ) {
    const reason = why ?? (cause instanceof Error ? cause.message : String(cause));
    super(`第 ${chunkNumber}/${chunkCount} 部分（工作表第 ${firstSheetRow}–${lastSheetRow} 行）计算失败：${reason}。未写入任何单元格。`);
  }
}

/** Request parts: at most maxRowsPerRequest rows and maxRequestBytes of JSON each. */
export function planRequestChunks(rows: readonly RosterRowInput[], limits: RequestLimits = requestLimitsFrom(null)): Chunk[] {
  return planChunksBySize(
    rows.map((r) => jsonBytes(r) + 1),
    limits.maxRequestBytes,
    limits.maxRowsPerRequest,
  );
}

export type ComputeOptions = {
  ruleSet?: string;
  asOf?: string;
  signal?: AbortSignal;
  /** 1-based sheet row of rows[0], for messages. */
  firstDataRowNumber: number;
  onProgress?: (p: ComputeProgress) => void;
  /** Send names and ID numbers to the service (the user opted in); by default they stay in the workbook. */
  sendPersonalData?: boolean;
  /** Overrides what the service advertises (tests, bench). */
  limits?: Partial<RequestLimits>;
  /** For tests: how to wait before retrying a 429. */
  sleep?: Sleep;
};

/**
 * Evaluates every part, a few at a time. Throws ChunkError on the first part that fails for good (and nothing has
 * been written, since writing only starts once this returns); the other requests in flight are abandoned.
 */
export async function computeAll(rows: RosterRowInput[], evaluator: Evaluator, options: ComputeOptions): Promise<ComputeOutcome> {
  const sleep = options.sleep ?? abortableSleep;
  const advertised = evaluator.limits ? await evaluator.limits(options.signal).catch(() => null) : null;
  const limits: RequestLimits = { ...requestLimitsFrom(advertised), ...options.limits };
  // by default the service sees no name and no ID number (minimise.ts); the local engine does that part
  const minimised = options.sendPersonalData ? null : minimiseRows(rows, { ruleSet: options.ruleSet, asOf: options.asOf, firstDataRowNumber: options.firstDataRowNumber });
  const toSend = minimised ? minimised.sent : rows.map((row) => sentCells(row));
  const chunks = planRequestChunks(toSend, limits);
  const total = rows.length;
  const results: RowResult[] = new Array<RowResult>(total);
  const batchIds: { start: number; id: string }[] = [];
  let engineVersion = '';
  let ruleSet = '';
  let done = 0;
  let finished = 0;
  let requests = 0;
  let failure: ChunkError | null = null;
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  options.signal?.addEventListener('abort', onAbort);
  if (options.signal?.aborted) stop.abort();
  const progress = (extra: Partial<ComputeProgress> = {}): void =>
    options.onProgress?.({ done, total, chunk: finished, chunks: chunks.length, ...extra });
  const sheetRow = (i: number): number => options.firstDataRowNumber + i;

  /** Evaluates rows [start, end) of part `n`, halving it on a failure a smaller request can get past. */
  const evaluatePart = async (n: number, start: number, end: number, halvings: number): Promise<void> => {
    const fail = (cause: unknown, why?: string): ChunkError => new ChunkError(n + 1, chunks.length, sheetRow(start), sheetRow(end - 1), cause, why);
    let answer: (EvaluatedRows & { batchId?: string }) | null = null;
    for (let attempt = 0; answer === null; attempt++) {
      if (stop.signal.aborted) throw fail(new Error('已取消'));
      try {
        answer = await evaluator.evaluate(toSend.slice(start, end), { ruleSet: options.ruleSet, asOf: options.asOf }, stop.signal);
      } catch (e) {
        if (stop.signal.aborted) throw fail(new Error('已取消'));
        const f = failureOf(e);
        if (f.kind === 'rate_limited' && attempt < RATE_LIMIT_RETRIES) {
          const seconds = f.retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS;
          progress({ waiting: seconds, note: `计算服务要求稍候（429），${seconds} 秒后重试第 ${n + 1} 部分` });
          try {
            await sleep(seconds * 1000, stop.signal);
          } catch (cancelled) {
            throw fail(cancelled);
          }
          continue;
        }
        if (f.kind && SHRINKABLE.has(f.kind) && end - start > 1 && halvings < MAX_HALVINGS) {
          const mid = start + Math.ceil((end - start) / 2);
          progress({ note: `计算服务未能处理第 ${n + 1} 部分（${f.status ? `HTTP ${f.status}` : '连接中断'}），正在拆成更小的请求重试` });
          await evaluatePart(n, start, mid, halvings + 1);
          await evaluatePart(n, mid, end, halvings + 1);
          return;
        }
        throw fail(e, givingUpReason(e, halvings));
      }
    }
    if (answer.results.length !== end - start) {
      throw fail(new Error(`答复行数不符：发送 ${end - start} 行，收到 ${answer.results.length} 行`));
    }
    if (ruleSet && answer.ruleSet !== ruleSet) throw fail(new Error(`各部分使用的规则不一致（${ruleSet} / ${answer.ruleSet}）`));
    if (engineVersion && answer.engineVersion !== engineVersion) {
      throw fail(new Error(`计算服务在计算过程中更新了版本（${engineVersion} / ${answer.engineVersion}），请重新计算`));
    }
    engineVersion = answer.engineVersion;
    ruleSet = answer.ruleSet;
    requests++;
    if (answer.batchId) batchIds.push({ start, id: answer.batchId });
    for (const r of answer.results) results[start + r.index] = { ...r, index: start + r.index };
    done += end - start;
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chunks.length && !failure) {
      const n = next++;
      try {
        await evaluatePart(n, chunks[n].start, chunks[n].end, 0);
        finished++;
        progress();
      } catch (e) {
        if (!failure) {
          failure = e instanceof ChunkError ? e : new ChunkError(n + 1, chunks.length, sheetRow(chunks[n].start), sheetRow(chunks[n].end - 1), e);
          stop.abort();
        }
      }
    }
  };
  progress();
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limits.concurrency, chunks.length)) }, worker));
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  if (failure) throw failure;
  if (minimised) {
    if (minimised.local.ruleSet !== ruleSet && total > 0) {
      const why = new Error(`计算服务使用的规则（${ruleSet}）与本机的规则（${minimised.local.ruleSet}）不同，请管理员统一版本`);
      throw new ChunkError(1, chunks.length, sheetRow(0), sheetRow(total - 1), why);
    }
    for (let i = 0; i < total; i++) results[i] = mergeResult(minimised.local.results[i], results[i]);
  }
  return { results, batchIds: batchIds.sort((a, b) => a.start - b.start).map((b) => b.id), engineVersion, ruleSet, chunks, requests, limits };
}
