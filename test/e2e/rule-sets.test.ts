// Choosing the rule set, end to end on artifacts that hold two: a copy of this project built the way a unit's IT
// includes an extra rule set (CE_RULE_SETS naming a data file: `npm run build` and `npm run worker:dev` both include
// it): the fictitious year demo-2024 (test/fixtures/rulesets/demo-2024.json, the one data file of the variant-year
// drill, with its new clause 志愿服务 and column 志愿服务次数). Its dist/ is opened as Excel opens the task pane (the
// simulated workbook, the real Worker of the copy) and as the shared runtime loads it (the custom functions). What
// each surface must show and compute follows from demo-2024's own data (its notice, year, requirements and the new
// clause's numbers), never from markup; the default stays the default, said as such.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_RULE_SET, OUTPUT_HEADERS, evaluate, formatRowOutput, getRuleSet, mapHeaders, rowFromCells } from '../../shared/index';
import type { CellValue, EvaluateResponse } from '../../shared/types';
import { buildProject, copyProject, runNode } from '../support/project-copy';
import { loadWorkbook, outputBlock } from '../xlsx/expect-output';
import { sheetValues } from '../xlsx/result-view';
import { DEMO_DEFINITION, DEMO_RULE_SET, registerDemo } from '../support/demo-rule-set';
import type { RuleSetDefinition } from '../../shared/rulesets/types';
import { launchChromium, openHostWithSim } from './browser';
import type { CeSimHost } from './host/sim-entry';
import { callFunction, officeStandIn, openBuiltPane } from './office-stand-in';
import { clickForMessage, saveSettings } from './pane-click';
import { freePort } from './ports';
import { serveStatic } from './static-server';
import { startWorkerOnFreePort, type WorkerProcess } from './worker-process';

const env = inject('e2e');
const ARTIFACTS = join(env.root, 'test', 'artifacts');
const base = getRuleSet(DEFAULT_RULE_SET);
const demo = DEMO_DEFINITION as RuleSetDefinition;
const DEMO_YEAR = demo.year;
const DEMO_NOTICE = demo.notice;
const DEMO_FILE = join(env.root, 'test', 'fixtures', 'rulesets', `${DEMO_RULE_SET}.json`);
const dp = demo.parameters as Record<string, { value: number }>;
const volunteer = demo.inputs.volunteerCount;
/** A 核对日期 in neither rule set's year (the common case: this year's roster, an older notice). */
const OTHER_YEAR_DATE = `${DEMO_YEAR + 2}-12-07`;

declare global {
  interface Window {
    __ceSim?: CeSimHost;
  }
}

/**
 * Three people whose status turns on the rule set: 甲 meets the default's 公需课 but not demo-2024's; 乙 has demo-2024's
 * 专业课 only with its new clause 志愿服务 (one time more than its yearly cap allows: capped), a column the default does
 * not know and leaves alone; 丙 has exactly demo-2024's requirements.
 */
const HEADER = ['姓名', '单位', '部门', '市平台公需课学时', '市平台专业课学时', volunteer.header];
const VOLUNTEER_TIMES = dp.volunteerYearCap.value / dp.volunteerHours.value + 1;
const PEOPLE: CellValue[][] = [
  ['甲', '测试单位', '一科', dp.requiredPublic.value - 6, dp.requiredProfessional.value + 6, ''],
  ['乙', '测试单位', '一科', dp.requiredPublic.value + 4, dp.requiredProfessional.value - dp.volunteerYearCap.value, VOLUNTEER_TIMES],
  ['丙', '测试单位', '二科', dp.requiredPublic.value, dp.requiredProfessional.value, ''],
];
/** What demo-2024's numbers say of each person, worked out from its parameters. */
const BY_DEMO = [
  { status: '未达标', publicShortfall: 6, professionalShortfall: 0 },
  { status: '达标', publicShortfall: 0, professionalShortfall: 0, professionalHours: dp.requiredProfessional.value },
  { status: '达标', publicShortfall: 0, professionalShortfall: 0 },
];
/** 乙's 封顶提示 under demo-2024: the new clause's cap, named as its data names it. */
const VOLUNTEER_CAPPED = demo.sources.volunteer.label;
// This process's engine reads demo-2024 from the same data file, to map the roster's columns as the copy does.
registerDemo();
/** The rows as a surface sends them: the columns read by the rule set's headers (the default drops 志愿服务次数). */
const rowsBy = (ruleSet: string) => PEOPLE.map((r) => rowFromCells(r, mapHeaders(HEADER, ruleSet).columns));
const col = (header: string): number => HEADER.length + OUTPUT_HEADERS.indexOf(header as (typeof OUTPUT_HEADERS)[number]);

/** The three people as a roster file a clerk keeps (header in row 1). */
async function rosterFile(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(HEADER);
  for (const r of PEOPLE) ws.addRow(r.map((v) => (v === '' ? null : v)));
  const file = join(dir, '花名册.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

/** The nine output cells of each person in a result file's roster sheet. */
function outputsOf(wb: ExcelJS.Workbook): unknown[][] {
  const ws = wb.getWorksheet('花名册');
  if (!ws) throw new Error('no roster sheet in the result');
  const block = outputBlock(ws);
  return PEOPLE.map((_, i) => OUTPUT_HEADERS.map((_h, j) => ws.getCell(block.row + 1 + i, block.col + j).value));
}

/** The default rule set's answer for the same rows (the engine in this process holds the default only). */
function byDefault(asOf: string): CellValue[][] {
  const mapping = mapHeaders(HEADER);
  const answer = evaluate(PEOPLE.map((r) => rowFromCells(r, mapping.columns)), { asOf, ruleSet: DEFAULT_RULE_SET });
  return answer.results.map((r) => formatRowOutput(r).map((c) => c ?? ''));
}

describe('a build that includes a second rule set: every surface lets the clerk choose, and shows it', () => {
  let work = '';
  let copy = '';
  let worker: WorkerProcess;
  let server: Server;
  let baseUrl = '';
  let browser: Browser;
  let roster = '';
  let extra: Record<string, string> = {};
  const token = `e2e-rs-${randomBytes(32).toString('base64url')}`;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ce-rule-sets-'));
    extra = { CE_RULE_SETS: DEMO_FILE };
    roster = await rosterFile(work);
    copy = join(work, 'ce');
    copyProject(env.root, copy);
    await buildProject(copy, extra);
    const port = await freePort(8800, 8819, [Number(new URL(env.baseUrl).port)]);
    server = await serveStatic([{ prefix: '/e2e/', dir: env.buildDir }, { prefix: '/', dir: join(copy, 'dist') }], port);
    baseUrl = `http://127.0.0.1:${port}`;
    worker = await startWorkerOnFreePort({ root: copy, token, origin: baseUrl, stateRoot: ARTIFACTS, exclude: [Number(new URL(env.workerUrl).port)], env: extra });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('the Worker lists both, answers one by ?ruleSet=, and computes by the one asked for', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    const all = (await (await fetch(`${worker.url}/v1/rules`, { headers: auth })).json()) as { defaultRuleSet: string; ruleSets: { id: string; year: number; notice: string }[] };
    expect(all.defaultRuleSet).toBe(DEFAULT_RULE_SET);
    expect(all.ruleSets.map((r) => [r.id, r.year, r.notice])).toEqual([
      [base.id, base.year, base.notice],
      [DEMO_RULE_SET, DEMO_YEAR, DEMO_NOTICE],
    ]);
    const one = (await (await fetch(`${worker.url}/v1/rules?ruleSet=${DEMO_RULE_SET}`, { headers: auth })).json()) as { ruleSets: { id: string }[] };
    expect(one.ruleSets.map((r) => r.id)).toEqual([DEMO_RULE_SET]);
    const answer = async (ruleSet?: string): Promise<EvaluateResponse> => {
      const res = await fetch(`${worker.url}/v1/evaluate`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ rows: rowsBy(ruleSet ?? DEFAULT_RULE_SET), asOf: `${DEMO_YEAR}-11-01`, ...(ruleSet ? { ruleSet } : {}) }),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as EvaluateResponse;
    };
    const v = await answer(DEMO_RULE_SET);
    expect(v.ruleSet).toBe(DEMO_RULE_SET);
    expect(v.results.map((r) => ({ status: r.status, publicShortfall: r.publicShortfall, professionalShortfall: r.professionalShortfall }))).toEqual(
      BY_DEMO.map(({ status, publicShortfall, professionalShortfall }) => ({ status, publicShortfall, professionalShortfall })),
    );
    expect(v.results[1].professionalHours).toBe(BY_DEMO[1].professionalHours);
    expect(v.results[1].warnings.map((w) => w.code)).toEqual(['CAP_VOLUNTEER']);
    expect(v.results[0].requiredPublic).toBe(dp.requiredPublic.value);
    // nothing asked: the default, with the default's results
    const d = await answer();
    expect(d.ruleSet).toBe(DEFAULT_RULE_SET);
    expect(d.results).toEqual(evaluate(rowsBy(DEFAULT_RULE_SET), { asOf: `${DEMO_YEAR}-11-01` }).results);
  });

  describe('the task pane', () => {
    let page: Page;
    let pane: Frame;
    const sim = (): string => readFileSync(join(env.buildDir, 'sim.js'), 'utf8');
    const snapshot = (sheet: string): Promise<CellValue[][]> => page.evaluate((s) => window.__ceSim!.snapshot(s), sheet);

    beforeAll(async () => {
      ({ page, pane } = await openHostWithSim(browser, baseUrl, sim()));
    });

    it('shows the default as the default, with its notice and year from the data, and says when the 核对日期 is in another year', async () => {
      const options = await pane.$$eval('#rule-set option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? '']));
      expect(options.map(([v]) => v)).toEqual([DEFAULT_RULE_SET, DEMO_RULE_SET]);
      expect(options[0][1]).toContain(base.notice);
      expect(options[0][1]).toContain('默认');
      expect(options[1][1]).toContain(DEMO_NOTICE);
      expect(await pane.inputValue('#rule-set')).toBe(DEFAULT_RULE_SET);
      expect(await pane.textContent('#ruleset-line')).toBe(`${base.notice} · ${base.year} 年度（默认）`);
      expect(await pane.textContent('#rule-set-state')).toContain('尚未选择，使用默认');
      const baseFiling = base.duties.trainingPlanFiling;
      expect(await pane.textContent('#filing-title')).toBe(`${baseFiling.clause} ${baseFiling.formTitle}`);
      expect(await pane.textContent('#filing-sheet-name')).toBe(`“${baseFiling.clause}-项目名称”`);
      expect(await pane.textContent('#filing-deadline')).toContain(`须在 ${baseFiling.deadline.value} 前报送（${baseFiling.deadline.clause}，${base.notice}）`);

      await saveSettings(pane, { url: worker.url, token, asOf: OTHER_YEAR_DATE, fold: true });
      const note = (await pane.textContent('#year-note')) ?? '';
      expect(await pane.isVisible('#year-note')).toBe(true);
      expect(note).toContain(`核对日期 ${OTHER_YEAR_DATE}`);
      expect(note).toContain(`${base.year} 年度`);

      await page.evaluate(
        ({ rows }) => {
          const s = window.__ceSim!;
          const sheet = s.model.addSheet('名单');
          rows.forEach((r, i) => r.forEach((v, j) => v !== '' && sheet.set(i, j, v as string | number)));
          s.model.activate(sheet.id);
          s.model.selection = { sheetId: sheet.id, row: 1, col: 0, rows: 1, cols: 1 };
          s.render();
        },
        { rows: [HEADER, ...PEOPLE] },
      );
      // the default has no column 志愿服务次数: the clerk is asked about it, as about any column of their own
      expect(await clickForMessage(pane, 'compute')).toContain('发现无法识别的列名');
      expect(await pane.textContent('#preflight-body')).toContain(volunteer.header);
      expect(await clickForMessage(pane, 'accept-unknown')).toContain('已完成');
      const after = await snapshot('名单');
      expect(after.slice(1).map((r) => r.slice(HEADER.length))).toEqual(byDefault(OTHER_YEAR_DATE));
      const lines = await pane.$$eval('#results-rules li', (ls) => ls.map((l) => l.textContent ?? ''));
      expect(lines[0]).toContain(`未选择规则，按默认的 ${base.year} 年度规则核对`);
      expect(lines[1]).toContain(`核对日期 ${OTHER_YEAR_DATE}`);
    });

    it('a choice is saved in the workbook, changes the title line, recalculates the functions, and 计算学时 and 年度汇总 follow demo-2024’s numbers', async () => {
      const calculations = await page.evaluate(() => window.__ceSim!.model.calculations);
      await pane.selectOption('#rule-set', DEMO_RULE_SET);
      await pane.waitForSelector(`#message:has-text("已选择 ${DEMO_YEAR} 年度的规则")`);
      expect(await pane.textContent('#ruleset-line')).toBe(`${DEMO_NOTICE} · ${DEMO_YEAR} 年度`);
      expect(await pane.textContent('#rule-set-state')).toContain(DEMO_RULE_SET);
      expect(await page.evaluate(() => window.__ceSim!.model.settings.get('ce.ruleSet'))).toBe(DEMO_RULE_SET);
      expect(await page.evaluate(() => window.__ceSim!.model.calculations)).toBe(calculations + 1);
      expect(await pane.textContent('#year-note')).toContain(`${DEMO_YEAR} 年度`);
      // the filing form's title and deadline follow the choice (the duty texts come from the rule set, never markup)
      const filing = demo.duties.trainingPlanFiling;
      expect(await pane.textContent('#filing-title')).toBe(`${filing.clause} ${filing.formTitle}`);
      expect(await pane.textContent('#filing-deadline')).toContain(`须在 ${filing.deadline.value} 前报送（${filing.deadline.clause}，${DEMO_NOTICE}）`);

      expect(await clickForMessage(pane, 'compute')).toContain('已完成');
      const after = await snapshot('名单');
      BY_DEMO.forEach((want, i) => {
        const row = after[1 + i];
        expect(row[col('状态')], String(PEOPLE[i][0])).toBe(want.status);
        expect(row[col('公需课缺口')], String(PEOPLE[i][0])).toBe(want.publicShortfall);
        expect(row[col('专业课缺口')], String(PEOPLE[i][0])).toBe(want.professionalShortfall);
      });
      expect(after[2][col('专业课认定学时')]).toBe(BY_DEMO[1].professionalHours);
      expect(String(after[2][col('封顶提示')])).toContain(VOLUNTEER_CAPPED);
      const lines = await pane.$$eval('#results-rules li', (ls) => ls.map((l) => l.textContent ?? ''));
      expect(lines[0]).toContain(`按 ${DEMO_YEAR} 年度的规则核对`);
      expect(lines[0]).toContain(DEMO_NOTICE);

      expect(await clickForMessage(pane, 'summary')).toContain('已生成“年度汇总”');
      const summary = await snapshot('年度汇总');
      expect(summary[0][0]).toBe(`${DEMO_YEAR}年度专业技术人员继续教育学时汇总`);
      expect(summary.find((r) => r[0] === '规则集')?.[1]).toContain(DEMO_NOTICE);
      expect(summary.find((r) => r[0] === '提示')?.[1]).toContain(`核对日期 ${OTHER_YEAR_DATE}`);
      await page.screenshot({ path: join(ARTIFACTS, 'rule-sets-pane.png') });

      // the rule set's own year as 核对日期: no note
      await saveSettings(pane, { asOf: `${DEMO_YEAR}-11-01`, fold: true });
      expect(await pane.isVisible('#year-note')).toBe(false);
    });

    it('the choice stays with the workbook: the pane opened again shows it; another workbook has the default', async () => {
      await pane.goto(pane.url());
      await pane.waitForSelector('#compute');
      await pane.waitForFunction(() => (document.getElementById('ruleset-line')?.textContent ?? '') !== '');
      expect(await pane.inputValue('#rule-set')).toBe(DEMO_RULE_SET);
      expect(await pane.textContent('#ruleset-line')).toBe(`${DEMO_NOTICE} · ${DEMO_YEAR} 年度`);
      expect(await pane.textContent('#filing-title')).toContain(demo.duties.trainingPlanFiling.formTitle);

      const other = await openHostWithSim(browser, baseUrl, sim());
      expect(await other.pane.inputValue('#rule-set')).toBe(DEFAULT_RULE_SET);
      expect(await other.pane.textContent('#ruleset-line')).toBe(`${base.notice} · ${base.year} 年度（默认）`);
      await other.context.close();
    });

    it('a choice this build does not have is said, and nothing is computed by another rule set', async () => {
      await page.evaluate(() => window.__ceSim!.model.settings.set('ce.ruleSet', 'gone-1999'));
      await pane.goto(pane.url());
      await pane.waitForSelector('#compute');
      await pane.waitForFunction(() => (document.getElementById('rule-set-state')?.textContent ?? '') !== '');
      expect(await pane.textContent('#rule-set-state')).toContain('“gone-1999”');
      const before = await snapshot('名单');
      const message = await clickForMessage(pane, 'compute');
      expect(message).toContain('“gone-1999”');
      expect(message).toContain(DEMO_NOTICE);
      expect(await snapshot('名单')).toEqual(before);
    });
  });

  describe('the custom functions of the built page', () => {
    const rows = (): CellValue[][] => PEOPLE;
    const header = [HEADER];

    it('follow the workbook’s choice, or the optional third argument; an unknown one is #VALUE! naming those there are', async () => {
      const chosen = await openBuiltPane(browser, `${baseUrl}/taskpane.html`, officeStandIn('Excel', { 'ce.ruleSet': DEMO_RULE_SET }));
      await chosen.page.waitForFunction(() => Object.keys((window as unknown as { __recorded: { functions: object } }).__recorded.functions).length > 0);
      const status = await callFunction(chosen.page, 'CESTATUS', [rows(), header]);
      expect(status).toEqual({ value: BY_DEMO.map((b) => [b.status]) });
      const warnings = (await callFunction(chosen.page, 'CEWARNINGS', [rows(), header])) as { value: string[][] };
      expect(warnings.value[1][0]).toContain(VOLUNTEER_CAPPED);
      const shortfall = await callFunction(chosen.page, 'CESHORTFALL', [rows(), header]);
      expect(shortfall).toEqual({ value: BY_DEMO.map((b) => [b.publicShortfall, b.professionalShortfall]) });
      // the argument wins over the workbook's choice
      const byArgument = await callFunction(chosen.page, 'CESTATUS', [rows(), header, DEFAULT_RULE_SET]);
      const mapping = mapHeaders(HEADER);
      expect(byArgument).toEqual({ value: evaluate(PEOPLE.map((r) => rowFromCells(r, mapping.columns))).results.map((r) => [r.status]) });
      const unknown = await callFunction(chosen.page, 'CEHOURS', [rows(), header, 'nowhere-1999']);
      expect(unknown).toMatchObject({ thrown: { code: '#VALUE!' } });
      const message = (unknown as { thrown: { message: string } }).thrown.message;
      for (const id of [DEFAULT_RULE_SET, DEMO_RULE_SET]) expect(message).toContain(id);
      expect(chosen.errors).toEqual([]);
      await chosen.context.close();

      // nothing chosen: the default; a choice the build lacks: #VALUE! saying so
      const none = await openBuiltPane(browser, `${baseUrl}/taskpane.html`, officeStandIn('Excel'));
      await none.page.waitForFunction(() => Object.keys((window as unknown as { __recorded: { functions: object } }).__recorded.functions).length > 0);
      expect(await callFunction(none.page, 'CESTATUS', [rows(), header])).toEqual(byArgument);
      await none.context.close();
      const gone = await openBuiltPane(browser, `${baseUrl}/taskpane.html`, officeStandIn('Excel', { 'ce.ruleSet': 'gone-1999' }));
      await gone.page.waitForFunction(() => Object.keys((window as unknown as { __recorded: { functions: object } }).__recorded.functions).length > 0);
      const refused = await callFunction(gone.page, 'CEHOURS', [rows(), header]);
      expect(refused).toMatchObject({ thrown: { code: '#VALUE!' } });
      expect((refused as { thrown: { message: string } }).thrown.message).toContain('“gone-1999”');
      await gone.context.close();
    });
  });

  describe('the .xlsx page', () => {
    /** Runs the page on the roster; `after`: the rule set is chosen once the file's preflight is shown (read again). */
    async function runPage(choose: string | null, after = false): Promise<{ page: Page; result: ExcelJS.Workbook; preflight: string }> {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      page.on('filechooser', () => undefined);
      await page.goto(`${baseUrl}/index.html`);
      await page.waitForSelector('#drop');
      await page.fill('#as-of', OTHER_YEAR_DATE);
      if (choose && !after) await page.selectOption('#rule-set', choose);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#drop')]);
      await chooser.setFiles(roster);
      await page.waitForSelector('#preflight:not([hidden])');
      if (choose && after) {
        expect(await page.textContent('#preflight-body')).toContain(volunteer.header);
        await page.selectOption('#rule-set', choose);
        await page.waitForFunction((h) => {
          const card = document.getElementById('preflight');
          return !!card && !card.hidden && !(document.getElementById('preflight-body')?.textContent ?? '').includes(h);
        }, volunteer.header);
      }
      const preflight = (await page.textContent('#preflight-body')) ?? '';
      await page.click('#start');
      await page.waitForSelector('#result:not([hidden])', { timeout: 60_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      const out = join(work, `page-${choose ?? 'default'}.xlsx`);
      await download.saveAs(out);
      return { page, result: await loadWorkbook(out), preflight };
    }

    it('a choice next to 核对日期: the default said to be the default, with the same results as before', async () => {
      const { page, result, preflight } = await runPage(null);
      expect(preflight).toContain(`不认识的列（不参与计算）：${volunteer.header}`);
      expect(await page.$$eval('#rule-set option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([DEFAULT_RULE_SET, DEMO_RULE_SET]);
      expect(await page.textContent('#notice-line')).toBe(`按${base.notice}（${base.year} 年度）`);
      expect(await page.textContent('#rule-set-line')).toContain(`未选择规则，按默认的 ${base.year} 年度规则核对`);
      expect(await page.textContent('#year-note')).toContain(`核对日期 ${OTHER_YEAR_DATE}`);
      const lines = await page.$$eval('#result-rules li', (ls) => ls.map((l) => l.textContent ?? ''));
      expect(lines[0]).toContain('未选择规则');
      expect(outputsOf(result).map((r) => r.map((c) => c ?? ''))).toEqual(byDefault(OTHER_YEAR_DATE));
      await page.context().close();
    });

    it('demo-2024 chosen: its notice and year shown, its numbers in the result file, 年度汇总 with the year note', async () => {
      // chosen after the file: the preflight is read again by demo-2024's columns (志愿服务次数 is one of them)
      const { page, result, preflight } = await runPage(DEMO_RULE_SET, true);
      expect(preflight).not.toContain(volunteer.header);
      expect(await page.textContent('#notice-line')).toBe(`按${DEMO_NOTICE}（${DEMO_YEAR} 年度）`);
      expect(await page.textContent('#rule-set-line')).toContain(`按 ${DEMO_YEAR} 年度的规则核对`);
      expect(await page.textContent('#year-note')).toContain(`所用规则是 ${DEMO_YEAR} 年度的`);
      const counts = Object.fromEntries(await page.$$eval('#counts .count', (els) => els.map((e) => [(e as HTMLElement).dataset.status ?? '', e.querySelector('.n')?.textContent ?? ''])));
      expect(counts['达标']).toBe('2');
      expect(counts['未达标']).toBe('1');
      await page.screenshot({ path: join(ARTIFACTS, 'rule-sets-page.png'), fullPage: true });
      const outputs = outputsOf(result);
      BY_DEMO.forEach((want, i) => {
        expect(outputs[i][OUTPUT_HEADERS.indexOf('状态')], String(PEOPLE[i][0])).toBe(want.status);
        expect(outputs[i][OUTPUT_HEADERS.indexOf('公需课缺口')]).toBe(want.publicShortfall);
      });
      expect(String(outputs[1][OUTPUT_HEADERS.indexOf('封顶提示')])).toContain(VOLUNTEER_CAPPED);
      const summary = sheetValues(result.getWorksheet('年度汇总')!);
      expect(summary[0][0]).toBe(`${DEMO_YEAR}年度专业技术人员继续教育学时汇总`);
      expect(String(summary.find((r) => r[0] === '规则集')?.[1])).toContain(DEMO_NOTICE);
      expect(String(summary.find((r) => r[0] === '提示')?.[1])).toContain(`核对日期 ${OTHER_YEAR_DATE}`);
      await page.context().close();
    });
  });

  describe('the command line', () => {
    const cli = (args: string[]) => runNode(copy, [join(copy, 'bin', 'ce-roster.mjs'), ...args], extra).then(
      (r) => ({ code: 0, ...r }),
      (e: Error) => ({ code: Number(/exited (\d+)/.exec(e.message)?.[1] ?? -1), stdout: e.message, stderr: e.message }),
    );

    it('--rule-set: listed in the usage, its numbers in the answer, the year note on stderr; nothing given: the default, said', async () => {
      const help = await cli(['--help']);
      expect(help.stdout).toContain(`${DEFAULT_RULE_SET}：${base.year} 年度，${base.notice}（默认）`);
      expect(help.stdout).toContain(`${DEMO_RULE_SET}：${DEMO_YEAR} 年度，${DEMO_NOTICE}`);

      const r = await cli([roster, '--out', join(work, 'cli-demo.xlsx'), '--rule-set', DEMO_RULE_SET, '--as-of', OTHER_YEAR_DATE, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const answer = JSON.parse(r.stdout) as EvaluateResponse;
      expect(answer.ruleSet).toBe(DEMO_RULE_SET);
      expect(answer.results.map((x) => x.status)).toEqual(BY_DEMO.map((b) => b.status));
      expect(answer.results[1].warnings.map((w) => w.code)).toEqual(['CAP_VOLUNTEER']);
      expect(r.stderr).toContain(`核对日期 ${OTHER_YEAR_DATE} 在 ${DEMO_YEAR + 2} 年，所用规则是 ${DEMO_YEAR} 年度的（${DEMO_NOTICE}）`);
      expect(outputsOf(await loadWorkbook(join(work, 'cli-demo.xlsx'))).map((o) => o[OUTPUT_HEADERS.indexOf('状态')])).toEqual(BY_DEMO.map((b) => b.status));

      const d = await cli([roster, '--out', join(work, 'cli-default.xlsx'), '--as-of', `${base.year}-11-01`]);
      expect(d.code, d.stderr).toBe(0);
      expect(d.stdout).toContain(`未指定 --rule-set，按默认的 ${base.year} 年度规则核对：${base.title}（${base.notice}）`);
      expect(d.stderr).not.toContain('核对日期');
      expect(outputsOf(await loadWorkbook(join(work, 'cli-default.xlsx'))).map((r) => r.map((c) => c ?? ''))).toEqual(byDefault(`${base.year}-11-01`));

      const unknown = await cli([roster, '--rule-set', 'nowhere-1999']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain(`--rule-set 可写：${DEFAULT_RULE_SET}（${base.year} 年度）、${DEMO_RULE_SET}（${DEMO_YEAR} 年度）`);
    });
  });
});
