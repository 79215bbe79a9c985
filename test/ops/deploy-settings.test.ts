// A unit's deployment settings (deploy.local.jsonc) over the tracked worker/wrangler.jsonc: what is checked, what the
// merge writes into env.production and only there, and that an upstream change to the tracked file comes through.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseJsonc, stripJsonc } from '../../scripts/deploy/jsonc';
import { checkSettings, mergeDeployment, readTracked, settingsFromWrangler, settingsText, type DeploySettings, type WranglerConfig } from '../../scripts/deploy/settings';

const tracked = readTracked();
const DB_ID = '3f2a9c1e-5b7d-4e21-9a0b-6c8d2e4f1a37';
const settings: DeploySettings = {
  domain: 'ce.unit-a.cn',
  databaseId: DB_ID,
  adminLabels: 'it',
  rateLimitNamespaces: { RATE_LIMITER: '48213', AUTH_FAILURE_LIMITER: '90127' },
  vars: { CE_ROWS_PER_REQUEST: '2000' },
};

describe('JSONC', () => {
  it('drops comments and trailing commas outside strings, keeps // and /* inside strings and line numbers', () => {
    const text = '{\n  // a comment\n  "url": "https://x//y", /* block\n comment */ "a": [1, 2,],\n  "s": "a,}",\n}\n';
    expect(parseJsonc(text, 't')).toEqual({ url: 'https://x//y', a: [1, 2], s: 'a,}' });
    expect(stripJsonc(text).split('\n')).toHaveLength(text.split('\n').length);
  });

  it('a syntax error names the file and the line', () => {
    expect(() => parseJsonc('{\n  "a": 1\n  "b": 2\n}', 'deploy.local.jsonc')).toThrow(/deploy\.local\.jsonc 第 3 行/);
  });

  it('reads the tracked worker/wrangler.jsonc', () => {
    expect(tracked.env?.production?.d1_databases?.[0].binding).toBe('DB');
  });
});

describe('checkSettings', () => {
  it('accepts a complete deployment and normalizes the domain', () => {
    const { settings: s, problems } = checkSettings({ ...settings, domain: 'https://CE.unit-a.cn/' });
    expect(problems).toEqual([]);
    expect(s?.domain).toBe('ce.unit-a.cn');
  });

  it.each([
    [{ domain: 'ce.example.org' }, 'domain：还是示例域名'],
    [{ domain: 'ce unit' }, 'domain：“ce unit”不是域名'],
    [{ databaseId: '00000000-0000-0000-0000-000000000000' }, 'databaseId：还是占位符'],
    [{ databaseId: 'abc' }, 'databaseId：“abc”不是 D1 数据库 id'],
    [{ rateLimitNamespaces: { RATE_LIMITER: '7', AUTH_FAILURE_LIMITER: '7' } }, '用了同一个 id 7'],
    [{ rateLimitNamespaces: { RATE_LIMITER: 'x1' } }, 'rateLimitNamespaces.RATE_LIMITER：“x1”应是正整数'],
    [{ vars: { CE_MAX_ROWS: 5000 } }, 'vars：应是 { "名称": "值" } 形式'],
    [{ workerName: 'CE Worker' }, 'workerName：“CE Worker”只能含'],
    [{ domian: 'typo.cn' }, '不认识的设置项“domian”'],
    [{ accountId: 'acct' }, 'accountId：“acct”不是 Cloudflare 账号 id'],
    [{ domain: '' }, 'domain：还没有填写'],
  ])('%j is refused, naming the field', (change, message) => {
    const { settings: s, problems } = checkSettings({ ...settings, ...change });
    expect(s).toBeNull();
    expect(problems.join('\n')).toContain(message);
  });
});

describe('mergeDeployment', () => {
  const { config, notes } = mergeDeployment(tracked, settings);
  const prod = config.env?.production;

  it('writes the settings into env.production: route, database id, admin labels, namespace ids, var overrides', () => {
    expect(prod?.routes).toEqual([{ pattern: 'ce.unit-a.cn', custom_domain: true }]);
    expect(prod?.d1_databases?.find((d) => d.binding === 'DB')?.database_id).toBe(DB_ID);
    expect(prod?.vars?.CE_ADMIN_LABELS).toBe('it');
    expect(prod?.vars?.CE_ROWS_PER_REQUEST).toBe('2000');
    expect(Object.fromEntries((prod?.ratelimits ?? []).map((r) => [r.name, r.namespace_id]))).toEqual(settings.rateLimitNamespaces);
    expect(notes).toEqual([]);
  });

  it('keeps everything else of the tracked file, and the tracked object itself unchanged', () => {
    const strip = (c: WranglerConfig): unknown => ({ ...c, env: { ...c.env, production: { ...c.env?.production, routes: null, d1_databases: null, vars: null, ratelimits: null } } });
    expect(strip(config)).toEqual(strip(tracked));
    expect(prod?.vars?.CE_MAX_ROWS).toBe(tracked.env?.production?.vars?.CE_MAX_ROWS);
    expect(prod?.ratelimits?.map((r) => r.simple)).toEqual(tracked.env?.production?.ratelimits?.map((r) => r.simple));
    expect(readTracked()).toEqual(tracked);
  });

  it('takes an upstream change to the tracked defaults, and says what the settings do not cover', () => {
    const upstream = structuredClone(tracked);
    const up = upstream.env?.production;
    if (!up?.vars || !up.ratelimits) throw new Error('tracked production config');
    up.vars.CE_AUDIT_TIMEOUT_MS = '7000';
    delete up.vars.CE_ROWS_PER_REQUEST;
    up.ratelimits.push({ name: 'NEW_LIMITER', namespace_id: '2099', simple: { limit: 5, period: 60 } });
    const merged = mergeDeployment(upstream, settings);
    expect(merged.config.env?.production?.vars?.CE_AUDIT_TIMEOUT_MS).toBe('7000');
    expect(merged.config.env?.production?.vars).not.toHaveProperty('CE_ROWS_PER_REQUEST');
    expect(merged.config.env?.production?.ratelimits?.find((r) => r.name === 'NEW_LIMITER')?.namespace_id).toBe('2099');
    expect(merged.notes.join('\n')).toMatch(/vars\.CE_ROWS_PER_REQUEST 在新版本中已不存在/);
    expect(merged.notes.join('\n')).toMatch(/限速 NEW_LIMITER 在 deploy\.local\.jsonc 中没有 id/);
  });
});

describe('deploy.local.jsonc as deploy:init writes it', () => {
  it('reads back as the same settings', () => {
    const full = { ...settings, workerName: 'ce-hours-unit-a', accountId: '0123456789abcdef0123456789abcdef' };
    const { settings: back } = checkSettings(parseJsonc(settingsText(full), 'deploy.local.jsonc'));
    expect(back).toEqual(full);
    expect(checkSettings(parseJsonc(settingsText(settings), 'deploy.local.jsonc')).settings).toEqual(settings);
    // the account applies to the production environment only
    const merged = mergeDeployment(tracked, full).config;
    expect(merged.env?.production?.account_id).toBe(full.accountId);
    expect(merged.account_id).toBeUndefined();
  });

  it('an old-style deployment: the values IT edited into its copy of worker/wrangler.jsonc', () => {
    const edited = readFileSync(fileURLToPath(new URL('../../worker/wrangler.jsonc', import.meta.url)), 'utf8')
      .replace('"pattern": "ce.example.org"', '"pattern": "ce.unit-b.cn"')
      .replace('"database_id": "00000000-0000-0000-0000-000000000000"', `"database_id": "${DB_ID}"`)
      .replace('"CE_ADMIN_LABELS": ""', '"CE_ADMIN_LABELS": "it,audit"');
    const old = parseJsonc(edited, 'old') as WranglerConfig;
    const { values: from, notes } = settingsFromWrangler(old, tracked);
    expect(from).toMatchObject({ domain: 'ce.unit-b.cn', databaseId: DB_ID, adminLabels: 'it,audit' });
    expect(from.vars).toBeUndefined();
    expect(notes).toEqual([]);
    expect(Object.keys(from.rateLimitNamespaces ?? {}).sort()).toEqual((tracked.env?.production?.ratelimits ?? []).map((r) => r.name).sort());
    // nothing to import from the untouched tracked file
    expect(settingsFromWrangler(tracked, tracked).values).not.toHaveProperty('domain');
    expect(settingsFromWrangler(tracked, tracked).values).not.toHaveProperty('databaseId');
  });

  it('imports the variables a unit sets (Paid plan rows per request), not an older version\'s defaults', () => {
    const old = structuredClone(tracked);
    const vars = old.env?.production?.vars;
    if (!vars) throw new Error('tracked production vars');
    vars.CE_ROWS_PER_REQUEST = '2000';
    vars.CE_AUDIT_TIMEOUT_MS = '4000';
    const { values, notes } = settingsFromWrangler(old, tracked);
    expect(values.vars).toEqual({ CE_ROWS_PER_REQUEST: '2000' });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^CE_AUDIT_TIMEOUT_MS 在旧文件中是 "4000"/);
  });
});
