// One origin: the Worker under `wrangler dev` serves the built add-in (dist/) as static assets next to its API. The
// task pane, functions metadata and icons come from the Worker's origin, can be framed by another origin (as Excel on
// the web does), and the pane's API calls to its own origin work without CORS: the Worker allows only the e2e static
// server's origin (CE_ALLOWED_ORIGINS), not its own, and answers them all the same.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';

const env = inject('e2e');
const dist = join(env.root, 'dist');
const worker = env.workerUrl;

/** Headers that would stop Excel on the web (another origin) from framing a page. */
function frameBlockers(res: Response): string[] {
  const blockers: string[] = [];
  const xfo = res.headers.get('X-Frame-Options');
  if (xfo) blockers.push(`X-Frame-Options: ${xfo}`);
  const csp = res.headers.get('Content-Security-Policy') ?? '';
  if (/frame-ancestors/i.test(csp)) blockers.push(`CSP: ${csp}`);
  return blockers;
}

describe('the Worker serves dist/ on its own origin', () => {
  it('the task pane, functions metadata and icons are the built files, frameable', async () => {
    const files = ['taskpane.html', 'functions.json', ...readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.png')).map((f) => `assets/${f}`)];
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const res = await fetch(`${worker}/${file}`, { redirect: 'manual' });
      expect(res.status, file).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(dist, file))), file).toBe(true);
      if (file.endsWith('.html')) {
        expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
        expect(frameBlockers(res), file).toEqual([]);
      }
    }
  });

  it('/ is the .xlsx page (dist/index.html) when it is built, else a JSON 404; the API stays the Worker', async () => {
    const root = await fetch(`${worker}/`, { redirect: 'manual' });
    if (existsSync(join(dist, 'index.html'))) {
      expect(root.status).toBe(200);
      expect(await root.text()).toBe(readFileSync(join(dist, 'index.html'), 'utf8'));
    } else {
      expect(root.status).toBe(404);
      expect(((await root.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }
    const health = await fetch(`${worker}/v1/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { limits: { rowsPerRequest: number } }).limits.rowsPerRequest).toBeGreaterThan(0);
    const missing = await fetch(`${worker}/no-such-file.js`);
    expect(missing.status).toBe(404);
    await missing.body?.cancel();
  });
});

describe('in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext();
    const sim = { status: 200, contentType: 'text/javascript', body: readFileSync(join(env.buildDir, 'sim.js'), 'utf8') };
    await context.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill(sim));
    // the simulated Excel host page, on the Worker's origin: its iframe loads /taskpane.html from the Worker
    await context.route(`${worker}/e2e/sim.js`, (route) => route.fulfill(sim));
    await context.route(`${worker}/e2e/host.html`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: readFileSync(join(env.buildDir, 'host.html'), 'utf8') }));
    // a page on another origin (the e2e static server) that frames the task pane, as Excel on the web does; served
    // for real, not fulfilled by a route: Chromium treats a fulfilled page as public and would not frame 127.0.0.1
    writeFileSync(join(env.buildDir, 'frames-pane.html'), `<!doctype html><iframe id="pane" src="${worker}/taskpane.html"></iframe>`);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  async function paneOf(page: Page): Promise<Frame> {
    const handle = await page.waitForSelector('iframe');
    for (let i = 0; i < 200; i++) {
      const frame = await handle.contentFrame();
      if (frame && frame.url().startsWith(`${worker}/taskpane.html`)) return frame;
      await page.waitForTimeout(50);
    }
    throw new Error(`the task pane did not load from the Worker: frames ${page.frames().map((f) => f.url()).join(', ')}`);
  }

  it('another origin can frame the task pane served by the Worker', async () => {
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}/e2e/frames-pane.html`);
    const pane = await paneOf(page);
    await pane.waitForSelector('#compute', { timeout: 30_000 });
    await page.close();
  });

  it('the task pane from the Worker calls the API on its own origin, no CORS involved', async () => {
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    await page.goto(`${worker}/e2e/host.html`);
    const pane = await paneOf(page);
    await pane.waitForSelector('#compute');

    // through the pane's own settings and “测试连接” (GET /v1/health and, with the token, /v1/rules)
    await pane.evaluate(() => ((document.getElementById('settings') as HTMLDetailsElement).open = true));
    await pane.fill('#settings-url', worker);
    await pane.fill('#settings-token', env.token);
    await pane.click('#save-settings');
    await pane.click('#test-connection');
    await pane.waitForSelector('#connection-status:has-text("连接成功")', { timeout: 30_000 });

    // an evaluate call from the pane's page: answered, and without any CORS header (its origin is not allowed)
    const answer = await pane.evaluate(async (token) => {
      const res = await fetch('/v1/evaluate', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ asOf: '2023-11-01', rows: [{ name: '张三', platformPublicHours: 30, platformProfessionalHours: 60 }] }),
      });
      const body = (await res.json()) as { results: { status: string }[] };
      return { status: res.status, acao: res.headers.get('Access-Control-Allow-Origin'), statuses: body.results.map((r) => r.status), origin: location.origin };
    }, env.token);
    expect(answer).toEqual({ status: 200, acao: null, statuses: ['达标'], origin: worker });
    expect(failed).toEqual([]);
    await page.close();
  });
});
