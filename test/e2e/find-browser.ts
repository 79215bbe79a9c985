// Which Chromium-family browser the e2e tests drive (playwright-core): CHROMIUM_PATH, Debian's /usr/bin/chromium,
// else an installed Google Chrome or Microsoft Edge (playwright-core channels). None: the e2e project is skipped with
// one line saying how to get one, except under CI, where a missing browser is a failure.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export type BrowserChoice = { executablePath: string; label: string } | { channel: 'chrome' | 'msedge'; label: string };

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const NO_BROWSER_HELP =
  'e2e tests skipped: no Chromium, Chrome or Edge found. Install one (Windows/macOS: Google Chrome or Microsoft Edge; ' +
  'Debian/Ubuntu: `sudo apt install chromium`) or set CHROMIUM_PATH to a Chromium-family browser executable.';

/** The environment variable the e2e config hands the choice to the test files in. */
export const BROWSER_ENV = 'CE_E2E_BROWSER';

async function channelWorks(channel: 'chrome' | 'msedge'): Promise<boolean> {
  try {
    const browser = await chromium.launch({ channel, args: CHROMIUM_ARGS, timeout: 15_000 });
    await browser.close();
    return true;
  } catch {
    return false;
  }
}

export async function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  paths: readonly string[] = ['/usr/bin/chromium'],
  channels: readonly ('chrome' | 'msedge')[] = ['chrome', 'msedge'],
): Promise<BrowserChoice | null> {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return { executablePath: fromEnv, label: `CHROMIUM_PATH (${fromEnv})` };
  }
  for (const p of paths) if (existsSync(p)) return { executablePath: p, label: p };
  for (const channel of channels) {
    if (await channelWorks(channel)) return { channel, label: channel === 'chrome' ? 'Google Chrome' : 'Microsoft Edge' };
  }
  return null;
}

/** The choice the e2e config made (falls back to a fresh search order without launching, for direct use). */
export function chosenBrowser(env: NodeJS.ProcessEnv = process.env): BrowserChoice {
  const raw = env[BROWSER_ENV];
  if (raw) return JSON.parse(raw) as BrowserChoice;
  return { executablePath: env.CHROMIUM_PATH || '/usr/bin/chromium', label: 'default' };
}

/** No browser: under CI that is a failure (throws); elsewhere the one line to print before skipping. */
export function noBrowser(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CI) throw new Error(`CI is set and ${NO_BROWSER_HELP.replace('e2e tests skipped: ', '')}`);
  return NO_BROWSER_HELP;
}
