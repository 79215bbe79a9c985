// A Chromium-family browser through playwright-core (find-browser.ts), with office.js served from the simulator
// bundle (no network).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, chosenBrowser } from './find-browser';

export { CHROMIUM_ARGS };

/** The browser the e2e config found (find-browser.ts): a path, or an installed Chrome/Edge channel; `extraArgs` e.g. a heap cap. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const choice = chosenBrowser();
  const args = [...CHROMIUM_ARGS, ...extraArgs];
  return 'channel' in choice ? chromium.launch({ channel: choice.channel, args }) : chromium.launch({ executablePath: choice.executablePath, args });
}

/** Adds to `errors` what the Content-Security-Policy of the pages (dist/_headers) refuses, in any frame of `page`. */
export function watchPolicyViolations(page: Page, errors: string[]): void {
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame|evaluate)/i.test(m.text())) errors.push(m.text());
  });
}

/** A page on the e2e host with the task pane loaded in its iframe; returns the task pane's frame. */
export function openHost(browser: Browser, baseUrl: string, buildDir: string): Promise<{ context: BrowserContext; page: Page; pane: Frame; errors: string[] }> {
  return openHostWithSim(browser, baseUrl, readFileSync(join(buildDir, 'sim.js'), 'utf8'));
}

/** The same with a given simulator bundle, served both as office.js and as the host's `/e2e/sim.js`. */
export async function openHostWithSim(browser: Browser, baseUrl: string, sim: string): Promise<{ context: BrowserContext; page: Page; pane: Frame; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const js = { status: 200, contentType: 'text/javascript', body: sim };
  await context.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill(js));
  await context.route(`${baseUrl}/e2e/sim.js`, (route) => route.fulfill(js));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  watchPolicyViolations(page, errors);
  await page.goto(`${baseUrl}/e2e/host.html`);
  const handle = await page.waitForSelector('#taskpane');
  let pane: Frame | null = null;
  for (let i = 0; i < 100 && !pane; i++) {
    pane = await handle.contentFrame();
    if (!pane || pane.url() === 'about:blank') {
      pane = null;
      await page.waitForTimeout(50);
    }
  }
  if (!pane) throw new Error('task pane frame did not load');
  await pane.waitForSelector('#compute');
  await pane.waitForFunction(() => (document.getElementById('settings-url') as HTMLInputElement | null)?.value !== '');
  return { context, page, pane, errors };
}

export type HostSession = { browser: Browser; context: BrowserContext; page: Page; pane: Frame; errors: string[] };

/**
 * For one describe block: a browser and the e2e host page with the built task pane, opened before its tests (after
 * making the artifacts folder) and closed after them. Read the fields inside hooks and tests, once they are set.
 */
export function hostForSuite(env: { baseUrl: string; buildDir: string }, artifacts: string): HostSession {
  const host = {} as HostSession;
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    host.browser = await launchChromium();
    Object.assign(host, await openHost(host.browser, env.baseUrl, env.buildDir));
  });
  afterAll(async () => {
    await host.browser?.close();
  });
  return host;
}
