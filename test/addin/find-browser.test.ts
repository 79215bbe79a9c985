// The e2e project's browser search (test/e2e/find-browser.ts): CHROMIUM_PATH, known paths, Chrome/Edge channels;
// none → one line to skip with, or a failure under CI.
import { describe, expect, it } from 'vitest';
import { findBrowser, noBrowser } from '../e2e/find-browser';

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH first and refuses one that does not exist', async () => {
    expect(await findBrowser({ CHROMIUM_PATH: process.execPath }, [], [])).toMatchObject({ executablePath: process.execPath });
    await expect(findBrowser({ CHROMIUM_PATH: '/no/such/chrome' }, [], [])).rejects.toThrow(/CHROMIUM_PATH/);
  });

  it('then the first known path that exists', async () => {
    expect(await findBrowser({}, ['/no/such/chromium', process.execPath], [])).toMatchObject({ executablePath: process.execPath });
  });

  it('none: one line saying how to get one; under CI a failure', async () => {
    expect(await findBrowser({}, ['/no/such/chromium'], [])).toBeNull();
    const line = noBrowser({});
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/CHROMIUM_PATH/);
    expect(line).toMatch(/Chrome|Edge/);
    expect(() => noBrowser({ CI: 'true' })).toThrow(/CI is set/);
  });
});
