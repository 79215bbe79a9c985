import { describe, expect, it } from 'vitest';
import { todayInChina } from '../../worker/today';

describe('todayInChina', () => {
  it('is the calendar date in UTC+8', () => {
    expect(todayInChina(new Date('2023-12-31T15:59:59Z'))).toBe('2023-12-31');
    expect(todayInChina(new Date('2023-12-31T16:00:00Z'))).toBe('2024-01-01');
    expect(todayInChina(new Date('2024-02-28T20:00:00Z'))).toBe('2024-02-29');
  });
});
