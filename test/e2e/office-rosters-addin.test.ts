// The add-in on rosters an office suite wrote: each file's cells, merged areas, hidden rows and columns and frozen
// panes loaded into the simulated workbook (test/support/xlsx-to-sim.ts), then the built task pane in Chromium —
// 计算学时 on every roster sheet (with the real Worker) and 年度汇总 — checked against expect.json: every person,
// no row that is no one with a result, every group under the unit and department the clerk means, every input cell
// and frozen pane as it was.
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OUTPUT_HEADERS } from '../../shared/index';
import {
  OFFICE_ROSTERS, SHARED_ROSTERS, expectAttention, expectNoOtherResults, expectPeople, expectSummaryGroups, rosterSets, type ResultView, type RosterSet,
} from '../support/roster-expect';
import { simSheetsOf, type SimSheetSpec } from '../support/xlsx-to-sim';
import { loadWorkbook } from '../xlsx/expect-output';
import { launchChromium, openHost } from './browser';
import { clearMessage, clickForMessage, saveSettings } from './pane-click';
import type { CeSimHost } from './host/sim-entry';

const env = inject('e2e');
const ARTIFACTS = join(env.root, 'test', 'artifacts');
const AS_OF = '2023-12-01';

declare global {
  interface Window {
    __ceSim?: CeSimHost;
  }
}

type Cells = (string | number | boolean)[][];

async function seed(page: Page, sheets: SimSheetSpec[]): Promise<void> {
  await page.evaluate((specs) => {
    const sim = window.__ceSim!;
    for (const s of specs) {
      const sheet = sim.model.sheet(s.name) ?? sim.model.addSheet(s.name);
      s.rows.forEach((row, r) => row.forEach((v, c) => v !== '' && sheet.set(r, c, v)));
      for (const [r, c] of s.errors) sheet.errorCells.add(`${r},${c}`);
      for (const m of s.merged) sheet.merged.push(m);
      for (const r of s.hiddenRows) sheet.hiddenRows.add(r);
      for (const c of s.hiddenColumns) sheet.hiddenColumns.add(c);
      sheet.frozenRows = s.frozenRows;
      sheet.frozenColumns = s.frozenColumns;
    }
    sim.render();
  }, sheets);
}

const snapshot = (page: Page, sheet: string): Promise<Cells> => page.evaluate((s) => window.__ceSim!.snapshot(s), sheet);
const frozen = (page: Page, sheet: string): Promise<[number, number]> =>
  page.evaluate((s) => {
    const m = window.__ceSim!.model.sheet(s)!;
    return [m.frozenRows, m.frozenColumns] as [number, number];
  }, sheet);

async function activate(page: Page, sheet: string): Promise<void> {
  await page.evaluate((name) => {
    const sim = window.__ceSim!;
    sim.model.activate(sim.model.sheet(name)!.id);
  }, sheet);
}

/** 计算学时 on the active sheet: the 表头检查 card first when there are columns to ignore, then the run. */
async function compute(pane: Frame): Promise<string> {
  const first = await clickForMessage(pane, 'compute');
  if (!first.includes('无法识别的列名')) return '';
  const card = (await pane.textContent('#preflight-body')) ?? '';
  expect(await clickForMessage(pane, 'accept-unknown')).toContain('已完成');
  return card;
}

/** 年度汇总 over the roster sheets (ticked in the chooser when the workbook holds several). */
async function summary(pane: Frame, sheets: readonly string[]): Promise<string> {
  await clearMessage(pane);
  await pane.click('#summary');
  await pane.waitForFunction(() => {
    const m = document.getElementById('message')!;
    const chooser = document.getElementById('sheet-chooser');
    return (!m.hidden && m.textContent !== '') || (chooser !== null && !chooser.hidden);
  });
  if (await pane.isVisible('#sheet-chooser')) {
    for (const s of sheets) await pane.check(`#sheet-chooser input[value="${s}"]`);
    await pane.click('#sheet-chooser .btn.primary');
    await pane.waitForFunction(() => {
      const m = document.getElementById('message')!;
      return !m.hidden && m.textContent !== '';
    });
  }
  return (await pane.textContent('#message')) ?? '';
}

/** The simulated sheets after the run, as the shared checks see them. */
function simView(sheets: Map<string, Cells>, summaryCells: Cells): ResultView {
  const block = (name: string): { row: number; col: number } => {
    const cells = sheets.get(name) ?? [];
    for (let r = 0; r < Math.min(cells.length, 12); r++) {
      const c = cells[r].indexOf(OUTPUT_HEADERS[0]);
      if (c >= 0) return { row: r, col: c };
    }
    throw new Error(`“${name}”没有输出列`);
  };
  return {
    outputs: (name, row) => OUTPUT_HEADERS.map((_, o) => sheets.get(name)?.[row - 1]?.[block(name).col + o] ?? ''),
    lastRow: (name) => sheets.get(name)?.length ?? 0,
    outputHeaderRow: (name) => block(name).row + 1,
    summary: summaryCells,
  };
}

describe('the add-in on rosters an office suite wrote (simulated workbook, built task pane, real Worker)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const sets: RosterSet[] = [...rosterSets(SHARED_ROSTERS), ...rosterSets(OFFICE_ROSTERS)];
  for (const set of sets) {
    it(`${set.file}: 计算学时 and 年度汇总 as expect.json says`, async () => {
      const host = await openHost(browser, env.baseUrl, env.buildDir);
      await saveSettings(host.pane, { url: env.workerUrl, token: env.token, asOf: AS_OF, fold: true });
      const specs = simSheetsOf(await loadWorkbook(set.path));
      await seed(host.page, specs);
      const before = new Map<string, Cells>();
      for (const s of specs) before.set(s.name, await snapshot(host.page, s.name));
      const cards: string[] = [];
      for (const sheet of set.sheets) {
        await activate(host.page, sheet);
        cards.push(await compute(host.pane));
      }
      const after = new Map<string, Cells>();
      for (const s of specs) {
        const cells = await snapshot(host.page, s.name);
        after.set(s.name, cells);
        const was = before.get(s.name) ?? [];
        for (let r = 0; r < was.length; r++) for (let c = 0; c < was[r].length; c++) expect(cells[r]?.[c], `“${s.name}”(${r + 1}, ${c + 1}) 输入单元格`).toEqual(was[r][c]);
        if (s.frozenRows + s.frozenColumns > 0) expect(await frozen(host.page, s.name), `“${s.name}”的冻结窗格`).toEqual([s.frozenRows, s.frozenColumns]);
      }
      expect(await summary(host.pane, set.sheets)).toContain('已生成“年度汇总”');
      const view = simView(after, await snapshot(host.page, '年度汇总'));
      expectPeople(view, set.people);
      for (const sheet of set.sheets) expectNoOtherResults(view, sheet, set.people);
      expectSummaryGroups(view.summary, set.people);
      expectAttention(view.summary, set.people, set.sheets.length > 1);
      if (set.file.startsWith('R02')) expect(cards.join('')).toContain('第 27 行（姓名）是重复的表头，不是人员，不计算。');
      if (set.file.startsWith('H01')) expect(cards.join('')).toContain('F 列“专业课（上半年）”已隐藏，不读取');
      await host.page.screenshot({ path: join(ARTIFACTS, `office-roster-${set.file.slice(0, 3)}-addin.png`) });
      expect(host.errors).toEqual([]);
      await host.context.close();
    });
  }
});
