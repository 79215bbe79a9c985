import { describe, expect, it } from 'vitest';
import { trimTrailingSlashes } from '../../shared/url';

describe('trimTrailingSlashes', () => {
  it('drops every trailing slash and nothing else', () => {
    expect(trimTrailingSlashes('https://ce.example.org///')).toBe('https://ce.example.org');
    expect(trimTrailingSlashes('https://ce.example.org')).toBe('https://ce.example.org');
    expect(trimTrailingSlashes('///')).toBe('');
    expect(trimTrailingSlashes('')).toBe('');
  });

  it('costs linear time on a long run of slashes that does not end the text', () => {
    const hostile = '/'.repeat(200_000) + 'x';
    const plain = 'a'.repeat(200_001);
    const time = (s: string): number => {
      const t = performance.now();
      for (let i = 0; i < 5; i++) trimTrailingSlashes(s);
      return performance.now() - t;
    };
    time(plain);
    // a quadratic pattern (/\/+$/) takes seconds here; a backward scan stops at the first non-slash
    expect(time(hostile)).toBeLessThan(50 + 20 * time(plain));
  });
});
