// The .xlsx page (dist/index.html) in Chromium at 1366×768: a real file chooser, preflight, 开始核对, the download
// captured and re-read cell by cell against evaluate(); the 计算服务 path against the real Worker; keyboard only;
// a .xls gets the save-as message. Screenshots in test/artifacts/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectDutySheetsMatch, expectResultMatches, loadWorkbook } from '../xlsx/expect-output';
import { expectInputsKept, xlsxView } from '../xlsx/result-view';
import { OFFICE_ROSTERS, SHARED_ROSTERS, expectAttention, expectNoOtherResults, expectPeople, expectSummaryGroups, rosterSets } from '../support/roster-expect';
import { largeRoster, messyRoster, saveRoster, twoSheetRoster, type RosterFile } from '../xlsx/rosters';
import { launchChromium, watchPolicyViolations } from './browser';

const env = inject('e2e');
const ARTIFACTS = join(env.root, 'test', 'artifacts');
const FILES = join(ARTIFACTS, 'xlsx-page');
const AS_OF = '2023-11-01';

let browser: Browser;
beforeAll(async () => {
  mkdirSync(FILES, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  watchPolicyViolations(page, errors);
  // Intercept file choosers from the start: a listener added by waitForEvent right before a key press can switch
  // interception on after Chromium has already handled the press (a race seen on a loaded machine).
  page.on('filechooser', () => undefined);
  await page.goto(`${env.baseUrl}/index.html`);
  await page.waitForSelector('#drop');
  await page.fill('#as-of', AS_OF);
  return { page, errors };
}

async function chooseFile(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#drop')]);
  await chooser.setFiles(path);
}

async function downloadResult(page: Page, name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const path = join(FILES, name);
  await download.saveAs(path);
  expect(download.suggestedFilename()).toMatch(/-核对结果\.xlsx$/);
  return path;
}

async function saved(f: RosterFile): Promise<string> {
  const path = join(FILES, `${f.name}.xlsx`);
  await saveRoster(f, path);
  return path;
}

describe('.xlsx page', () => {
  it('checks a messy roster in the browser and offers the result as a download', async () => {
    const f = messyRoster();
    const input = await saved(f);
    const before = readFileSync(input);
    const { page, errors } = await openPage();
    await expect(page.textContent('#privacy')).resolves.toContain('不会上传');
    await page.screenshot({ path: join(ARTIFACTS, 'xlsx-page-before.png') });

    await chooseFile(page, input);
    await page.waitForSelector('#preflight:not([hidden])');
    const preflight = (await page.textContent('#preflight')) ?? '';
    expect(preflight).toContain('工作表“一科”');
    expect(preflight).toContain('表头在第 3 行，8 人');
    expect(preflight).toContain('不认识的列（不参与计算）：序号');
    await page.screenshot({ path: join(ARTIFACTS, 'xlsx-page-preflight.png') });

    await page.click('#start');
    await page.waitForSelector('#result:not([hidden])', { timeout: 60_000 });
    const counts = await page.$$eval('#counts .count', (els) => els.map((e) => [(e as HTMLElement).dataset.status, e.querySelector('.n')?.textContent]));
    expect(counts[0]).toEqual(['共', '8']);
    const rows = await page.$$eval('#attention tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => ['未达标', '数据有误', '待补材料'].includes(String(r[2])))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'xlsx-page-after.png'), fullPage: true });

    const out = await downloadResult(page, 'messy-page-result.xlsx');
    const result = await loadWorkbook(out);
    expectResultMatches(result, await loadWorkbook(input), f, AS_OF);
    expectDutySheetsMatch(result, f, AS_OF);
    expect(await page.textContent('#result-note')).toContain('“提醒名单”、“审核材料清单”');
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('two sheets through the 计算服务 (the real Worker): the same file, duplicates across sheets marked', async () => {
    const f = twoSheetRoster();
    const input = await saved(f);
    const { page, errors } = await openPage();
    await page.check('#mode-service');
    await expect(page.textContent('#privacy')).resolves.toContain('发送到');
    await page.fill('#service-url', env.workerUrl);
    await page.fill('#service-token', env.token);
    await chooseFile(page, input);
    await page.waitForSelector('#preflight:not([hidden])');
    expect(await page.textContent('#preflight')).toContain('1 个身份证号出现在多行');
    await page.click('#start');
    await page.waitForSelector('#result:not([hidden])', { timeout: 60_000 });
    expect(await page.textContent('#counts')).toContain('由计算服务计算');
    const out = await downloadResult(page, 'two-sheets-page-result.xlsx');
    const dups = [{ sheet: '一科', row: 2 }, { sheet: '二科', row: 5 }];
    const result = await loadWorkbook(out);
    expectResultMatches(result, await loadWorkbook(input), f, AS_OF, dups);
    expectDutySheetsMatch(result, f, AS_OF, dups);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('works from the keyboard alone, and a .xls file gets the save-as message', async () => {
    const xls = join(FILES, '旧花名册.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const { page } = await openPage();
    // Tab reaches the drop zone; Enter opens the file chooser.
    let focused = '';
    for (let i = 0; i < 10 && focused !== 'drop'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('drop');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
    await chooser.setFiles(xls);
    await page.waitForSelector('#message:not([hidden])');
    const text = (await page.textContent('#message')) ?? '';
    expect(text).toContain('旧版 Excel（.xls）');
    expect(text).toContain('另存为');
    await page.screenshot({ path: join(ARTIFACTS, 'xlsx-page-xls-message.png') });

    const f = messyRoster();
    const input = await saved(f);
    const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
    await chooser2.setFiles(input);
    await page.waitForSelector('#preflight:not([hidden])');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('step2');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#result:not([hidden])', { timeout: 60_000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('step3');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('download');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('messy-核对结果.xlsx');
    await page.context().close();
  });

  it('取消 stops a run: no download offered, a message says nothing was made, a second start works', async () => {
    const f = largeRoster(30_000);
    const input = await saved(f);
    const { page, errors } = await openPage();
    await chooseFile(page, input);
    await page.waitForSelector('#preflight:not([hidden])', { timeout: 60_000 });
    // 取消 pressed while the first part is being computed (a pointer click would be queued behind the busy page).
    await page.evaluate(() => {
      document.getElementById('start')?.click();
      setTimeout(() => document.getElementById('cancel')?.click(), 0);
    });
    await page.waitForSelector('#message:not([hidden])', { timeout: 60_000 });
    expect(await page.textContent('#message')).toContain('已取消');
    expect(await page.isHidden('#result')).toBe(true);
    await page.click('#start');
    await page.waitForSelector('#result:not([hidden])', { timeout: 120_000 });
    await expect(page.textContent('#counts .count.total .n')).resolves.toBe('30000');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('.xlsx page on rosters an office suite wrote', () => {
  const sets = [...rosterSets(SHARED_ROSTERS), ...rosterSets(OFFICE_ROSTERS)];
  for (const set of sets) {
    it(`${set.file}: chosen with the file chooser, checked, downloaded: every person as expect.json says`, async () => {
      const { page, errors } = await openPage();
      await chooseFile(page, set.path);
      await page.waitForSelector('#preflight:not([hidden])');
      const preflight = (await page.textContent('#preflight')) ?? '';
      for (const sheet of set.sheets) expect(preflight).toContain(`工作表“${sheet}”`);
      await page.click('#start');
      await page.waitForSelector('#result:not([hidden])', { timeout: 60_000 });
      const people = Number(await page.textContent('#counts .count.total .n'));
      expect(people).toBe(set.people.length);
      const out = await downloadResult(page, `${set.file.slice(0, 3)}-page-result.xlsx`);
      const result = await loadWorkbook(out);
      const view = xlsxView(result);
      expectPeople(view, set.people);
      for (const sheet of set.sheets) expectNoOtherResults(view, sheet, set.people);
      expectSummaryGroups(view.summary, set.people);
      expectAttention(view.summary, set.people, set.sheets.length > 1);
      expectInputsKept(await loadWorkbook(set.path), result);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('the preflight card lists the rows that are no one and the hidden columns; words fit the page (no --sheet, no 设置)', async () => {
    const { page, errors } = await openPage();
    await chooseFile(page, rosterSets(SHARED_ROSTERS).find((s) => s.file.startsWith('R02'))!.path);
    await page.waitForSelector('#preflight:not([hidden])');
    expect(await page.textContent('#preflight')).toContain('第 27 行（姓名）是重复的表头，不是人员，不计算。');

    // a hidden roster sheet: what to do on this page, where there is no --sheet
    const h01 = rosterSets(OFFICE_ROSTERS).find((s) => s.file.startsWith('H01'))!;
    const wb = await loadWorkbook(h01.path);
    (wb.getWorksheet('外科') as { state: string }).state = 'hidden';
    const hidden = join(FILES, 'H01-外科隐藏.xlsx');
    await wb.xlsx.writeFile(hidden);
    await chooseFile(page, hidden);
    await page.waitForSelector('#preflight:not([hidden])');
    const card = (await page.textContent('#preflight')) ?? '';
    expect(card).toContain('F 列“专业课（上半年）”已隐藏，不读取');
    expect(card).toContain('工作表“外科”是隐藏的，未核对（需要时请在 Excel 或 WPS 中取消隐藏该工作表，保存后重新选择文件）');
    expect(card).not.toContain('--sheet');

    // the 计算服务 with a wrong token: check the fields on this page, not a 设置 the page does not have
    await page.check('#mode-service');
    await page.fill('#service-url', env.workerUrl);
    await page.fill('#service-token', 'not-the-token');
    await page.click('#start');
    await page.waitForSelector('#message:not([hidden])', { timeout: 60_000 });
    const message = (await page.textContent('#message')) ?? '';
    expect(message).toContain('401');
    expect(message).toContain('本页“计算服务”下填写的访问令牌');
    expect(message).not.toContain('“设置”');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
