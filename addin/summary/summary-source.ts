// Where the summary's numbers come from. With a 计算服务 address and token, the results of the last 计算学时 when the
// roster, the settings and the service's engine version are the same (compute/last-run.ts: no request sent), else the
// roster goes the same way as 计算学时 (computeAll: request sizing, retries, the same errors); the engine's
// summarize() turns the service's results into the Summary. The bundled engine (the same code the service runs) is
// used only when the service is not configured or cannot be reached; any other failure (413, 401, a bad answer…) is
// reported, never masked.
import { DEFAULT_RULE_SET, evaluate, summarize } from '../../shared/index';
import type { RosterRowInput, Summary } from '../../shared/types';
import { WorkerClient } from '../api/client';
import type { FetchLike } from '../api/client';
import { WorkerError } from '../api/errors';
import { ChunkError, computeAll, type ComputeProgress } from '../compute/compute';
import { fingerprintOf, keptRun } from '../compute/last-run';
import type { ComputedBy } from './layout';

export type SummaryAnswer = {
  computedBy: ComputedBy;
  ruleSet: string;
  engineVersion: string;
  summary: Summary;
  /** Why the bundled engine was used (Chinese), or null when the service answered. */
  fallbackReason: string | null;
  /** The service's results of the last 计算学时 on this same roster were used: nothing was sent. */
  reused: boolean;
};

export type SummarySourceOptions = {
  workerUrl?: string;
  token?: string;
  asOf?: string;
  ruleSet?: string;
  timeoutMs?: number;
  fetch?: FetchLike;
  signal?: AbortSignal;
  /** 1-based sheet row of rows[0], for the messages that name rows. */
  firstDataRowNumber?: number;
  onProgress?: (p: ComputeProgress) => void;
  /** Send names and ID numbers too (opt-in); by default only a row key goes. */
  sendPersonalData?: boolean;
};

export const NOT_CONFIGURED_REASON = '未设置计算服务地址或访问令牌';

function local(rows: RosterRowInput[], options: SummarySourceOptions, fallbackReason: string): SummaryAnswer {
  const res = evaluate(rows, { ruleSet: options.ruleSet ?? DEFAULT_RULE_SET, asOf: options.asOf });
  return { computedBy: 'local', ruleSet: res.ruleSet, engineVersion: res.engineVersion, summary: res.summary, fallbackReason, reused: false };
}

/** The service could not be reached at all (not: it answered with an error). */
function unreachable(e: unknown): WorkerError | null {
  const cause = e instanceof ChunkError ? e.cause : e;
  return cause instanceof WorkerError && cause.kind === 'network' ? cause : null;
}

/** The Summary of `rows`, from the 计算服务 when configured and reachable, else from the bundled engine. */
export async function summarizeRoster(rows: RosterRowInput[], options: SummarySourceOptions): Promise<SummaryAnswer> {
  const url = options.workerUrl?.trim();
  const token = options.token?.trim();
  if (!url || !token) return local(rows, options, NOT_CONFIGURED_REASON);
  const client = new WorkerClient({ baseUrl: url, token, timeoutMs: options.timeoutMs, fetch: options.fetch });
  const { ruleSet, asOf, sendPersonalData } = options;
  const firstDataRowNumber = options.firstDataRowNumber ?? 2;
  const kept = keptRun(await fingerprintOf({ service: client.service, rows, ruleSet, asOf, sendPersonalData, firstDataRowNumber }));
  if (kept !== null) {
    const health = await client.health(options.signal).catch(() => null);
    if (health?.engineVersion === kept.engineVersion) {
      return { computedBy: 'worker', ruleSet: kept.ruleSet, engineVersion: kept.engineVersion, summary: summarize(rows, kept.results), fallbackReason: null, reused: true };
    }
  }
  try {
    const out = await computeAll(rows, client, {
      ruleSet: options.ruleSet,
      asOf: options.asOf,
      signal: options.signal,
      firstDataRowNumber,
      onProgress: options.onProgress,
      sendPersonalData: options.sendPersonalData,
    });
    return { computedBy: 'worker', ruleSet: out.ruleSet, engineVersion: out.engineVersion, summary: summarize(rows, out.results), fallbackReason: null, reused: false };
  } catch (e) {
    const down = unreachable(e);
    if (!down) throw e;
    return local(rows, options, `计算服务无法连接（${down.message}）`);
  }
}
