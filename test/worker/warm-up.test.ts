// The Worker's start-up warm-up (worker/warm-up.ts), inside workerd: it runs the request path on every rule set's
// made-up roster without a trace a request could see (no audit record, nothing counted against a limit), and the
// configuration it checks is the one the first request then uses.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import { configOf } from '../../worker/config';
import type { Bindings } from '../../worker/env';
import { DEFAULT_ROWS_PER_REQUEST } from '../../worker/limits';
import { warmUp, warmUpRequestPath } from '../../worker/warm-up';
import { listRuleSets } from '../../shared/index';
import { auditCount } from './audit-count';

describe('start-up warm-up', () => {
  it('evaluates each rule set’s roster of a request’s size and the cross-row pair, writing no audit record', async () => {
    const before = await auditCount();
    expect(warmUp(2)).toBe(listRuleSets().length * 2 * (DEFAULT_ROWS_PER_REQUEST + 2));
    expect(await auditCount()).toBe(before);
  });

  it('keeps the checked configuration for the first request and never throws, even on a broken configuration', async () => {
    const bindings = env as unknown as Bindings;
    await warmUpRequestPath(app, bindings);
    expect(configOf(bindings).ok).toBe(true);
    await expect(warmUpRequestPath(app, { ...bindings, CE_API_TOKEN: 'bad token with spaces' })).resolves.toBeUndefined();
  });
});
