// The CE_API_TOKEN list: labels, constant-time lookup, and the dev token refused outside development.
import { describe, expect, it } from 'vitest';
import { DEV_TOKEN, labelForToken, parseTokens } from '../../worker/tokens';

describe('parseTokens', () => {
  it('reads label:token entries and bare tokens', () => {
    expect(parseTokens(' hr:abc123 , xyz789,, ops : k-1 ')).toEqual([
      { label: 'hr', token: 'abc123' },
      { label: 'default', token: 'xyz789' },
      { label: 'ops', token: 'k-1' },
    ]);
    expect(parseTokens(undefined)).toEqual([]);
    expect(parseTokens('label-only:')).toEqual([]);
  });
});

describe('labelForToken', () => {
  const tokens = parseTokens(`hr:abc123,dev:${DEV_TOKEN}`);
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
