// The 计算学时 user story in a real browser: the built task pane over a simulated Excel and the real Worker.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Frame, Page, Request } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { OUTPUT_HEADERS, evaluate, formatRowOutput, mapHeaders, rowFromCells } from '../../shared/index';
import type { CellValue } from '../../shared/types';
import { NO_TOKEN_MESSAGE } from '../../addin/api/errors';
import { hostForSuite } from './browser';
import { saveSettings } from './pane-click';
import type { CeSimHost } from './host/sim-entry';
import { startWorkerOnFreePort } from './worker-process';

const env = inject('e2e');
const ARTIFACTS = join(env.root, 'test', 'artifacts');
const AS_OF = '2023-11-01';
const SHEET = '示例花名册';

type Snapshot = CellValue[][];
declare global {
  interface Window {
    __ceSim?: CeSimHost;
  }
}

const snapshot = (page: Page, sheet: string): Promise<Snapshot> => page.evaluate((s) => window.__ceSim!.snapshot(s), sheet);
const formats = (page: Page, sheet: string): Promise<string[][]> => page.evaluate((s) => window.__ceSim!.formats(s), sheet);


async function clickCompute(pane: Frame): Promise<string> {
  await pane.evaluate(() => {
    const m = document.getElementById('message')!;
    m.hidden = true;
    m.textContent = '';
  });
  await pane.click('#compute');
  await pane.waitForFunction(() => {
    const m = document.getElementById('message')!;
    return !m.hidden && m.textContent !== '' && !(document.getElementById('compute') as HTMLButtonElement).disabled;
  });
  return (await pane.textContent('#message')) ?? '';
}

/** Shows the output columns (right end of the grid) in the screenshots. */
async function scrollGridRight(page: Page): Promise<void> {
  await page.evaluate(() => {
    const wrap = document.querySelector('.grid-wrap');
    if (wrap) wrap.scrollLeft = wrap.scrollWidth;
  });
}

/** What the add-in must have written: the engine's own answer for the rows as they are on the sheet. */
function expectedOutputs(before: Snapshot): { headerWidth: number; rows: CellValue[][]; statuses: string[] } {
  const header = before[0];
  const mapping = mapHeaders(header);
  const data = before.slice(1);
  const answer = evaluate(
    data.map((cells) => rowFromCells(cells, mapping.columns)),
    { asOf: AS_OF },
  );
  const rows = answer.results.map((r) => (r.status === '' ? OUTPUT_HEADERS.map(() => '') : formatRowOutput(r).map((c) => c ?? '')));
  return { headerWidth: header.length, rows, statuses: answer.results.map((r) => r.status) };
}

describe('task pane in chromium over a simulated workbook and the real Worker', () => {
  const host = hostForSuite(env, ARTIFACTS);

  it('connects, inserts the sample roster, computes, writes exactly the engine results, and a second run changes nothing', async () => {
    await saveSettings(host.pane, { url: env.workerUrl, token: env.token, asOf: AS_OF });
    await host.pane.click('#test-connection');
    await host.pane.waitForSelector('#connection-status.ok');
    const status = (await host.pane.textContent('#connection-status')) ?? '';
    expect(status).toContain('连接成功');
    expect(status).toMatch(/引擎版本 \S+/);
    expect(status).toContain('zaozhuang-2023');

    await host.pane.click('#insert-sample');
    await host.pane.waitForSelector('#message:has-text("已插入工作表")');
    const before = await snapshot(host.page, SHEET);
    expect(before.length).toBe(31);
    const expected = expectedOutputs(before);

    // what the built pane sends the Worker: the compact answer without a summary (the pane makes its own)
    const bodies: unknown[] = [];
    const onRequest = (req: Request): void => {
      if (req.method() === 'POST' && req.url().endsWith('/v1/evaluate')) bodies.push(req.postDataJSON());
    };
    host.context.on('request', onRequest);
    const message = await clickCompute(host.pane);
    host.context.off('request', onRequest);
    expect(message).toContain('已完成');
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) expect(body).toMatchObject({ format: 'compact', summary: false });
    const after = await snapshot(host.page, SHEET);
    const w = expected.headerWidth;

    // Inputs untouched, cell by cell.
    expect(after.map((row) => row.slice(0, w))).toEqual(before.map((row) => row.slice(0, w)));
    // Output headers appended right of the roster, outputs equal to the engine's results.
    expect(after[0].slice(w)).toEqual([...OUTPUT_HEADERS]);
    expect(after.slice(1).map((row) => row.slice(w, w + OUTPUT_HEADERS.length))).toEqual(expected.rows);

    // Formats: hours to one decimal, text columns as text, status colours, frozen header row.
    const f = await formats(host.page, SHEET);
    for (let i = 0; i < 5; i++) expect(f[1][w + i]).toBe('0.0');
    expect(f[1][w + 5]).toBe('@');
    const cfs = (await host.page.evaluate((s) => window.__ceSim!.conditionalFormats(s), SHEET)) as { col: number; rule: { text?: string } }[];
    expect(cfs.map((c) => c.rule.text).sort()).toEqual(['待补材料', '数据有误', '未达标', '达标'].sort());
    expect(new Set(cfs.map((c) => c.col))).toEqual(new Set([w + OUTPUT_HEADERS.indexOf('状态')]));
    expect(await host.page.evaluate((s) => window.__ceSim!.frozenRows(s), SHEET)).toBe(1);

    // The pane's counts are the engine's counts; every 数据有误 / 未达标 row has a 定位 link; a batch id is shown.
    for (const s of ['达标', '未达标', '待补材料', '数据有误']) {
      const shown = await host.pane.textContent(`[data-status="${s}"]`);
      expect(Number(shown)).toBe(expected.statuses.filter((x) => x === s).length);
    }
    const attention = expected.statuses.filter((s) => s === '未达标' || s === '数据有误').length;
    expect(attention).toBeGreaterThan(0);
    expect(await host.pane.locator('#attention .goto').count()).toBe(attention);
    expect(((await host.pane.textContent('#batch-ids')) ?? '').trim()).not.toBe('');
    expect(((await host.pane.textContent('#batch-ids')) ?? '')).not.toContain('未返回');
    await scrollGridRight(host.page);
    await host.page.screenshot({ path: join(ARTIFACTS, 'taskpane-after-run.png') });

    // 定位 selects the row on the sheet.
    const link = host.pane.locator('#attention .goto').first();
    const sheetRow = Number(await link.getAttribute('data-row'));
    await link.click();
    await host.page.waitForFunction((r) => window.__ceSim!.selection().row === r - 1, sheetRow);
    const sel = await host.page.evaluate(() => window.__ceSim!.selection());
    expect(sel).toMatchObject({ sheet: SHEET, row: sheetRow - 1, col: 0, rows: 1, cols: w + OUTPUT_HEADERS.length });

    // Second run: the sheet is identical (values, formats, conditional formats).
    const formatsAfter = await formats(host.page, SHEET);
    expect(await clickCompute(host.pane)).toContain('已完成');
    expect(await snapshot(host.page, SHEET)).toEqual(after);
    expect(await formats(host.page, SHEET)).toEqual(formatsAfter);
    expect(await host.page.evaluate((s) => window.__ceSim!.conditionalFormats(s).length, SHEET)).toBe(4);
    expect(host.errors).toEqual([]);
  });

  it('lists an unknown header before sending, then computes on confirmation, leaving the clerk’s own 状态 column alone', async () => {
    const SHEET2 = '本单位花名册';
    const header = ['2023年度专业技术人员继续教育学时台账'];
    const columns = ['姓名', '身份证号码', '工作单位', '科室', '工号', '公需科目学时', '专业科目学时', '状态'];
    const data: CellValue[][] = [
      ['王五', '', '枣庄市立医院', '内科', 'A001', 30, 60, '旧状态'],
      ['赵六', '', '枣庄市立医院', '外科', 'A002', 20, '60学时', ''],
      ['', '', '', '', '', '', '', ''],
      ['钱七', '', '枣庄学院', '', 'A003', 'abc', 60, ''],
    ];
    await host.page.evaluate(
      ({ name, rows }) => {
        const sim = window.__ceSim!;
        const sheet = sim.model.addSheet(name);
        rows.forEach((r, i) => r.forEach((v, j) => v !== '' && v !== null && sheet.set(i, j, v as string | number)));
        sim.model.activate(sheet.id);
        sim.model.selection = { sheetId: sheet.id, row: 3, col: 1, rows: 1, cols: 1 };
        sim.render();
      },
      { name: SHEET2, rows: [header, columns, ...data] },
    );
    const before = await snapshot(host.page, SHEET2);
    const written = await host.page.evaluate(() => window.__ceSim!.model.stats.cellsWritten);

    const message = await clickCompute(host.pane);
    expect(message).toContain('无法识别的列名');
    expect(await host.pane.isVisible('#preflight')).toBe(true);
    expect(await host.pane.textContent('#preflight-body')).toContain('“工号”');
    expect(await snapshot(host.page, SHEET2)).toEqual(before);
    expect(await host.page.evaluate(() => window.__ceSim!.model.stats.cellsWritten)).toBe(written);
    await host.page.screenshot({ path: join(ARTIFACTS, 'taskpane-preflight.png') });

    await host.pane.evaluate(() => (document.getElementById('message')!.hidden = true));
    await host.pane.click('#accept-unknown');
    await host.pane.waitForSelector('#message:has-text("已完成")');
    const after = await snapshot(host.page, SHEET2);
    const mapping = mapHeaders(columns);
    const answer = evaluate(
      data.map((r) => rowFromCells(r, mapping.columns)),
      { asOf: AS_OF },
    );
    const expectedCells = answer.results.map((r) => formatRowOutput(r).map((c) => c ?? ''));
    // Inputs (columns 0-7, the clerk's own 状态 included) unchanged; the nine output columns appended from column 8.
    expect(after.map((r) => r.slice(0, 8))).toEqual(before.map((r) => r.slice(0, 8)));
    expect(after[1].slice(8)).toEqual([...OUTPUT_HEADERS]);
    for (let i = 0; i < data.length; i++) expect(after[2 + i].slice(8)).toEqual(expectedCells[i]);
    expect(await host.page.evaluate((s) => window.__ceSim!.frozenRows(s), SHEET2)).toBe(2);
  });

  it('with the Worker stopped: shows which chunk failed and why, and writes no cell', async () => {
    const token = `e2e-stop-${randomBytes(32).toString('base64url')}`;
    const worker = await startWorkerOnFreePort({ root: env.root, token, origin: env.baseUrl, stateRoot: ARTIFACTS, exclude: [Number(new URL(env.workerUrl).port)] });
    try {
      await saveSettings(host.pane, { url: worker.url, token, asOf: AS_OF });
      await host.pane.click('#test-connection');
      await host.pane.waitForSelector('#connection-status.ok');
    } finally {
      await worker.stop();
    }
    await host.pane.click('#insert-sample');
    await host.pane.waitForSelector('#message:has-text("示例花名册2")');
    const sheets = await host.page.evaluate(() => window.__ceSim!.sheetNames());
    const sheet = sheets[sheets.length - 1];
    const before = await snapshot(host.page, sheet);
    const formatsBefore = await formats(host.page, sheet);
    const written = await host.page.evaluate(() => window.__ceSim!.model.stats.cellsWritten);

    const message = await clickCompute(host.pane);
    expect(message).toContain('第 1/1 部分');
    expect(message).toContain('无法连接计算服务');
    expect(message).toContain('未写入任何单元格');
    expect(await host.pane.isVisible('#results')).toBe(false);
    expect(await snapshot(host.page, sheet)).toEqual(before);
    expect(await formats(host.page, sheet)).toEqual(formatsBefore);
    expect(await host.page.evaluate(() => window.__ceSim!.model.stats.cellsWritten)).toBe(written);
    await host.page.screenshot({ path: join(ARTIFACTS, 'taskpane-after-error.png') });
  });

  it('without a token, 计算学时 says so before sending anything: no request at all, no cell written (issue 22)', async () => {
    // the build's default address and no token, as a clerk who never opened 设置
    await host.pane.evaluate(() => ((document.getElementById('settings') as HTMLDetailsElement).open = false));
    await saveSettings(host.pane, { url: 'http://127.0.0.1:8787', token: '', fold: true });
    await host.pane.click('#insert-sample');
    await host.pane.waitForSelector('#message:has-text("已插入工作表")');
    const sheets = await host.page.evaluate(() => window.__ceSim!.sheetNames());
    const sheet = sheets[sheets.length - 1];
    const before = await snapshot(host.page, sheet);
    const written = await host.page.evaluate(() => window.__ceSim!.model.stats.cellsWritten);
    const sent: string[] = [];
    const onRequest = (r: { url(): string }): void => {
      if (/\/v1\//.test(r.url())) sent.push(r.url());
    };
    host.page.on('request', onRequest);
    try {
      const message = await clickCompute(host.pane);
      expect(message).toContain(NO_TOKEN_MESSAGE);
      expect(await host.pane.evaluate(() => (document.getElementById('settings') as HTMLDetailsElement).open)).toBe(true);
      await host.page.waitForTimeout(500);
      expect(sent).toEqual([]);
      expect(await snapshot(host.page, sheet)).toEqual(before);
      expect(await host.page.evaluate(() => window.__ceSim!.model.stats.cellsWritten)).toBe(written);
    } finally {
      host.page.off('request', onRequest);
    }
  });
});
