// Where the summary comes from: Worker (one request, or chunks merged with the engine's summarize) or the engine.
import { describe, expect, it, vi } from 'vitest';
import examples from '../fixtures/examples.json';
import { evaluate } from '../../shared/index';
import type { CellValue, RosterRowInput } from '../../shared/types';
import { summarizeRoster } from '../../addin/summary/summary-source';
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

describe('summarizeRoster', () => {
  it('without a token uses the bundled engine, silently', async () => {
    const rows = roster(40);
    const fetch = vi.fn();
    const out = await summarizeRoster(rows, { workerUrl: 'http://127.0.0.1:8787', token: '', fetch });
    expect(fetch).not.toHaveBeenCalled();
    expect(out).toEqual({ source: 'local', ruleSet: 'zaozhuang-2023', engineVersion: expect.any(String), summary: evaluate(rows).summary, fallbackReason: null });
  });

  it('≤ 5,000 rows: one request, the Worker’s summary', async () => {
    const rows = roster(5000);
    const fetch = fakeWorker();
    const out = await summarizeRoster(rows, { workerUrl: 'http://127.0.0.1:8787', token: 't', asOf: '2023-11-01', fetch });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(out.source).toBe('worker');
    expect(out.summary).toEqual(evaluate(rows, { asOf: '2023-11-01' }).summary);
  });

  it('> 5,000 rows: chunks of ≤ 5,000, results re-indexed and merged into the same summary as one evaluate', async () => {
    const rows = roster(12_001);
    const fetch = fakeWorker();
    const out = await summarizeRoster(rows, { workerUrl: 'http://127.0.0.1:8787', token: 't', asOf: '2023-11-01', fetch });
    expect(fetch.mock.calls.map((c) => (JSON.parse(String(c[1]?.body)) as { rows: unknown[] }).rows.length)).toEqual([5000, 5000, 2001]);
    expect(out.source).toBe('worker');
    const want = evaluate(rows, { asOf: '2023-11-01' }).summary;
    expect(out.summary).toEqual(want);
    expect(Math.max(...out.summary.attention.map((a) => a.index))).toBeGreaterThan(10_000);
  });

  it('a 401 falls back to the engine and keeps the Worker’s message', async () => {
    const rows = roster(20);
    const fetch = vi.fn(async () => new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'bad token' } }), { status: 401 }));
    const out = await summarizeRoster(rows, { workerUrl: 'http://127.0.0.1:8787', token: 'nope', fetch });
    expect(out.source).toBe('local');
    expect(out.fallbackReason).toMatch(/401.*改用本地引擎/);
    expect(out.summary).toEqual(evaluate(rows).summary);
  });

  it('an answer without a summary falls back to the engine', async () => {
    const rows = roster(5);
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ...evaluate(rows), summary: null }), { status: 200 }));
    const out = await summarizeRoster(rows, { workerUrl: 'http://127.0.0.1:8787', token: 't', fetch });
    expect(out.source).toBe('local');
    expect(out.fallbackReason).toMatch(/summary/);
  });
});

describe('buildSummaryLayout edge cases', () => {
  const ruleSet = { id: 'zaozhuang-2023', title: 't', source: 's', year: 2023 };
  it('an empty roster: no groups table, no chart, a sentence instead', () => {
    const layout = buildSummaryLayout({ summary: evaluate([]).summary, ruleSet, engineVersion: '0', source: 'local', madeAt: 'x', rosterSheet: 'S', firstDataRow: 2 });
    expect(layout.chart).toBeNull();
    expect(layout.tables.map((t) => t.key)).toEqual(['total']);
    const texts = layout.blocks.flatMap((b) => b.values.flat());
    expect(texts).toContain('花名册中没有可统计的人员');
    expect(texts).toContain('无：全部达标');
  });

  it('every block’s values and formats match its address', () => {
    const layout = buildSummaryLayout({ summary: evaluate(roster(50)).summary, ruleSet, engineVersion: '0', source: 'worker', madeAt: 'x', rosterSheet: 'S', firstDataRow: 2 });
    for (const b of layout.blocks) {
      const [from, to = from] = b.address.split(':');
      const rows = Number(/\d+/.exec(to)?.[0]) - Number(/\d+/.exec(from)?.[0]) + 1;
      expect(b.values).toHaveLength(rows);
      expect(b.numberFormat.map((r) => r.length)).toEqual(b.values.map((r) => r.length));
      expect(new Set(b.values.map((r) => r.length)).size).toBe(1);
    }
  });
});
