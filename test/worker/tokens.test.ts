// The CE_API_TOKEN list: labels, constant-time lookup, and the dev token refused outside development.
import { describe, expect, it } from 'vitest';
import { DEV_TOKEN, labelForToken, parseTokens } from '../../worker/tokens';

describe('parseTokens', () => {
  it('reads label:token entries and bare tokens', () => {
    expect(parseTokens(' hr:abc123 , xyz789,, ops : k-1, 人事科:a.b_c~d+e/f== ')).toEqual({
      tokens: [
        { label: 'hr', token: 'abc123' },
        { label: 'default', token: 'xyz789' },
        { label: 'ops', token: 'k-1' },
        { label: '人事科', token: 'a.b_c~d+e/f==' },
      ],
      problems: [],
    });
  });

  it.each([
    ['no token at all', undefined, /未设置/],
    ['only separators', ' , ,', /未设置/],
    ['a label without a token', 'label-only:', /第 1 项.*label-only.*冒号后没有令牌/],
    ['a token outside the bearer charset', 'hr:abc def', /第 1 项.*hr.*不允许的字符/],
    ['a token with a quote', 'ok:good1,hr:"quoted"', /第 2 项.*hr.*不允许的字符/],
    ['a token with = inside', 'hr:ab=cd', /不允许的字符/],
    ['a label with a space', 'h r:abc', /标签“h r”不合规/],
    ['an empty label', ':abc', /标签“”不合规/],
    ['a label twice', 'hr:abc,it:def,hr:ghi', /标签“hr”出现了 2 次/],
    ['the same token under two labels', 'hr:same-token,it:same-token', /同一个令牌.*“hr”.*“it”/],
    ['two bare tokens (label default twice)', 'abc,def', /标签“default”出现了 2 次/],
  ])('names a problem: %s', (_what, list, problem) => {
    const { problems } = parseTokens(list);
    expect(problems.join('；')).toMatch(problem);
  });

  it('never quotes a token in a problem', () => {
    const { problems } = parseTokens('hr:s3cret-token-value,it:s3cret-token-value,x:bad token!');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('')).not.toMatch(/s3cret|bad token/);
  });
});

describe('labelForToken', () => {
  const { tokens } = parseTokens(`hr:abc123,dev:${DEV_TOKEN}`);
  it('names the label of the matching token, null for any other', async () => {
    expect(await labelForToken('abc123', tokens, undefined)).toBe('hr');
    expect(await labelForToken('abc12', tokens, undefined)).toBeNull();
    expect(await labelForToken('abc1234', tokens, undefined)).toBeNull();
  });
  it('accepts the dev token only when CE_ENV is development', async () => {
    expect(await labelForToken(DEV_TOKEN, tokens, 'development')).toBe('dev');
    expect(await labelForToken(DEV_TOKEN, tokens, undefined)).toBeNull();
    expect(await labelForToken(DEV_TOKEN, tokens, 'production')).toBeNull();
  });
});
