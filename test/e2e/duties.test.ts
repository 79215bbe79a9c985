// 专人工作 in a real browser: from the sample roster, the task pane's 提醒名单 and 审核材料清单 buttons (and the
// ribbon actions) make their sheets, equal to what evaluate() gives for the roster on the sheet; 复制所选提醒
// copies the selected messages; the 附件2 form checks while filling and prints on one A4 page (page layout in the
// simulated workbook, drawn as a print preview). Screenshots in test/artifacts/duties-*.png.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { CellValue } from '../../shared/types';
import { getDuties } from '../../shared/rulesets/duties';
import { buildReminders } from '../../addin/reminders/reminders';
import { MESSAGE_COLUMN, REMINDER_HEADERS, REMINDERS_HEADER_ROW, REMINDERS_SHEET_NAME, reminderCells } from '../../addin/reminders/reminders-layout';
import { buildChecklist } from '../../addin/evidence/checklist';
import { CHECKLIST_HEADER_ROW, CHECKLIST_SHEET_NAME, personRows } from '../../addin/evidence/checklist-layout';
import { DUTY_ACTIONS } from '../../addin/duties/ribbon';
import { hostForSuite } from './browser';
import type { CeSimHost } from './host/sim-entry';
import { clickForMessage, saveSettings } from './pane-click';
import { engineOn, runRibbonAction } from './duty-support';
import type { SimBorder, SimPageLayoutModel } from '../support/excel-sim';

const env = inject('e2e');
const ARTIFACTS = join(env.root, 'test', 'artifacts');
const AS_OF = '2023-11-01';
const ROSTER = '示例花名册';

declare global {
  interface Window {
    __ceSim?: CeSimHost;
    __cePrintPreview?: (sheet: string) => { scale: number; pages: number };
  }
}

const snapshot = (page: Page, sheet: string): Promise<CellValue[][]> => page.evaluate((s) => window.__ceSim!.snapshot(s), sheet);
type PrintSetup = { merged: unknown[]; borders: SimBorder[]; pageLayout?: SimPageLayoutModel };
const printExtras = (page: Page, sheet: string): Promise<PrintSetup> =>
  page.evaluate((s) => JSON.parse(JSON.stringify(window.__ceSim!.model.sheet(s))) as PrintSetup, sheet);

describe('专人工作 in chromium', () => {
  const host = hostForSuite(env, ARTIFACTS);

  beforeAll(async () => {
    await host.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.baseUrl });
    await saveSettings(host.pane, { asOf: AS_OF, fold: true });
    expect(await clickForMessage(host.pane, 'insert-sample')).toContain(`已插入工作表“${ROSTER}”`);
  });

  const engine = () => engineOn(host.page, ROSTER, AS_OF);

  it('提醒名单: one click, every row matches evaluate(); the copy button copies the selected messages; the ribbon re-makes it', async () => {
    const message = await clickForMessage(host.pane, 'reminders');
    const e = await engine();
    const want = buildReminders({ ...e, asOf: AS_OF });
    expect(message).toContain(`已生成“${REMINDERS_SHEET_NAME}”：${want.length} 人需要提醒`);
    const values = await snapshot(host.page, REMINDERS_SHEET_NAME);
    expect(values[REMINDERS_HEADER_ROW - 1]).toEqual([...REMINDER_HEADERS]);
    const body = values.slice(REMINDERS_HEADER_ROW);
    expect(body).toEqual(want.map((r) => reminderCells(r)));
    // each row against the engine's own result for that roster row
    const notCompliant = e.results.filter((r) => r.status !== '' && r.status !== '达标').map((r) => r.index + 2);
    expect(notCompliant.every((row) => body.some((b) => b[0] === row))).toBe(true);
    for (const b of body) {
      const r = e.results[Number(b[0]) - 2];
      expect([b[1], b[4], b[7]]).toEqual([e.rows[r.index].name, r.status, r.deadline]);
      expect(b[8]).toBe((Date.parse(r.deadline) - Date.parse(AS_OF)) / 86_400_000);
      // a 数据有误 row is the clerk's to correct: a note in 还缺什么, no message to the person
      if (r.status === '数据有误') expect([String(b[6]).startsWith('请经办人先改正花名册'), b[10]]).toEqual([true, '']);
      else expect(String(b[10])).toContain(r.deadline.slice(0, 4));
    }
    expect(body.map((b) => b[7])).toEqual([...body.map((b) => b[7])].sort());
    await host.page.screenshot({ path: join(ARTIFACTS, 'duties-reminders.png') });

    // select three people (from the header row down) and copy
    await host.page.evaluate((r) => {
      const sim = window.__ceSim!;
      const sheet = sim.model.sheet('提醒名单')!;
      sim.model.selection = { sheetId: sheet.id, row: r - 1, col: 1, rows: 4, cols: 2 };
      sim.render();
    }, REMINDERS_HEADER_ROW);
    const copied = await clickForMessage(host.pane, 'copy-reminders');
    expect(copied).toMatch(/已(复制|选出) 3 条提醒/);
    const text = body.slice(0, 3).map((b) => b[MESSAGE_COLUMN]).join('\n');
    expect(await host.pane.inputValue('#copied-text')).toBe(text);
    if (copied.startsWith('已复制')) expect(await host.pane.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await host.page.screenshot({ path: join(ARTIFACTS, 'duties-reminders-copied.png') });

    // the ribbon action, run from the 提醒名单 sheet itself, finds the roster again and replaces the sheet
    const sheetsBefore = await host.page.evaluate(() => window.__ceSim!.sheetNames());
    await runRibbonAction(host.page, DUTY_ACTIONS.reminders);
    expect(await host.page.evaluate(() => window.__ceSim!.sheetNames())).toEqual(sheetsBefore);
    expect((await snapshot(host.page, REMINDERS_SHEET_NAME)).slice(REMINDERS_HEADER_ROW)).toEqual(body);
    expect(host.errors).toEqual([]);
  });

  it('审核材料清单: grouped by person, evidence wording from the rule set, empty 核验结果', async () => {
    await host.page.evaluate((name) => {
      const sim = window.__ceSim!;
      sim.model.activate(sim.model.sheet(name)!.id);
      sim.render();
    }, ROSTER);
    const message = await clickForMessage(host.pane, 'evidence-checklist');
    const e = await engine();
    const people = buildChecklist(e);
    expect(message).toContain(`已生成“${CHECKLIST_SHEET_NAME}”：${people.length} 人`);
    const values = await snapshot(host.page, CHECKLIST_SHEET_NAME);
    const body = values.slice(CHECKLIST_HEADER_ROW);
    expect(body).toEqual(people.flatMap((p) => personRows(p)));
    const evidence = new Set(Object.values(e.duties.evidence).map((x) => x.evidence));
    expect(body.every((b) => evidence.has(String(b[8])) && b[9] === '')).toBe(true);
    const x = await printExtras(host.page, CHECKLIST_SHEET_NAME);
    expect(x.merged.length).toBeGreaterThan(0);
    await host.page.screenshot({ path: join(ARTIFACTS, 'duties-checklist.png') });
    await host.page.evaluate((s) => window.__cePrintPreview!(s), CHECKLIST_SHEET_NAME);
    await host.page.locator('.ce-print-page').screenshot({ path: join(ARTIFACTS, 'duties-checklist-print.png') });
    await host.page.evaluate(() => document.getElementById('ce-print-preview')?.remove());
    expect(host.errors).toEqual([]);
  });

  it('附件2: checks while filling, then one A4 portrait page with borders and the print area set', async () => {
    await host.pane.evaluate(() => ((document.getElementById('filing') as HTMLDetailsElement).open = true));
    const fill = async (key: string, value: string) => host.pane.fill(`#filing-${key}`, value);
    await fill('unit', '枣庄市立医院');
    await fill('address', '枣庄市市中区振兴路');
    await fill('projectName', '急危重症护理专业培训班');
    await fill('leader', '张伟');
    await fill('contact', '王芳');
    await fill('phone', '0632-3314140');
    await fill('advancedSeminar', '否');
    await fill('plan', '第一天：急危重症识别与评估（理论）；第二天：心肺复苏与气道管理（实操）；第三天：案例讨论与考核。');
    await fill('audience', '全市护理专业技术人员');
    await fill('headcount', '120');
    await fill('period', '2023年6月12日至14日');
    await fill('days', '3');
    await fill('hours', '30');
    await fill('placeAndForm', '枣庄市立医院学术报告厅，线下集中培训');
    await fill('filedOn', '2023-06-01');
    const checks = async () => (await host.pane.locator('#filing-checks li').allTextContents()).join('\n');
    expect(await checks()).toContain('拟计算学时 30 超过每天 8 学时的上限：3 天最多 24 学时（附件1第1条）');
    expect(await checks()).toContain('5月26日');
    expect(await clickForMessage(host.pane, 'filing-make')).toContain('申报表未生成：拟计算学时 30 超过每天 8 学时的上限');
    expect(await host.page.evaluate(() => window.__ceSim!.sheetNames().some((n) => n.startsWith('附件2')))).toBe(false);

    await fill('hours', '24');
    expect(await host.pane.isHidden('#message')).toBe(true);
    expect(await checks()).not.toContain('超过每天');
    expect(await checks()).toContain('参训人员按本项目可认定 24 学时');
    await host.pane.locator('#filing-checks').scrollIntoViewIfNeeded();
    await host.page.screenshot({ path: join(ARTIFACTS, 'duties-filing-pane.png') });
    const made = await clickForMessage(host.pane, 'filing-make');
    expect(made).toContain('已生成“附件2-急危重症护理专业培训班”');
    expect(made).toContain('参训人员按本项目可认定 24 学时');
    const sheet = '附件2-急危重症护理专业培训班';
    const x = await printExtras(host.page, sheet);
    expect(x.pageLayout).toMatchObject({ paperSize: 'A4', orientation: 'Portrait', zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 }, printArea: 'A1:F13', centerHorizontally: true });
    expect(new Set(x.borders.map((b) => `${b.edge}:${b.style}`))).toEqual(new Set(['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'].map((edge) => `${edge}:Continuous`)));
    const values = await snapshot(host.page, sheet);
    expect(values[1][0]).toBe(getDuties().trainingPlanFiling.formTitle);
    expect(values[8].slice(0, 6)).toEqual(['计划培训时间', '2023年6月12日至14日', '培训天数', 3, '拟计算学时', 24]);
    expect(values.slice(14).flat().join()).toContain('5月26日');
    await host.page.screenshot({ path: join(ARTIFACTS, 'duties-filing-sheet.png') });
    const preview = await host.page.evaluate((s) => window.__cePrintPreview!(s), sheet);
    expect(preview.pages).toBe(1);
    await host.page.setViewportSize({ width: 1440, height: 1200 }); // the whole A4 page (1123 px) in view
    await host.page.locator('.ce-print-page').screenshot({ path: join(ARTIFACTS, 'duties-filing-print.png') });
    await host.page.setViewportSize({ width: 1440, height: 900 });

    // a second project, filled from a row of the unit's 培训项目 table: its own sheet; the first stays
    await host.page.evaluate(() => document.getElementById('ce-print-preview')?.remove());
    await host.page.evaluate(() => {
      const sim = window.__ceSim!;
      const sheet = sim.model.addSheet('培训项目');
      const rows = [['项目名称', '培训天数（天）', '拟计算学时', '是否市级高级研修班', '填报日期'], ['急危重症护理专业培训班', 3, 24, '否', '2023-06-01'], ['院感防控专题培训', 2, 16, '否', '2023-05-20']];
      rows.forEach((r, i) => r.forEach((v, c) => sheet.set(i, c, v)));
      sim.model.activate(sheet.id);
      sim.model.selection = { sheetId: sheet.id, row: 2, col: 0, rows: 1, cols: 1 };
      sim.render();
    });
    expect(await clickForMessage(host.pane, 'filing-from-row')).toBe('已从工作表“培训项目”第 3 行填入 5 项，请核对后点“生成申报表”。');
    expect([await host.pane.inputValue('#filing-projectName'), await host.pane.inputValue('#filing-days'), await host.pane.inputValue('#filing-hours'), await host.pane.inputValue('#filing-filedOn')]).toEqual(['院感防控专题培训', '2', '16', '2023-05-20']);
    expect(await host.pane.inputValue('#filing-unit')).toBe('枣庄市立医院'); // fields the table lacks keep what was typed
    expect(await checks()).not.toContain('5月26日');
    expect(await checks()).toContain('参训人员按本项目可认定 16 学时');
    expect(await clickForMessage(host.pane, 'filing-make')).toContain('附件2-院感防控专题培训');
    expect((await host.page.evaluate(() => window.__ceSim!.sheetNames())).filter((n) => n.startsWith('附件2'))).toEqual([sheet, '附件2-院感防控专题培训']);
    expect(host.errors).toEqual([]);
  });
});
