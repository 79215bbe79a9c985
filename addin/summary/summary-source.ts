// Where the summary's numbers come from: the Worker when a URL and token are set and it answers,
// else the bundled engine (the same code the Worker runs). The answer says which.
import { DEFAULT_RULE_SET, evaluate, summarize } from '../../shared/index';
import type { RosterRowInput, RowResult, Summary } from '../../shared/types';
import { WorkerClient } from '../api/client';
import type { FetchLike } from '../api/client';
import { LIMITS, planFixedChunks } from '../core/chunks';
import type { SummarySource } from './layout';

export type SummaryAnswer = {
  source: SummarySource;
  ruleSet: string;
  engineVersion: string;
  summary: Summary;
  /** Why the Worker was not used although configured (Chinese), or null. */
  fallbackReason: string | null;
};

export type SummarySourceOptions = {
  workerUrl?: string;
  token?: string;
  asOf?: string;
  ruleSet?: string;
  timeoutMs?: number;
  fetch?: FetchLike;
};

export const SUMMARY_TIMEOUT_MS = 30_000;

function local(rows: RosterRowInput[], options: SummarySourceOptions, fallbackReason: string | null): SummaryAnswer {
  const res = evaluate(rows, { ruleSet: options.ruleSet ?? DEFAULT_RULE_SET, asOf: options.asOf });
  return { source: 'local', ruleSet: res.ruleSet, engineVersion: res.engineVersion, summary: res.summary, fallbackReason };
}

function isSummary(s: unknown): s is Summary {
  const v = s as Partial<Summary> | null;
  return !!v && typeof v === 'object' && !!v.total && typeof v.total.headcount === 'number' && Array.isArray(v.groups) && Array.isArray(v.attention);
}

/**
 * The Summary of `rows`. With a Worker URL and token: one POST /v1/evaluate when the roster fits one request
 * (≤ LIMITS.maxRowsPerRequest rows) and the Worker's own summary is used as is; a larger roster goes in chunks
 * and the engine's summarize() merges the Worker's results (same code, same numbers). An unreachable Worker,
 * an error answer or a malformed one falls back to the bundled engine, with the reason.
 */
export async function summarizeRoster(rows: RosterRowInput[], options: SummarySourceOptions): Promise<SummaryAnswer> {
  const url = options.workerUrl?.trim();
  const token = options.token?.trim();
  if (!url || !token) return local(rows, options, null);
  try {
    const client = new WorkerClient({ baseUrl: url, token, timeoutMs: options.timeoutMs ?? SUMMARY_TIMEOUT_MS, fetch: options.fetch });
    const evalOptions = { ruleSet: options.ruleSet, asOf: options.asOf };
    if (rows.length <= LIMITS.maxRowsPerRequest) {
      const answer = await client.evaluate(rows, evalOptions);
      if (!isSummary(answer.summary)) return local(rows, options, 'Worker 的答复缺少汇总（summary），改用本地引擎');
      return { source: 'worker', ruleSet: answer.ruleSet, engineVersion: answer.engineVersion, summary: answer.summary, fallbackReason: null };
    }
    const results: RowResult[] = [];
    let ruleSet = '';
    let engineVersion = '';
    for (const chunk of planFixedChunks(rows.length, LIMITS.maxRowsPerRequest)) {
      const answer = await client.evaluate(rows.slice(chunk.start, chunk.end), evalOptions);
      if (ruleSet && (answer.ruleSet !== ruleSet || answer.engineVersion !== engineVersion)) {
        return local(rows, options, 'Worker 在分批请求之间更换了规则集或引擎版本，改用本地引擎');
      }
      ruleSet = answer.ruleSet;
      engineVersion = answer.engineVersion;
      for (const r of answer.results) results.push({ ...r, index: r.index + chunk.start });
    }
    return { source: 'worker', ruleSet, engineVersion, summary: summarize(rows, results), fallbackReason: null };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return local(rows, options, `${why}；改用本地引擎`);
  }
}
