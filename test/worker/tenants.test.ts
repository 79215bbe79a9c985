// Tenants: a token's label reads only its own audit records and count; a label in CE_ADMIN_LABELS reads every
// label's. A record's body HMAC is shown only to the tenant that sent the body.
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../worker/audit';
import { auditCount } from './audit-count';
import { bearer, call, postJson, TOKENS } from './http';

type AuditAnswer = { scope: string; total: number; records: AuditRecord[] };

async function auditOf(token: string, limit = 500): Promise<AuditAnswer> {
  const res = await call(`/v1/audit?limit=${limit}`, { headers: bearer(token) });
  expect(res.status).toBe(200);
  return (await res.json()) as AuditAnswer;
}

async function evaluateAs(token: string): Promise<string> {
  const res = await postJson('/v1/evaluate', token, { rows: [{ name: '张三', platformPublicHours: 30 }], asOf: '2023-11-01' });
  expect(res.status).toBe(200);
  return ((await res.json()) as { batchId: string }).batchId;
}


describe('audit per tenant', () => {
  it('each label sees only its own records and count; the admin label sees all, HMACs only of its own', async () => {
    const a1 = await evaluateAs(TOKENS.tenantA);
    const b1 = await evaluateAs(TOKENS.tenantB);
    const a2 = await evaluateAs(TOKENS.tenantA);
    const adminOwn = await evaluateAs(TOKENS.admin);

    const a = await auditOf(TOKENS.tenantA);
    expect(a.scope).toBe('own');
    expect(a.total).toBe(await auditCount('tenant-a'));
    expect(a.total).toBeLessThan(await auditCount());
    expect(a.records.map((r) => r.batchId)).toEqual([a2, a1]);
    expect(a.records.every((r) => r.tokenLabel === 'tenant-a' && /^[0-9a-f]{64}$/.test(r.bodyHmac ?? ''))).toBe(true);

    const b = await auditOf(TOKENS.tenantB);
    expect(b.scope).toBe('own');
    expect(b.total).toBe(await auditCount('tenant-b'));
    expect(b.records.map((r) => r.batchId)).toEqual([b1]);
    expect(JSON.stringify(b)).not.toContain(a1);

    const admin = await auditOf(TOKENS.admin);
    expect(admin.scope).toBe('all');
    expect(admin.total).toBe(await auditCount());
    const ids = admin.records.map((r) => r.batchId);
    expect(ids.slice(0, 4)).toEqual([adminOwn, a2, b1, a1]);
    for (const r of admin.records) {
      if (r.tokenLabel === 'admin') expect(r.bodyHmac).toMatch(/^[0-9a-f]{64}$/);
      else expect(r.bodyHmac).toBeNull();
    }
    // the admin sees tenant-a's record, but not its HMAC
    expect(admin.records.find((r) => r.batchId === a1)).toEqual({ ...a.records[1], bodyHmac: null });
  });

  it('limit applies within the tenant', async () => {
    await evaluateAs(TOKENS.tenantB);
    const b = await auditOf(TOKENS.tenantB, 1);
    expect(b.records).toHaveLength(1);
    expect(b.records[0].tokenLabel).toBe('tenant-b');
    expect(b.total).toBe(await auditCount('tenant-b'));
  });
});
