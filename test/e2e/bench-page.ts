// The page half of `npm run bench:xlsx` (run by scripts/bench-xlsx.ts in its own process):
// `tsx test/e2e/bench-page.ts ROSTER.xlsx ROWS OUTDIR` serves dist/, opens index.html in Chromium at 1366×768, chooses
// the file with a real file chooser, runs 开始核对 and downloads the result, the page's JavaScript heap capped at
// 1 GB (--js-flags=--max-old-space-size=1024, an office PC's browser tab). Prints one JSON line of figures.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser';
import { freePort } from './ports';
import { serveStatic } from './static-server';

const root = fileURLToPath(new URL('../..', import.meta.url));
const AS_OF = '2023-11-01';
type Figures = { read: number; compute: number; write: number; total: number; cpu: number; peakMb: number };

async function page(input: string, n: number, dir: string): Promise<Figures> {
  const port = await freePort(8800, 8819);
  const server = await serveStatic([{ prefix: '/', dir: join(root, 'dist') }], port);
  const browser = await launchChromium(['--js-flags=--max-old-space-size=1024']);
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    const p = await context.newPage();
    await p.goto(`http://127.0.0.1:${port}/index.html`);
    await p.fill('#as-of', AS_OF);
    // A string, not a function: tsx would wrap a function's inner arrows in a helper the page does not have.
    await p.evaluate(`window.__peak = 0; setInterval(() => { window.__peak = Math.max(window.__peak, performance.memory ? performance.memory.usedJSHeapSize : 0); }, 100);`);
    const cdp = await context.newCDPSession(p);
    await cdp.send('Performance.enable');
    const busy = async (): Promise<number> => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
    };
    const [chooser] = await Promise.all([p.waitForEvent('filechooser'), p.click('#drop')]);
    const busy0 = await busy();
    const t0 = performance.now();
    await chooser.setFiles(input);
    await p.waitForSelector('#preflight:not([hidden]), #message:not([hidden])', { timeout: 600_000 });
    const t1 = performance.now();
    let computedAt = 0;
    const watch = setInterval(() => {
      void p.textContent('#progress-text').then((t) => {
        if (computedAt === 0 && t && !t.startsWith('计算') && !t.startsWith('开始')) computedAt = performance.now();
      }, () => undefined);
    }, 50);
    await p.click('#start');
    await p.waitForSelector('#result:not([hidden]), #message:not([hidden])', { timeout: 600_000 });
    clearInterval(watch);
    const t2 = performance.now();
    const counted = await p.textContent('#counts .count.total .n');
    if (Number(counted) !== n) throw new Error(`page counted ${counted} rows, expected ${n}`);
    const peak = Number(await p.evaluate('window.__peak'));
    const cpu = (await busy()) - busy0;
    const [download] = await Promise.all([p.waitForEvent('download'), p.click('#download')]);
    const saved = join(dir, `page-${n}.xlsx`);
    await download.saveAs(saved);
    if (statSync(saved).size < 1000) throw new Error('download too small');
    const mid = computedAt || t2;
    return { read: t1 - t0, compute: mid - t1, write: t2 - mid, total: t2 - t0, cpu, peakMb: peak / 1024 / 1024 };
  } finally {
    await browser.close();
    server.close();
  }
}

const [input, rows, dir] = process.argv.slice(2);
page(input, Number(rows), dir).then(
  (f) => process.stdout.write(`${JSON.stringify(f)}\n`),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
