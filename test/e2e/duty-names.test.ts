// Names of the duty sheets in a real browser, through the built task pane (issue 22 item 1): two roster sheets whose
// long names differ only at the end each get their own 提醒名单 and 审核材料清单 with their own people; a re-run
// (here from the ribbon, on the roster's own sheet) replaces that sheet only; a sheet of the clerk's named 提醒名单
// stays exactly as it was and the pane says which name was used instead. Screenshot: test/artifacts/duty-names.png.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { CellValue } from '../../shared/types';
import { buildReminders } from '../../addin/reminders/reminders';
import { REMINDERS_HEADER_ROW, REMINDERS_SHEET_NAME, reminderCells } from '../../addin/reminders/reminders-layout';
import { buildChecklist } from '../../addin/evidence/checklist';
import { CHECKLIST_HEADER_ROW, CHECKLIST_SHEET_NAME, personRows } from '../../addin/evidence/checklist-layout';
import { DUTY_ACTIONS } from '../../addin/duties/ribbon';
import { MAX_SHEET_NAME, sheetKey } from '../../shared/sheet/sheet-names';
import { hostForSuite } from './browser';
import { clickForMessage, saveSettings } from './pane-click';
import { engineOn, runRibbonAction } from './duty-support';

const env = inject('e2e');
const ARTIFACTS = join(env.root, 'test', 'artifacts');
const AS_OF = '2023-11-01';
const SAMPLE = '示例花名册';
const LONG = '枣庄市立医院2023年度专业技术人员继续教育花名册';
const ROSTERS = [
  { sheet: `${LONG}一科`, prefix: '一科' },
  { sheet: `${LONG}二科`, prefix: '二科' },
];

const snapshot = (page: Page, sheet: string): Promise<CellValue[][]> => page.evaluate((s) => window.__ceSim!.snapshot(s), sheet);
const sheetNames = (page: Page): Promise<string[]> => page.evaluate(() => window.__ceSim!.sheetNames());
/** Everything the simulated workbook keeps of a sheet (cells, formats, styles, merges, freezes, page setup…). */
const everything = (page: Page, sheet: string): Promise<string> =>
  page.evaluate((s) => JSON.stringify(window.__ceSim!.model.sheet(s), (_k, v: unknown) => (v instanceof Map || v instanceof Set ? [...v] : v)), sheet);
const activate = (page: Page, sheet: string): Promise<void> =>
  page.evaluate((s) => {
    const sim = window.__ceSim!;
    sim.model.activate(sim.model.sheet(s)!.id);
    sim.render();
  }, sheet);
/** The sheet whose message says 已生成“…”. */
const madeSheet = (message: string): string => /已生成“([^”]+)”/.exec(message)?.[1] ?? '';

describe('duty sheet names in chromium', () => {
  const host = hostForSuite(env, ARTIFACTS);
  let clerks = '';

  beforeAll(async () => {
    await saveSettings(host.pane, { asOf: AS_OF, fold: true });
    expect(await clickForMessage(host.pane, 'insert-sample')).toContain(`已插入工作表“${SAMPLE}”`);
    await host.page.evaluate(
      ({ sample, rosters, reminders }) => {
        const sim = window.__ceSim!;
        const mine = sim.model.addSheet(reminders);
        [['我自己的名单（勿动）', '', '备注'], ['张三', '13800000000', '不要覆盖'], ['花名册工作表', '自编']].forEach((r, i) => r.forEach((v, c) => mine.set(i, c, v)));
        mine.styled.set('0,0', { bold: true, fill: '#FFFF00' });
        mine.frozenRows = 1;
        const src = sim.model.sheet(sample)!;
        const box = src.usedBox()!;
        const values = src.block(0, 0, box.row + box.rows, box.col + box.cols);
        const nameCol = values[0].indexOf('姓名');
        for (const r of rosters) {
          const sheet = sim.model.addSheet(r.sheet);
          values.forEach((row, i) => row.forEach((v, c) => sheet.set(i, c, i > 0 && c === nameCol ? `${r.prefix}${String(v)}` : v)));
        }
        sim.render();
      },
      { sample: SAMPLE, rosters: ROSTERS, reminders: REMINDERS_SHEET_NAME },
    );
    clerks = await everything(host.page, REMINDERS_SHEET_NAME);
  });

  it('each roster sheet gets its own 提醒名单 and 审核材料清单; the clerk’s 提醒名单 is untouched and the pane says so', async () => {
    const made: { reminders: string; checklist: string }[] = [];
    for (const r of ROSTERS) {
      await activate(host.page, r.sheet);
      const reminded = await clickForMessage(host.pane, 'reminders');
      await activate(host.page, r.sheet);
      const checked = await clickForMessage(host.pane, 'evidence-checklist');
      made.push({ reminders: madeSheet(reminded), checklist: madeSheet(checked) });
      expect(reminded).toContain(`花名册“${r.sheet}”`);
      expect(reminded).toContain(`工作簿里原有的“${REMINDERS_SHEET_NAME}”工作表不是本助手生成的，为免覆盖您的内容，未作任何改动；本次结果写在“${madeSheet(reminded)}”工作表中。`);
      expect(checked).not.toContain('原有的');

      const e = await engineOn(host.page, r.sheet, AS_OF);
      const reminders = await snapshot(host.page, madeSheet(reminded));
      expect(reminders[2][1]).toBe(r.sheet);
      expect(reminders.slice(REMINDERS_HEADER_ROW)).toEqual(buildReminders({ ...e, asOf: AS_OF }).map((x) => reminderCells(x)));
      const checklist = await snapshot(host.page, madeSheet(checked));
      expect(checklist[2][1]).toBe(r.sheet);
      expect(checklist.slice(CHECKLIST_HEADER_ROW)).toEqual(buildChecklist(e).flatMap((p) => personRows(p)));
      const people = [...reminders.slice(REMINDERS_HEADER_ROW), ...checklist.slice(CHECKLIST_HEADER_ROW)].map((row) => String(row[1])).filter((n) => n !== '');
      expect(people.length).toBeGreaterThan(0);
      expect(people.every((n) => n.startsWith(r.prefix))).toBe(true);
    }
    const names = made.flatMap((m) => [m.reminders, m.checklist]);
    expect(new Set(names.map(sheetKey)).size).toBe(4);
    for (const n of names) expect([...n].length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(made[0].checklist).toBe(CHECKLIST_SHEET_NAME); // free: the plain name
    expect(names.every((n) => n !== REMINDERS_SHEET_NAME)).toBe(true); // the clerk's
    expect(await everything(host.page, REMINDERS_SHEET_NAME)).toBe(clerks);
    await host.page.screenshot({ path: join(ARTIFACTS, 'duty-names.png') });

    // the ribbon, pressed on 一科's 提醒名单 itself: back to 一科, and that sheet is replaced, nothing else
    const before = await sheetNames(host.page);
    const twoReminders = await everything(host.page, made[1].reminders);
    const oneReminders = await snapshot(host.page, made[0].reminders);
    await activate(host.page, made[0].reminders);
    await runRibbonAction(host.page, DUTY_ACTIONS.reminders);
    expect(await sheetNames(host.page)).toEqual(before);
    const again = await snapshot(host.page, made[0].reminders);
    expect(again.slice(REMINDERS_HEADER_ROW)).toEqual(oneReminders.slice(REMINDERS_HEADER_ROW));
    expect(again[2][1]).toBe(ROSTERS[0].sheet);
    expect(await everything(host.page, made[1].reminders)).toBe(twoReminders);
    expect(await everything(host.page, REMINDERS_SHEET_NAME)).toBe(clerks);
    expect(host.errors).toEqual([]);
  });
});
