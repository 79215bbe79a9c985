// The CE_API_TOKEN list: labels, constant-time lookup, weak tokens and the dev token refused outside development.
import { describe, expect, it } from 'vitest';
import { DEV_TOKEN, labelForToken, parseTokens } from '../../worker/tokens';
import { MIN_TOKEN_BITS, MIN_TOKEN_LENGTH, estimatedBits, weakness } from '../../worker/token-strength';

/** Strong tokens of the shapes IT may use: `npm run token` (base64url), hex, base64 with padding and + /. */
const A = 'Zr7Qk1vXoP3m_Tq8LwN2cH5yBf0dJs9aEu4iGx6KtRl';
const B = '9f3a7c2e1b8d4f6a0c5e7b9d2f4a6c8e31d07a5b';
const C = 'h3Kq+Zt/8mWx1Lr5Yb7Nc2Vp0Ds4Fg6J9e==';

const randomBytes = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));
const base64 = (b: Uint8Array): string => btoa(String.fromCharCode(...b));
const base64url = (b: Uint8Array): string => base64(b).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

describe('parseTokens', () => {
  it('reads label:token entries and bare tokens', () => {
    expect(parseTokens(` hr:${A} , ${B},, ops : ${C}, 人事科:a.b_c~${A}`, 'production')).toEqual({
      tokens: [
        { label: 'hr', token: A },
        { label: 'default', token: B },
        { label: 'ops', token: C },
        { label: '人事科', token: `a.b_c~${A}` },
      ],
      problems: [],
      refusedLabels: [],
    });
  });

  it.each([
    ['no token at all', undefined, /未设置/],
    ['only separators', ' , ,', /未设置/],
    ['a label without a token', 'label-only:', /第 1 项.*label-only.*冒号后没有令牌/],
    ['a token outside the bearer charset', `hr:${A} x`, /第 1 项.*hr.*不允许的字符/],
    ['a token with a quote', `ok:${A},hr:"${B}"`, /第 2 项.*hr.*不允许的字符/],
    ['a token with = inside', `hr:${A}=${B}`, /不允许的字符/],
    ['a label with a space', `h r:${A}`, /标签“h r”不合规/],
    ['an empty label', `:${A}`, /标签“”不合规/],
    ['a label twice', `hr:${A},it:${B},hr:${C}`, /标签“hr”出现了 2 次/],
    ['the same token under two labels', `hr:${A},it:${A}`, /同一个令牌.*“hr”.*“it”/],
    ['two bare tokens (label default twice)', `${A},${B}`, /标签“default”出现了 2 次/],
  ])('names a problem: %s', (_what, list, problem) => {
    const { problems } = parseTokens(list, 'production');
    expect(problems.join('；')).toMatch(problem);
  });

  it('never quotes a token in a problem', () => {
    const { problems } = parseTokens('hr:s3cret-token-value,it:s3cret-token-value,x:bad token!,w:weak', 'production');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('')).not.toMatch(/s3cret|bad token|weak/);
  });
});

describe('weak tokens are refused, naming the label', () => {
  it.each([
    ['weak:a', 'weak', /太短/],
    ['renshike:123456', 'renshike', /太短/],
    ['it:password', 'it', /太短/],
    [`hr:${'password'.repeat(4)}`, 'hr', /太有规律/],
    [`hr:${'a'.repeat(64)}`, 'hr', /太有规律/],
    [`hr:${'1234567890'.repeat(4)}`, 'hr', /太有规律/],
    ['hr:abcdefghijklmnopqrstuvwxyzABCDEFGH', 'hr', /太有规律/],
    [`hr:${B.slice(0, MIN_TOKEN_LENGTH - 1)}`, 'hr', /太短/],
  ])('%s', (list, label, why) => {
    const parsed = parseTokens(`ok:${A},${list}`, 'production');
    expect(parsed.tokens.map((t) => t.label)).toEqual(['ok']);
    expect(parsed.refusedLabels).toEqual([label]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatch(new RegExp(`第 2 项（标签“${label}”）：`));
    expect(parsed.problems[0]).toMatch(why);
    expect(parsed.problems[0]).toContain('npm run token');
    const secret = list.slice(list.indexOf(':') + 1);
    if (secret.length > 1) expect(parsed.problems[0]).not.toContain(secret);
  });

  it('weak tokens are refused in development too', () => {
    expect(parseTokens('hr:123456', 'development').refusedLabels).toEqual(['hr']);
  });

  it('tokens from generators pass: npm run token’s shape, 48 hex, base64 of 24 bytes, a UUID', () => {
    for (let i = 0; i < 200; i++) {
      for (const t of [base64url(randomBytes(32)), hex(randomBytes(24)), base64(randomBytes(24)), crypto.randomUUID()]) {
        expect(weakness(t), t).toBeNull();
        expect(estimatedBits(t)).toBeGreaterThanOrEqual(MIN_TOKEN_BITS);
      }
    }
  });
});

describe('the development token', () => {
  it('is refused by the configuration outside development, naming the label', () => {
    const parsed = parseTokens(`hr:${A},dev:${DEV_TOKEN}`, 'production');
    expect(parsed.refusedLabels).toEqual(['dev']);
    expect(parsed.problems.join('')).toMatch(/标签“dev”.*公开的本地开发令牌.*CE_ENV=development/);
    expect(parseTokens(`dev:${DEV_TOKEN}`, undefined).refusedLabels).toEqual(['dev']);
  });

  it('is accepted in development (CE_ENV=development, worker/.dev.vars)', () => {
    expect(parseTokens(`dev:${DEV_TOKEN}`, 'development')).toEqual({ tokens: [{ label: 'dev', token: DEV_TOKEN }], problems: [], refusedLabels: [] });
  });
});

describe('labelForToken', () => {
  const { tokens } = parseTokens(`hr:${A},dev:${DEV_TOKEN}`, 'development');
  it('names the label of the matching token, null for any other', async () => {
    expect(await labelForToken(A, tokens, undefined)).toBe('hr');
    expect(await labelForToken(A.slice(1), tokens, undefined)).toBeNull();
    expect(await labelForToken(`${A}x`, tokens, undefined)).toBeNull();
    // as long as the token, one character different, first or last
    expect(await labelForToken(`${A[0] === 'a' ? 'b' : 'a'}${A.slice(1)}`, tokens, undefined)).toBeNull();
    expect(await labelForToken(`${A.slice(0, -1)}${A.endsWith('a') ? 'b' : 'a'}`, tokens, undefined)).toBeNull();
  });
  it('names each label of a list, and the same token every time (its digest is made once)', async () => {
    const list = parseTokens(`hr:${A},it:${B}`, undefined).tokens;
    expect(await labelForToken(B, list, undefined)).toBe('it');
    expect(await labelForToken(A, list, undefined)).toBe('hr');
    expect(await labelForToken(A, list, undefined)).toBe('hr');
    expect(await labelForToken(A, [], undefined)).toBeNull();
  });
  it('accepts the dev token only when CE_ENV is development', async () => {
    expect(await labelForToken(DEV_TOKEN, tokens, 'development')).toBe('dev');
    expect(await labelForToken(DEV_TOKEN, tokens, undefined)).toBeNull();
    expect(await labelForToken(DEV_TOKEN, tokens, 'production')).toBeNull();
  });
});
