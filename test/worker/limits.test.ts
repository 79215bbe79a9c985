// 413 beyond the documented limits (5,000 rows, 5 MB a request); exactly at the row limit still answers 200.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_ROWS, parseLimits } from '../../worker/limits';
import { auditCount } from './audit-count';
import { call, errorOf, postJson, TOKENS } from './http';

const T = TOKENS.limits;
const row = (i: number) => ({ name: `员工${i}`, unit: '枣庄市立医院', platformPublicHours: 30, platformProfessionalHours: i % 90 });


describe('limits', () => {
  it('the configured limits are the documented ones (at least 5,000 rows and 5 MB)', () => {
    const { limits, problems } = parseLimits(env);
    expect(problems).toEqual([]);
    expect(limits.maxRows).toBe(DEFAULT_MAX_ROWS);
    expect(DEFAULT_MAX_ROWS).toBeGreaterThanOrEqual(5000);
    expect(DEFAULT_MAX_BODY_BYTES).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    expect(limits.maxBodyBytes).toBe(DEFAULT_MAX_BODY_BYTES);
  });

  it('5,000 rows: 200 with 5,000 results', async () => {
    const rows = Array.from({ length: DEFAULT_MAX_ROWS }, (_, i) => row(i));
    const res = await postJson('/v1/evaluate', T, { rows, asOf: '2023-11-01' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: unknown[] };
    expect(body.results).toHaveLength(DEFAULT_MAX_ROWS);
  });

  it('5,001 rows: 413 TOO_MANY_ROWS, and no audit record', async () => {
    const before = await auditCount();
    const rows = Array.from({ length: DEFAULT_MAX_ROWS + 1 }, () => ({}));
    const res = await postJson('/v1/evaluate', T, { rows });
    expect(res.status).toBe(413);
    const error = await errorOf(res);
    expect(error.code).toBe('TOO_MANY_ROWS');
    expect(error.message).toContain(String(DEFAULT_MAX_ROWS));
    expect(await auditCount()).toBe(before);
  });

  it('a body over 5 MB: 413 BODY_TOO_LARGE, with and without a Content-Length', async () => {
    const filler = 'x'.repeat(DEFAULT_MAX_BODY_BYTES);
    const json = JSON.stringify({ rows: [{ name: filler }] });
    const sized = await postJson('/v1/evaluate', T, json);
    expect(sized.status).toBe(413);
    expect((await errorOf(sized)).code).toBe('BODY_TOO_LARGE');

    const bytes = new TextEncoder().encode(json);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 65536) controller.enqueue(bytes.subarray(i, i + 65536));
        controller.close();
      },
    });
    const chunked = await call('/v1/evaluate', {
      method: 'POST',
      headers: { Authorization: `Bearer ${T}`, 'Content-Type': 'application/json' },
      body: stream,
    });
    expect(chunked.status).toBe(413);
    expect((await errorOf(chunked)).code).toBe('BODY_TOO_LARGE');
  });

  it('a body just under 5 MB is accepted', async () => {
    const json = JSON.stringify({ rows: [{ name: '张三', unit: '' }], asOf: '2023-11-01' });
    const padded = json.replace('"unit":""', `"unit":"${'x'.repeat(DEFAULT_MAX_BODY_BYTES - json.length - 100)}"`);
    expect(padded.length).toBeLessThan(DEFAULT_MAX_BODY_BYTES);
    const res = await postJson('/v1/evaluate', T, padded);
    expect(res.status).toBe(200);
  });
});
