// The D1 audit trail: one record per evaluate call, readable through /v1/audit, with no name, ID number or token.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../shared/index';
import type { AuditRecord } from '../../worker/audit';
import { auditCount } from './audit-count';
import { bearer, call, postJson, TOKENS } from './http';
import { TEST_HMAC_KEY } from './test-keys';

const T = TOKENS.audit;

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

async function hmacHex(key: string, text: string): Promise<string> {
  const k = await crypto.subtle.importKey('raw', new TextEncoder().encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await crypto.subtle.sign('HMAC', k, new TextEncoder().encode(text)));
}

async function audit(limit?: number): Promise<AuditRecord[]> {
  const res = await call(`/v1/audit${limit === undefined ? '' : `?limit=${limit}`}`, { headers: bearer(T) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { records: AuditRecord[] }).records;
}


const NAME = '欧阳娜娜';
const ID_NUMBER = '370402198501011234';
const rows = [
  { name: NAME, idNumber: ID_NUMBER, unit: '枣庄学院', platformPublicHours: 30, platformProfessionalHours: 60 },
  { name: '司马光', idNumber: '11010519491231002X', platformPublicHours: 10, platformProfessionalHours: 20 },
  { name: '诸葛亮', platformPublicHours: 'x' },
  {},
];

describe('audit', () => {
  it('writes one record per evaluate call, readable newest first, without names, ID numbers or tokens', async () => {
    const before = await auditCount();
    const body = JSON.stringify({ rows, asOf: '2023-11-01' });
    const res = await postJson('/v1/evaluate', T, body);
    expect(res.status).toBe(200);
    const { batchId } = (await res.json()) as { batchId: string };
    expect(await auditCount()).toBe(before + 1);

    const [latest] = await audit(1);
    expect(latest).toEqual({
      batchId,
      time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      ruleSet: 'zaozhuang-2023',
      engineVersion: ENGINE_VERSION,
      asOf: '2023-11-01',
      rowCount: 4,
      statusCounts: { compliant: 1, short: 1, pendingEvidence: 0, invalid: 1, blank: 1 },
      bodyHmac: await hmacHex(TEST_HMAC_KEY, body),
      tokenLabel: 'audit',
    });
    // a keyed hash: without the server's key, a guessed roster cannot be confirmed against the audit
    expect(latest.bodyHmac).not.toBe(await sha256Hex(body));
    const stored = await env.DB.prepare('SELECT body_hmac FROM audit WHERE batch_id = ?').bind(batchId).first<{ body_hmac: string }>();
    expect(stored?.body_hmac).toBe(latest.bodyHmac);
    expect(Math.abs(Date.parse(latest.time) - Date.now())).toBeLessThan(60_000);

    const everything = JSON.stringify(await env.DB.prepare('SELECT * FROM audit').all());
    const listed = JSON.stringify(await audit(500));
    for (const text of [everything, listed]) {
      for (const secret of [NAME, ID_NUMBER, '司马光', '11010519491231002X', '诸葛亮', T]) {
        expect(text).not.toContain(secret);
      }
    }
  });

  it('lists newest first and honours limit (default 50)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await postJson('/v1/evaluate', T, { rows: [{ name: `人${i}`, platformPublicHours: i }], asOf: '2023-11-01' });
      ids.push(((await res.json()) as { batchId: string }).batchId);
    }
    const latest = await audit(3);
    expect(latest.map((r) => r.batchId)).toEqual([...ids].reverse());
    const own = await auditCount('audit');
    const all = await audit();
    expect(all.length).toBe(Math.min(50, own));
    const res = await call('/v1/audit?limit=1', { headers: bearer(T) });
    expect(((await res.json()) as { total: number }).total).toBe(own);
  });

  it('writes no record for a request that is refused', async () => {
    const before = await auditCount();
    expect((await postJson('/v1/evaluate', T, '{"rows": 1}')).status).toBe(400);
    expect((await postJson('/v1/evaluate', T, '{"rows": [], "ruleSet": "nowhere"}')).status).toBe(400);
    expect((await postJson('/v1/evaluate', 'wrong', { rows: [] })).status).toBe(401);
    expect(await auditCount()).toBe(before);
  });
});
