// The Worker's HTTP API (docs/api.md): health and evaluate, with a timeout and cancellation. Evaluate asks for the
// compact answer (shared/compact.ts) without a summary (the add-in, the web page and the command line make the summary
// from the results of all their requests: addin/summary/summary-source.ts, xlsx/check-roster.ts) and expands its
// results with the service's GET /v1/rules, fetched once per service address and engine version. An answer that is not
// compact (an older deployment ignores `format`) is used as it is; a summary sent anyway (one that ignores `summary`)
// is not read.
import { CompactAnswerError, expandResults, isCompactAnswer, rulesTableFor, type AnswerFormat, type CompactEvaluateResponse } from '../../shared/compact';
import type { EvaluatedRows, RosterRowInput } from '../../shared/types';
import { trimTrailingSlashes } from '../../shared/url';
import type { ServiceLimits } from '../../shared/sheet/chunks';
import { WorkerError, messageForStatus, networkErrorMessage, noTokenMessage, type SettingsPlace } from './errors';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
export type Health = { ok: boolean; engineVersion: string; limits?: ServiceLimits };
/** The rows' results (a full answer from an older deployment also has its summary, which no caller reads). */
export type EvaluateAnswer = EvaluatedRows & { batchId: string };
export type ClientOptions = {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
  fetch?: FetchLike;
  /** The answer format to ask for (default compact; `full` for a comparison). */
  format?: AnswerFormat;
  /** Where the clerk gave the address and token, for the messages that say what to check (default the pane's 设置). */
  settingsPlace?: SettingsPlace;
};

export const DEFAULT_TIMEOUT_MS = 60_000;
const HEALTH_PATH = '/v1/health';

/**
 * GET /v1/rules answers by service address and engine version, shared by every client of the page: a run fetches
 * them at most once, and the next run on the same service not at all. A failed fetch is not kept.
 */
const RULES = new Map<string, Promise<unknown>>();
const RULES_KEPT = 8;

export class WorkerClient {
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: FetchLike;
  private readonly format: AnswerFormat;
  private readonly place: SettingsPlace;

  constructor(options: ClientOptions) {
    const base = trimTrailingSlashes(options.baseUrl.trim());
    if (!/^https?:\/\/[^/\s]+/i.test(base)) throw new WorkerError('config', `计算服务地址无效：“${options.baseUrl}”，应以 http:// 或 https:// 开头`);
    this.baseUrl = base;
    this.token = options.token.trim();
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.format = options.format ?? 'compact';
    this.place = options.settingsPlace ?? 'pane';
  }

  /** The service's address, as requests go to it (no trailing slash). */
  get service(): string {
    return this.baseUrl;
  }

  health(signal?: AbortSignal): Promise<Health> {
    return this.request<Health>('GET', HEALTH_PATH, undefined, signal);
  }

  /** The limits GET /v1/health advertises, or null when it says none or cannot be read (then today's limits apply). */
  async limits(signal?: AbortSignal): Promise<ServiceLimits | null> {
    try {
      const h = await this.health(signal);
      return h && typeof h.limits === 'object' && h.limits !== null ? h.limits : null;
    } catch {
      return null;
    }
  }

  rules(signal?: AbortSignal): Promise<unknown> {
    return this.request<unknown>('GET', '/v1/rules', undefined, signal);
  }

  async evaluate(rows: RosterRowInput[], options: { ruleSet?: string; asOf?: string }, signal?: AbortSignal): Promise<EvaluateAnswer> {
    const body: { rows: RosterRowInput[]; ruleSet?: string; asOf?: string; format?: AnswerFormat; summary?: false } = { rows };
    if (options.ruleSet) body.ruleSet = options.ruleSet;
    if (options.asOf) body.asOf = options.asOf;
    if (this.format !== 'full') body.format = this.format;
    body.summary = false;
    const sent = await this.request<EvaluateAnswer | (CompactEvaluateResponse & { batchId: string })>('POST', '/v1/evaluate', JSON.stringify(body), signal);
    const answer = isCompactAnswer(sent) ? await this.expand(sent, rows, signal) : sent;
    if (!answer || !Array.isArray(answer.results) || answer.results.length !== rows.length) {
      throw new WorkerError('bad_response', `计算服务的答复不完整：发送 ${rows.length} 行，收到 ${answer?.results?.length ?? 0} 行结果`);
    }
    return answer;
  }

  /** The results of a compact answer, with the service's rules for its engine version. */
  private async expand(answer: CompactEvaluateResponse & { batchId: string }, rows: RosterRowInput[], signal?: AbortSignal): Promise<EvaluateAnswer> {
    const key = `${this.baseUrl}\n${answer.engineVersion}`;
    let rules = RULES.get(key);
    if (rules === undefined) {
      if (RULES.size >= RULES_KEPT) RULES.clear();
      // not tied to this request's signal: other parts in flight wait on the same fetch
      const fetched = this.rules();
      RULES.set(key, fetched);
      fetched.catch(() => RULES.get(key) === fetched && RULES.delete(key));
      rules = fetched;
    }
    const known = await rules;
    if (signal?.aborted) throw new WorkerError('cancelled', '已取消');
    try {
      return { ...expandResults(answer, rows, rulesTableFor(known, answer)), batchId: answer.batchId };
    } catch (e) {
      if (!(e instanceof CompactAnswerError)) throw e;
      if (RULES.get(key) === rules) RULES.delete(key);
      throw new WorkerError('bad_response', e.message);
    }
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body: string | undefined, signal?: AbortSignal): Promise<T> {
    // every route but health needs the token: without one, nothing (no row) is sent to be refused
    if (!this.token && path !== HEALTH_PATH) throw new WorkerError('config', noTokenMessage(this.place));
    const url = `${this.baseUrl}${path}`;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onAbort = (): void => controller.abort();
    if (signal?.aborted) controller.abort();
    signal?.addEventListener('abort', onAbort);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    try {
      let res: Response;
      try {
        res = await this.fetchImpl(url, { method, headers, body, signal: controller.signal });
      } catch (cause) {
        if (signal?.aborted) throw new WorkerError('cancelled', '已取消');
        if (timedOut) throw new WorkerError('timeout', `计算服务在 ${Math.round(this.timeoutMs / 1000)} 秒内没有答复（超时）`);
        throw new WorkerError('network', networkErrorMessage(this.baseUrl, cause, this.place));
      }
      const text = await res.text();
      let json: unknown = undefined;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      if (!res.ok) {
        const err = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
        const { kind, message } = messageForStatus(res.status, err?.message, err !== undefined && err !== null, this.place);
        const retry = Number(res.headers.get('Retry-After'));
        throw new WorkerError(kind, message, res.status, err?.code, Number.isFinite(retry) && retry > 0 ? retry : undefined);
      }
      if (json === undefined) throw new WorkerError('bad_response', `计算服务的答复无法识别（HTTP ${res.status}）`);
      return json as T;
    } catch (e) {
      if (e instanceof WorkerError) throw e;
      if (signal?.aborted) throw new WorkerError('cancelled', '已取消');
      if (timedOut) throw new WorkerError('timeout', `计算服务在 ${Math.round(this.timeoutMs / 1000)} 秒内没有答复（超时）`);
      throw new WorkerError('network', networkErrorMessage(this.baseUrl, e, this.place));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
