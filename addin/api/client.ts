// The Worker's HTTP API (CONTRACT.md): health and evaluate, with a timeout and cancellation.
import type { EvaluateResponse, RosterRowInput } from '../../shared/types';
import { trimTrailingSlashes } from '../../shared/url';
import type { ServiceLimits } from '../office/chunks';
import { WorkerError, messageForStatus, networkErrorMessage } from './errors';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
export type Health = { ok: boolean; engineVersion: string; limits?: ServiceLimits };
export type EvaluateAnswer = EvaluateResponse & { batchId: string };
export type ClientOptions = { baseUrl: string; token: string; timeoutMs?: number; fetch?: FetchLike };

export const DEFAULT_TIMEOUT_MS = 60_000;

export class WorkerClient {
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: FetchLike;

  constructor(options: ClientOptions) {
    const base = trimTrailingSlashes(options.baseUrl.trim());
    if (!/^https?:\/\/[^/\s]+/i.test(base)) throw new WorkerError('config', `计算服务地址无效：“${options.baseUrl}”，应以 http:// 或 https:// 开头`);
    this.baseUrl = base;
    this.token = options.token.trim();
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  health(signal?: AbortSignal): Promise<Health> {
    return this.request<Health>('GET', '/v1/health', undefined, signal);
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
    const body: { rows: RosterRowInput[]; ruleSet?: string; asOf?: string } = { rows };
    if (options.ruleSet) body.ruleSet = options.ruleSet;
    if (options.asOf) body.asOf = options.asOf;
    const answer = await this.request<EvaluateAnswer>('POST', '/v1/evaluate', JSON.stringify(body), signal);
    if (!answer || !Array.isArray(answer.results) || answer.results.length !== rows.length) {
      throw new WorkerError('bad_response', `计算服务的答复不完整：发送 ${rows.length} 行，收到 ${answer?.results?.length ?? 0} 行结果`);
    }
    return answer;
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body: string | undefined, signal?: AbortSignal): Promise<T> {
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
        throw new WorkerError('network', networkErrorMessage(this.baseUrl, cause));
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
        const { kind, message } = messageForStatus(res.status, err?.message, err !== undefined && err !== null);
        const retry = Number(res.headers.get('Retry-After'));
        throw new WorkerError(kind, message, res.status, err?.code, Number.isFinite(retry) && retry > 0 ? retry : undefined);
      }
      if (json === undefined) throw new WorkerError('bad_response', `计算服务的答复无法识别（HTTP ${res.status}）`);
      return json as T;
    } catch (e) {
      if (e instanceof WorkerError) throw e;
      if (signal?.aborted) throw new WorkerError('cancelled', '已取消');
      if (timedOut) throw new WorkerError('timeout', `计算服务在 ${Math.round(this.timeoutMs / 1000)} 秒内没有答复（超时）`);
      throw new WorkerError('network', networkErrorMessage(this.baseUrl, e));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
