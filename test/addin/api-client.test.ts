// The Worker client against a fake fetch: request shape, Chinese errors per failure, timeout and cancellation.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/index';
import type { RosterRowInput } from '../../shared/types';
import { WorkerClient, type FetchLike } from '../../addin/api/client';
import { NO_TOKEN_MESSAGE, WorkerError } from '../../addin/api/errors';

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const rows: RosterRowInput[] = [{ name: '甲', platformPublicHours: 30, platformProfessionalHours: 60 }];

async function failure(fetchImpl: FetchLike, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<WorkerError> {
  const client = new WorkerClient({ baseUrl: 'http://127.0.0.1:9', token: 't', fetch: fetchImpl, timeoutMs: opts.timeoutMs });
  try {
    await client.evaluate(rows, { asOf: '2023-11-01' }, opts.signal);
  } catch (e) {
    if (e instanceof WorkerError) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('WorkerClient', () => {
  it('without a token sends nothing but health: evaluate and rules fail before any request (issue 22)', async () => {
    const seen: string[] = [];
    for (const token of ['', '   ']) {
      const client = new WorkerClient({
        baseUrl: 'http://127.0.0.1:8787',
        token,
        fetch: async (url) => {
          seen.push(url);
          return json(200, { ok: true, engineVersion: '0', limits: { maxRows: 5000, maxBodyBytes: 5242880, rowsPerRequest: 250 } });
        },
      });
      await expect(client.evaluate(rows, { asOf: '2023-11-01' })).rejects.toMatchObject({ kind: 'config', message: NO_TOKEN_MESSAGE });
      await expect(client.rules()).rejects.toMatchObject({ kind: 'config', message: NO_TOKEN_MESSAGE });
      expect(seen).toEqual([]);
      expect((await client.health()).ok).toBe(true);
      expect(seen.splice(0)).toEqual(['http://127.0.0.1:8787/v1/health']);
    }
  });

  it('POSTs the rows with the bearer token, asks for the compact answer without a summary, and returns the answer', async () => {
    const seen: { url: string; init?: RequestInit }[] = [];
    const client = new WorkerClient({
      baseUrl: 'https://ce.example.org/',
      token: ' secret ',
      fetch: async (url, init) => {
        seen.push({ url, init });
        const body = JSON.parse(String(init?.body)) as { rows: RosterRowInput[]; asOf: string };
        return json(200, { ...evaluate(body.rows, { asOf: body.asOf }), batchId: 'b-1' });
      },
    });
    const answer = await client.evaluate(rows, { asOf: '2023-11-01' });
    expect(answer.batchId).toBe('b-1');
    expect(answer.results[0].status).toBe('达标');
    expect(seen[0].url).toBe('https://ce.example.org/v1/evaluate');
    expect(seen[0].init?.method).toBe('POST');
    expect((seen[0].init?.headers as Record<string, string>).Authorization).toBe('Bearer secret');
    expect(JSON.parse(String(seen[0].init?.body))).toEqual({ rows, asOf: '2023-11-01', format: 'compact', summary: false });
  });

  it.each([
    [401, 'unauthorized', '401'],
    [413, 'too_large', '413'],
    [429, 'rate_limited', '429'],
    [400, 'bad_request', '400'],
    [500, 'server', '500'],
  ])('HTTP %i → %s with a Chinese message', async (status, kind, text) => {
    const e = await failure(async () => json(status, { error: { code: 'X', message: 'detail from worker' } }));
    expect(e.kind).toBe(kind);
    expect(e.status).toBe(status);
    expect(e.message).toContain(text);
    expect(e.message).toContain('detail from worker');
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reads Retry-After from a 429', async () => {
    const e = await failure(async () => new Response(JSON.stringify({ error: { code: 'RATE_LIMITED', message: '请求过于频繁' } }), { status: 429, headers: { 'Retry-After': '30' } }));
    expect(e.retryAfter).toBe(30);
  });

  it('network failure → network error naming the URL', async () => {
    const e = await failure(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(e.kind).toBe('network');
    expect(e.message).toContain('无法连接计算服务');
    expect(e.message).toContain('http://127.0.0.1:9');
  });

  it('a short answer is rejected (never written)', async () => {
    const e = await failure(async () => json(200, { ...evaluate([], {}), batchId: 'x' }));
    expect(e.kind).toBe('bad_response');
  });

  it('non-JSON answers are reported', async () => {
    const e = await failure(async () => new Response('<html>proxy</html>', { status: 200 }));
    expect(e.kind).toBe('bad_response');
  });

  const hang: FetchLike = (_url, init) =>
    new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

  it('times out', async () => {
    const e = await failure(hang, { timeoutMs: 20 });
    expect(e.kind).toBe('timeout');
    expect(e.message).toContain('超时');
  });

  it('is cancelled by the caller', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    const e = await failure(hang, { signal: controller.signal, timeoutMs: 5000 });
    expect(e.kind).toBe('cancelled');
  });

  it('rejects a URL without http(s)', () => {
    expect(() => new WorkerClient({ baseUrl: 'ce.example.org', token: '' })).toThrow(/http/);
  });
});
