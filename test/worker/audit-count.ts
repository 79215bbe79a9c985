// How many audit records the local D1 holds, straight from the table (all, or one token label's).
import { env } from 'cloudflare:workers';

export async function auditCount(label?: string): Promise<number> {
  const query = label === undefined
    ? env.DB.prepare('SELECT COUNT(*) AS n FROM audit')
    : env.DB.prepare('SELECT COUNT(*) AS n FROM audit WHERE token_label = ?').bind(label);
  return (await query.first<{ n: number }>())?.n ?? 0;
}
