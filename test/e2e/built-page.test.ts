// What ships is what is tested: dist/taskpane.html as Excel's shared runtime loads it, with office.js
// answered by a small stand-in that only records what the page registers. Every id of dist/functions.json must be
// associated by the page's own script, each registered handle must answer what evaluate() answers, the ribbon's
// action id must be associated, every URL of manifest.xml must be a file of the build, and outside Office the pane
// must say so in Chinese instead of throwing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HEADERS, evaluate } from '../../shared/index';
import type { CellValue, EvaluateResponse, RosterRowInput, RowResult } from '../../shared/types';
import { FUNCTION_KINDS, type FunctionKind } from '../../addin/functions/ids';
import { find, parseXml } from '../addin/xml-lite';
import { expectedForCase, expectedForResult, type WorkedCase } from '../addin/function-expectations';
import examples from '../fixtures/examples.json';
import { launchChromium } from './browser';
import { callFunction, officeStandIn as standIn, openBuiltPane, type Answer, type OpenedPane } from './office-stand-in';
import { manifestUrls } from '../addin/manifest-urls';

const env = inject('e2e');
const AS_OF = '2023-11-01';
const dist = join(env.root, 'dist');

/** Opens dist/taskpane.html as served on 127.0.0.1 with the given office.js (null: office.js fails to load). */
const openBuiltPage = (browser: Browser, officeJs: string | null): Promise<OpenedPane> => openBuiltPane(browser, `${env.baseUrl}/taskpane.html`, officeJs);

/** Calls the registered handle `id` with a roster range and its header row. */
const callRegistered = (page: Page, id: string, rows: CellValue[][], headers: CellValue[][]): Promise<Answer> => callFunction(page, id, [rows, headers]);

const errorText = (r: RowResult): string => r.errors.map((e) => e.message).join('；');

/** What a function must answer for one roster row; #VALUE! as the stand-in's CustomFunctions.Error shows it. */
const valueError = (message: string) => ({ error: '#VALUE!', message });
const expectedCells = (kind: FunctionKind, r: RowResult): unknown[] => expectedForResult(kind, r, valueError);
const caseCells = (kind: FunctionKind, ex: Example): unknown[] => expectedForCase(kind, ex, valueError);

type Example = WorkedCase & { row: RosterRowInput };
const cases = examples as unknown as Example[];
const cellsOf = (row: RosterRowInput): CellValue[] => HEADERS.map((h) => row[h.key] ?? null);
const header: CellValue[][] = [HEADERS.map((h) => h.zh)];

describe('the built task pane as the shared runtime loads it', () => {
  let browser: Browser;
  let opened: OpenedPane;
  const metadata = JSON.parse(readFileSync(join(dist, 'functions.json'), 'utf8')) as { functions: { id: string }[] };
  const ids = metadata.functions.map((f) => f.id);

  beforeAll(async () => {
    browser = await launchChromium();
    opened = await openBuiltPage(browser, standIn('Excel'));
    await opened.page.waitForFunction(() => (document.getElementById('settings-url') as HTMLInputElement | null)?.value !== '');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('associates exactly the ids of dist/functions.json, each once, when the script loads', async () => {
    expect(ids.sort()).toEqual(Object.keys(FUNCTION_KINDS).sort());
    const rec = await opened.page.evaluate(() => {
      const r = (window as unknown as { __recorded: { functions: Record<string, unknown>; associateCalls: number } }).__recorded;
      return { ids: Object.keys(r.functions).sort(), calls: r.associateCalls, functions: Object.values(r.functions).every((f) => typeof f === 'function') };
    });
    expect(rec.ids).toEqual([...ids].sort());
    expect(rec.functions).toBe(true);
    expect(rec.calls).toBeLessThanOrEqual(ids.length);
  });

  it('each registered function, called once through its handle, answers what evaluate() answers', async () => {
    // one row each of a compliant, a short, a capped and a 数据有误 example
    const pick = (pred: (r: RowResult) => boolean): Example => {
      const c = cases.find((x) => pred(evaluate([x.row]).results[0]));
      if (!c) throw new Error('no such worked example');
      return c;
    };
    const sample = [
      pick((r) => r.status === '达标'),
      pick((r) => r.status === '未达标'),
      pick((r) => r.status !== '数据有误' && r.warnings.some((w) => (w.lostHours ?? 0) > 0)),
      pick((r) => r.status === '数据有误'),
    ];
    for (const id of ids) {
      const kind = FUNCTION_KINDS[id as keyof typeof FUNCTION_KINDS];
      for (const ex of sample) {
        const want = evaluate([ex.row], { asOf: undefined }).results[0];
        const got = await callRegistered(opened.page, id, [cellsOf(ex.row)], header);
        if (want.status === '数据有误') expect(got, `${id} ${ex.id}`).toEqual({ thrown: { code: '#VALUE!', message: errorText(want) } });
        else expect(got, `${id} ${ex.id}`).toEqual({ value: [caseCells(kind, ex)] });
      }
    }
    // a header row without 姓名 is #VALUE! with a Chinese message naming it
    const bad = await callRegistered(opened.page, 'CEHOURS', [['张三', 30]], [['名单', '学时']]);
    expect(bad).toMatchObject({ thrown: { code: '#VALUE!' } });
    expect((bad as { thrown: { message: string } }).thrown.message).toContain('姓名');
    expect(opened.errors).toEqual([]);
  });

  it('on every worked example at once (a spill), each function answers what the running Worker answers', async () => {
    const res = await fetch(`${env.workerUrl}/v1/evaluate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${env.token}` },
      body: JSON.stringify({ rows: cases.map((c) => c.row), asOf: AS_OF }),
    });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as EvaluateResponse;
    expect(answer.results).toHaveLength(cases.length);
    // the custom functions run without asOf (no DEADLINE_PASSED); the hour figures do not depend on it
    for (const id of ids) {
      const kind = FUNCTION_KINDS[id as keyof typeof FUNCTION_KINDS];
      const got = await callRegistered(opened.page, id, cases.map((c) => cellsOf(c.row)), header);
      expect(got, id).toEqual({ value: cases.map((c) => caseCells(kind, c)) });
      if (kind === 'status') continue;
      answer.results.forEach((r, i) => {
        if (r.status === '' || r.status === '数据有误') expect(cases[i].expect.status, cases[i].id).toBe(r.status);
        else expect((got as { value: unknown[][] }).value[i], `${id} ${cases[i].id}`).toEqual(expectedCells(kind, r));
      });
    }
  });

  it('associates the ribbon action id of manifest.xml, and the page logs no error', async () => {
    const manifest = parseXml(readFileSync(join(env.root, 'manifest.xml'), 'utf8'));
    const actionIds = find(manifest, 'FunctionName').map((n) => n.text);
    expect(actionIds.length).toBeGreaterThan(0);
    const registered = await opened.page.evaluate(() => Object.keys((window as unknown as { __recorded: { actions: object } }).__recorded.actions));
    for (const id of actionIds) expect(registered).toContain(id);
    expect(opened.errors).toEqual([]);
  });

  it('by default the pane is set to keep names and ID numbers in the workbook', async () => {
    expect(await opened.page.isChecked('#settings-send-personal')).toBe(false);
    expect(await opened.page.textContent('#settings')).toContain('默认不发送');
  });

  it('every URL of manifest.xml is a file that `npm run build` produced, served with 200', async () => {
    const urls = manifestUrls(readFileSync(join(env.root, 'manifest.xml'), 'utf8'));
    expect(urls.map((u) => new URL(u).pathname)).toEqual(expect.arrayContaining(['/taskpane.html', '/taskpane.js', '/functions.json', '/assets/icon-32.png']));
    for (const u of urls) {
      const path = new URL(u).pathname;
      expect(existsSync(join(dist, path)), `${u} → dist${path}`).toBe(true);
      const res = await fetch(`${env.baseUrl}${path}`);
      expect(res.status, u).toBe(200);
      await res.arrayBuffer();
    }
  });
});

describe('the built task pane outside Office', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [label, officeJs] of [
    ['office.js does not load', null],
    ['office.js loads in a plain browser (no host)', standIn(null)],
  ] as const) {
    it(`${label}: the pane says in Chinese to open it in Excel, and nothing throws`, async () => {
      const { context, page, errors } = await openBuiltPage(browser, officeJs);
      await page.waitForSelector('#message:not([hidden])');
      expect(await page.textContent('#message')).toContain('请在 Excel 中打开本加载项');
      expect(await page.isDisabled('#compute')).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
