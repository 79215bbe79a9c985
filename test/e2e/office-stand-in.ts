// office.js as a small stand-in for opening the built task pane the way Excel's shared runtime loads it: it records
// CustomFunctions.associate and Office.actions.associate (window.__recorded), and holds the workbook's document
// settings (Office.context.document.settings) given to it. `host` null: a plain browser, outside Office.
import type { Browser, BrowserContext, Page } from 'playwright-core';

export function officeStandIn(host: 'Excel' | null, documentSettings: Record<string, unknown> = {}): string {
  return `
(() => {
  const rec = { functions: {}, associateCalls: 0, actions: {}, actionCalls: 0 };
  window.__recorded = rec;
  class CfError extends Error { constructor(code, message) { super(message); this.code = code; } }
  const put = (map, key, fn) => { map[key] = fn; };
  window.CustomFunctions = {
    Error: CfError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!' },
    associate(idOrMap, fn) {
      rec.associateCalls++;
      if (typeof idOrMap === 'string') put(rec.functions, idOrMap, fn);
      else for (const k of Object.keys(idOrMap)) put(rec.functions, k, idOrMap[k]);
    },
  };
  const info = { host: ${JSON.stringify(host)}, platform: ${host ? "'OfficeOnline'" : 'null'} };
  const saved = ${JSON.stringify(documentSettings)};
  const settings = {
    get: (k) => (k in saved ? saved[k] : null),
    set: (k, v) => { saved[k] = v; },
    saveAsync: (cb) => setTimeout(() => cb && cb({ status: 'succeeded' }), 0),
  };
  window.Office = {
    HostType: { Excel: 'Excel' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: { requirements: { isSetSupported: () => true }, document: { settings } },
    actions: { associate(id, fn) { rec.actionCalls++; rec.actions[id] = fn; } },
    onReady(cb) { return new Promise((resolve) => setTimeout(() => { if (cb) cb(info); resolve(info); }, 0)); },
  };
  window.OfficeRuntime = { storage: { getItem: async (k) => localStorage.getItem('office:' + k), setItem: async (k, v) => localStorage.setItem('office:' + k, v) } };
})();
`;
}

export type OpenedPane = { context: BrowserContext; page: Page; errors: string[] };

/** Opens the built task pane at `url` with the given office.js (null: office.js fails to load), in a context of its own. */
export async function openBuiltPane(browser: Browser, url: string, officeJs: string | null): Promise<OpenedPane> {
  const context = await browser.newContext();
  await context.route('https://appsforoffice.microsoft.com/**', (route) =>
    officeJs === null ? route.abort('connectionrefused') : route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJs }),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // office.js refused on purpose is a network error of that request, not of the page's code
    if (m.type() === 'error' && !/appsforoffice\.microsoft\.com|ERR_CONNECTION_REFUSED/.test(m.text() + (m.location().url ?? ''))) errors.push(m.text());
  });
  await page.goto(url);
  await page.waitForLoadState('load');
  return { context, page, errors };
}

export type Answer = { value: unknown[][] } | { thrown: { code: string; message: string } };

/** Calls the registered custom function `id` inside the page with `args`; CustomFunctions.Error cells become { error, message }. */
export function callFunction(page: Page, id: string, args: readonly unknown[]): Promise<Answer> {
  return page.evaluate(
    ({ id, args }) => {
      const w = window as unknown as { __recorded: { functions: Record<string, (...a: unknown[]) => unknown[][]> } };
      const plain = (c: unknown): unknown => (c instanceof Error ? { error: (c as Error & { code: string }).code, message: c.message } : c);
      try {
        return { value: w.__recorded.functions[id](...args).map((line) => line.map(plain)) };
      } catch (e) {
        return { thrown: { code: (e as { code?: string }).code ?? 'none', message: (e as Error).message } };
      }
    },
    { id, args: [...args] },
  );
}
