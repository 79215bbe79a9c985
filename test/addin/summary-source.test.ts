// Where the summary comes from: the 计算服务 through computeAll (as 计算学时) then summarize(), or the engine.
import { describe, expect, it, vi } from 'vitest';
import examples from '../fixtures/examples.json';
import { evaluate } from '../../shared/index';
import type { CellValue, RosterRowInput } from '../../shared/types';
import { NOT_CONFIGURED_REASON, summarizeRoster } from '../../addin/summary/summary-source';
import { ChunkError } from '../../addin/compute/compute';
import { buildSummaryLayout } from '../../addin/summary/layout';

type Example = { row: Record<string, CellValue> };
const base = (examples as unknown as Example[]).map((e) => e.row as RosterRowInput);
const units = ['甲医院', '乙中学', '丙局'];

function roster(n: number): RosterRowInput[] {
  return Array.from({ length: n }, (_, i) => {
    const row = { ...base[i % base.length] };
    if (Object.keys(row).length > 0) {
      row.unit = units[i % units.length];
      row.name = `人员${i}`;
    }
    return row;
  });
}

/** A stand-in Worker that answers with the engine's evaluate, as the real one does. */
function fakeWorker() {
  return vi.fn(async (_url: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { rows: RosterRowInput[]; asOf?: string };
    return new Response(JSON.stringify({ ...evaluate(body.rows, { asOf: body.asOf }), batchId: 'x' }), { status: 200 });
  });
}

describe('summarizeRoster: the same request path as 计算学时, then summarize()', () => {
  it('without a token uses the bundled engine and says why', async () => {
    const rows = roster(40);
    const fetch = vi.fn();
    const out = await summarizeRoster(rows, { workerUrl: 'http://127.0.0.1:8787', token: '', fetch });
    expect(fetch).not.toHaveBeenCalled();
    expect(out).toEqual({ computedBy: 'local', ruleSet: 'zaozhuang-2023', engineVersion: expect.any(String), summary: evaluate(rows).summary, fallbackReason: NOT_CONFIGURED_REASON, reused: false });
  });

  it('a roster of several requests: the service’s results, merged by summarize() into the one-call summary', async () => {
    const rows = roster(12_001);
    const fetch = fakeWorker();
    const out = await summarizeRoster(rows, { workerUrl: 'http://127.0.0.1:8787', token: 't', asOf: '2023-11-01', fetch });
    const posted = fetch.mock.calls.filter((c) => c[1]?.method === 'POST').map((c) => (JSON.parse(String(c[1]?.body)) as { rows: unknown[] }).rows.length);
    expect(posted.length).toBeGreaterThan(1);
    expect(posted.reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(out.computedBy).toBe('worker');
    expect(out.fallbackReason).toBeNull();
    expect(out.summary).toEqual(evaluate(rows, { asOf: '2023-11-01' }).summary);
    expect(Math.max(...out.summary.attention.map((a) => a.index))).toBeGreaterThan(10_000);
  });

  it('a 413 is reported (part, sheet rows, 413), not masked by local numbers', async () => {
    const rows = roster(30);
    const fetch = vi.fn(async (_url: string, init?: RequestInit) =>
      init?.method === 'POST'
        ? new Response(JSON.stringify({ error: { code: 'TOO_LARGE', message: '请求过大' } }), { status: 413 })
        : new Response('not found', { status: 404 }),
    );
    const err = await summarizeRoster(rows, { workerUrl: 'http://127.0.0.1:8787', token: 't', fetch, firstDataRowNumber: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChunkError);
    expect((err as Error).message).toMatch(/第 1\/\d+ 部分（工作表第 2–\d+ 行）.*413/);
  });

  it('a 401 is reported, not masked', async () => {
    const rows = roster(20);
    const fetch = vi.fn(async () => new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'bad token' } }), { status: 401 }));
    const err = await summarizeRoster(rows, { workerUrl: 'http://127.0.0.1:8787', token: 'nope', fetch }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChunkError);
    expect((err as Error).message).toContain('401');
  });

  it('an unreachable service: the bundled engine, with the reason', async () => {
    const rows = roster(20);
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const out = await summarizeRoster(rows, { workerUrl: 'http://127.0.0.1:8787', token: 't', fetch });
    expect(out.computedBy).toBe('local');
    expect(out.fallbackReason).toMatch(/^计算服务无法连接（无法连接计算服务 http:\/\/127\.0\.0\.1:8787/);
    expect(out.summary).toEqual(evaluate(rows).summary);
  });

  it('a short answer is reported, not replaced', async () => {
    const rows = roster(5);
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ...evaluate(rows.slice(1)), batchId: 'x' }), { status: 200 }));
    await expect(summarizeRoster(rows, { workerUrl: 'http://127.0.0.1:8787', token: 't', fetch })).rejects.toThrow(/答复不完整/);
  });
});

describe('buildSummaryLayout edge cases', () => {
  const ruleSet = { id: 'zaozhuang-2023', title: 't', notice: 's', year: 2023 };
  it('an empty roster: no groups table, no chart, a sentence instead', () => {
    const layout = buildSummaryLayout({ summary: evaluate([]).summary, ruleSet, engineVersion: '0', computedBy: 'local', madeAt: 'x', rosterSheet: 'S', firstDataRowNumber: 2 });
    expect(layout.chart).toBeNull();
    expect(layout.tables.map((t) => t.key)).toEqual(['total']);
    const texts = layout.blocks.flatMap((b) => b.values.flat());
    expect(texts).toContain('花名册中没有可统计的人员');
    expect(texts).toContain('无：全部达标');
  });

  it('every block’s values and formats match its address', () => {
    const layout = buildSummaryLayout({ summary: evaluate(roster(50)).summary, ruleSet, engineVersion: '0', computedBy: 'worker', madeAt: 'x', rosterSheet: 'S', firstDataRowNumber: 2 });
    for (const b of layout.blocks) {
      const [from, to = from] = b.address.split(':');
      const rows = Number(/\d+/.exec(to)?.[0]) - Number(/\d+/.exec(from)?.[0]) + 1;
      expect(b.values).toHaveLength(rows);
      expect(b.numberFormat.map((r) => r.length)).toEqual(b.values.map((r) => r.length));
      expect(new Set(b.values.map((r) => r.length)).size).toBe(1);
    }
  });
});
