// CORS: a preflight from an allowed origin (CE_ALLOWED_ORIGINS) succeeds; from any other origin it does not.
import { describe, expect, it } from 'vitest';
import { bearer, call, TOKENS } from './http';

const ALLOWED = 'https://localhost:3000';
const ALSO_ALLOWED = 'http://127.0.0.1:8800';
const OTHER = 'https://evil.example';

function preflight(origin: string): Promise<Response> {
  return call('/v1/evaluate', {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization,content-type',
    },
  });
}

describe('CORS', () => {
  it.each([ALLOWED, ALSO_ALLOWED])('preflight from the allowed origin %s succeeds', async (origin) => {
    const res = await preflight(origin);
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    expect(res.headers.get('Access-Control-Allow-Methods')).toContain('POST');
    const allowed = (res.headers.get('Access-Control-Allow-Headers') ?? '').toLowerCase().split(',');
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type']));
    expect(res.headers.get('Access-Control-Max-Age')).toBe('600');
    expect(res.headers.get('Access-Control-Expose-Headers')).toBe('Retry-After,X-Request-Id');
    expect(res.headers.get('Vary')).toBe('Origin, Access-Control-Request-Headers');
    expect(res.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('preflight from another origin gets no Access-Control-Allow-Origin', async () => {
    const res = await preflight(OTHER);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('actual responses, errors included, carry the origin only for an allowed origin', async () => {
    const ok = await call('/v1/rules', { headers: bearer(TOKENS.cors, { Origin: ALLOWED }) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe(ALLOWED);
    const unauthorized = await call('/v1/rules', { headers: { Origin: ALLOWED } });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('Access-Control-Allow-Origin')).toBe(ALLOWED);
    const other = await call('/v1/rules', { headers: bearer(TOKENS.cors, { Origin: OTHER }) });
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('every answer names the headers a page may read and varies by origin, once', async () => {
    const answers = [
      await call('/v1/rules', { headers: bearer(TOKENS.cors, { Origin: ALLOWED }) }),
      await call('/v1/rules', { headers: { Origin: ALLOWED } }),
      await call('/v1/health'),
      await call('/nothing-here', { headers: { Origin: OTHER } }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 200, 404]);
    for (const res of answers) {
      expect(res.headers.get('Access-Control-Expose-Headers')).toBe('Retry-After,X-Request-Id');
      expect(res.headers.get('Vary')).toBe('Origin');
      expect(res.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
