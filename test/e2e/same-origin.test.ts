// One origin: the Worker under `wrangler dev` serves the built add-in (dist/) as static assets next to its API. The
// task pane, functions metadata and icons come from the Worker's origin, every file with the security headers of
// dist/_headers (worker/page-headers.ts): a Content-Security-Policy allowing our origin and Office's script host,
// the task pane framed only by Office's pages (and our own), the web page by no one. The pane's API calls to its own
// origin work without CORS: the Worker allows only the e2e static server's origin (CE_ALLOWED_ORIGINS), not its own,
// and answers them all the same.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PAGE_HEADERS, TASK_PANE_HEADERS, TASK_PANE_PATH } from '../../worker/page-headers';
import { launchChromium, watchPolicyViolations } from './browser';

const env = inject('e2e');
const dist = join(env.root, 'dist');
const worker = env.workerUrl;
const SECURITY_HEADERS = ['Content-Security-Policy', 'X-Frame-Options', 'X-Content-Type-Options', 'Referrer-Policy'];

/** dist/.assetsignore's patterns (`*.map`): files Workers static assets do not serve. */
function ignored(): ((name: string) => boolean)[] {
  const file = join(dist, '.assetsignore');
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')) : [];
  return lines.map((p) => (p.startsWith('*') ? (name: string) => name.endsWith(p.slice(1)) : (name: string) => name === p));
}

/** Every file of dist/ that is served, as a URL path (not _headers and .assetsignore themselves, nor what the latter lists). */
function distPaths(dir = dist, skip = ignored()): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) return distPaths(file, skip);
    const path = `/${relative(dist, file).split('\\').join('/')}`;
    return path === '/_headers' || path === '/.assetsignore' || skip.some((s) => s(name)) ? [] : [path];
  });
}

function securityHeaders(res: Response): Record<string, string | null> {
  return Object.fromEntries(SECURITY_HEADERS.map((h) => [h, res.headers.get(h)]));
}

const expected = (headers: Readonly<Record<string, string>>): Record<string, string | null> =>
  Object.fromEntries(SECURITY_HEADERS.map((h) => [h, headers[h] ?? null]));

describe('the Worker serves dist/ on its own origin', () => {
  it('the task pane, functions metadata and icons are the built files', async () => {
    const files = ['taskpane.html', 'functions.json', ...readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.png')).map((f) => `assets/${f}`)];
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const res = await fetch(`${worker}/${file}`, { redirect: 'manual' });
      expect(res.status, file).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(dist, file))), file).toBe(true);
      if (file.endsWith('.html')) expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    }
  });

  it('every file of dist/, and /, carries the security headers: the pane’s policy on the pane, the page’s on all else', async () => {
    const paths = ['/', ...distPaths()];
    expect(paths).toEqual(expect.arrayContaining(['/index.html', TASK_PANE_PATH, '/taskpane.js', '/index.js', '/functions.json', '/assets/icon-32.png']));
    expect(paths.some((p) => p.endsWith('.css'))).toBe(true);
    for (const path of paths) {
      const res = await fetch(`${worker}${path}`, { redirect: 'manual' });
      expect(res.status, path).toBe(200);
      await res.body?.cancel();
      expect(securityHeaders(res), path).toEqual(expected(path === TASK_PANE_PATH ? TASK_PANE_HEADERS : PAGE_HEADERS));
    }
    const csp = TASK_PANE_HEADERS['Content-Security-Policy'];
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/\*\.officeapps\.live\.com/);
    expect(PAGE_HEADERS['Content-Security-Policy']).toMatch(/script-src 'self';.*frame-ancestors 'none'$/);
    // the rules file is not served; what the Worker answers itself (API, 404) is never a page to frame either
    for (const path of ['/_headers', '/no-such-file.js', '/v1/health']) {
      const res = await fetch(`${worker}${path}`);
      await res.body?.cancel();
      expect(res.headers.get('Content-Security-Policy'), path).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('X-Frame-Options'), path).toBe('DENY');
      expect(res.headers.get('X-Content-Type-Options'), path).toBe('nosniff');
    }
    expect((await fetch(`${worker}/_headers`)).status).toBe(404);
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
    // a page on another origin that is not Office (the e2e static server) framing the task pane; served for real,
    // not fulfilled by a route: Chromium treats a fulfilled page as public and would not frame 127.0.0.1 at all
    writeFileSync(join(env.buildDir, 'frames-pane.html'), `<!doctype html><iframe id="pane" src="${worker}/taskpane.html"></iframe>`);
    // a page of the Worker's own origin framing the web page, as / and as /index.html
    await context.route(`${worker}/e2e/frames-page.html`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><iframe src="${worker}/"></iframe><iframe src="${worker}/index.html"></iframe>` }));
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

  /** The frames' URLs once every iframe of `page` has settled (a frame refused by the policy shows Chromium's error page). */
  async function settledFrames(page: Page, count: number): Promise<string[]> {
    await page.waitForFunction((n) => document.querySelectorAll('iframe').length === n, count);
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    return page.frames().slice(1).map((f) => f.url());
  }

  it('another origin that is not Office cannot frame the task pane (frame-ancestors)', async () => {
    const page = await context.newPage();
    const refused: string[] = [];
    watchPolicyViolations(page, refused);
    await page.goto(`${env.baseUrl}/e2e/frames-pane.html`);
    expect(await settledFrames(page, 1)).toEqual(['chrome-error://chromewebdata/']);
    expect(refused.join('\n')).toMatch(/frame-ancestors 'self' https:\/\/\*\.officeapps\.live\.com/);
    await page.close();
  });

  it('the web page cannot be framed, not even by its own origin, as / or as /index.html', async () => {
    const page = await context.newPage();
    const refused: string[] = [];
    watchPolicyViolations(page, refused);
    await page.goto(`${worker}/e2e/frames-page.html`);
    expect(await settledFrames(page, 2)).toEqual(['chrome-error://chromewebdata/', 'chrome-error://chromewebdata/']);
    expect(refused.join('\n')).toMatch(/frame-ancestors 'none'|X-Frame-Options/);
    await page.close();
  });

  it('the task pane from the Worker calls the API on its own origin, no CORS involved, under its own policy', async () => {
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    const refused: string[] = [];
    watchPolicyViolations(page, refused);
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
    expect(refused).toEqual([]);
    await page.close();
  });
});

describe('framed by Office on the web (Chromium)', () => {
  // Office's pages are fulfilled here under their real https origins. Chromium blocks a public page from framing a
  // local address (local network access); a deployment serves the pane from a public origin, so those checks are
  // off in this browser only, leaving the Content-Security-Policy to decide.
  const LOCAL_NETWORK_CHECKS_OFF = '--disable-features=PrivateNetworkAccessForNavigations,PrivateNetworkAccessForWorkers,LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessRespectPreflightResults';
  const OFFICE_FRAME = 'https://excel.officeapps.live.com/x/_layouts/WopiFrame.html';
  let browser: Browser;
  let context: BrowserContext;
  const html = (body: string) => ({ status: 200, contentType: 'text/html', body: `<!doctype html>${body}` });
  beforeAll(async () => {
    browser = await launchChromium([LOCAL_NETWORK_CHECKS_OFF]);
    context = await browser.newContext();
    // office.js stand-in that never reports a host: the pane's own page and scripts are what is checked here
    await context.route('https://appsforoffice.microsoft.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.Office = { onReady: () => new Promise(() => undefined) };' }));
    await context.route(OFFICE_FRAME, (route) => route.fulfill(html(`<iframe src="${worker}${TASK_PANE_PATH}"></iframe>`)));
    for (const top of ['https://contoso.sharepoint.com/**', 'https://contoso.sharepoint.cn/**', 'https://evil.example/**']) {
      await context.route(top, (route) => route.fulfill(html(`<iframe src="${OFFICE_FRAME}"></iframe>`)));
    }
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  /** The task pane's frame in `top`, or null when it was refused; and what the policy refused. */
  async function paneIn(top: string): Promise<{ loaded: boolean; refused: string[] }> {
    const page = await context.newPage();
    const refused: string[] = [];
    watchPolicyViolations(page, refused);
    await page.goto(top);
    let loaded = false;
    for (let i = 0; i < 100 && !loaded; i++) {
      const pane = page.frames().find((f) => f.url().startsWith(`${worker}${TASK_PANE_PATH}`));
      loaded = pane ? (await pane.$('#compute').catch(() => null)) !== null : false;
      if (!loaded && page.frames().some((f) => f.url() === 'chrome-error://chromewebdata/')) break;
      if (!loaded) await page.waitForTimeout(100);
    }
    await page.close();
    return { loaded, refused };
  }

  it.each([
    ['Excel on the web itself', OFFICE_FRAME],
    ['Excel on the web inside SharePoint', 'https://contoso.sharepoint.com/sites/hr/Book.xlsx'],
    ['Excel on the web inside SharePoint operated by 21Vianet', 'https://contoso.sharepoint.cn/sites/hr/Book.xlsx'],
  ])('%s shows the task pane, and its scripts run under the policy', async (_what, top) => {
    expect(await paneIn(top)).toEqual({ loaded: true, refused: [] });
  });

  it('an Office frame inside a page that is not Office does not: every ancestor must be Office', async () => {
    const { loaded, refused } = await paneIn('https://evil.example/phish.html');
    expect(loaded).toBe(false);
    expect(refused.join('\n')).toMatch(/frame-ancestors/);
  });
});
