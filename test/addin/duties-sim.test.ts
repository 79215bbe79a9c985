// The Office layer of 提醒名单, 审核材料清单, 复制所选提醒 and 附件2 on the strict Excel simulator (load/sync
// discipline, shape checks, tables, merges, borders, pageLayout: test/support/excel-sim). Runs in Node, no browser.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluate, mapHeaders, rowFromCells } from '../../shared/index';
import { WorkbookModel, createExcel, type SheetModel } from '../support/excel-sim';
import { insertSampleRoster } from '../../addin/template/sample-sheet';
import { SAMPLE_SHEET_NAME, withCheckDigit } from '../../addin/template/sample-roster';
import { buildReminderSheet } from '../../addin/reminders/reminders-sheet';
import { buildChecklistSheet } from '../../addin/evidence/checklist-sheet';
import { readSelectedMessages, SELECT_FIRST } from '../../addin/reminders/copy';
import { buildReminders, reminderCellsFor } from './duties-expect';
import { MESSAGE_COLUMN, OVERDUE_FILL, REMINDER_HEADERS, REMINDERS_HEADER_ROW, REMINDERS_SHEET_NAME } from '../../addin/reminders/reminders-layout';
import { CHECKLIST_HEADER_ROW, CHECKLIST_SHEET_NAME } from '../../addin/evidence/checklist-layout';
import { makeFilingSheet } from '../../addin/forms/filing-sheet';
import { PICK_A_ROW, readSelectedProjectRow } from '../../addin/forms/filing-row';
import { DUTY_ACTIONS, registerDutyRibbonActions, runRibbonDuty, onRibbonDuty } from '../../addin/duties/ribbon';

const AS_OF = '2023-11-01';
let model: WorkbookModel;
const run = <T>(f: (c: Excel.RequestContext) => Promise<T>): Promise<T> => createExcel(model).run(f);
const extras = (name: string): SheetModel => model.sheet(name)!;
const snapshot = (name: string) => {
  const s = model.sheet(name)!;
  const box = s.usedBox()!;
  return s.block(0, 0, box.row + box.rows, box.col + box.cols);
};

beforeEach(async () => {
  model = new WorkbookModel();
  model.addSheet('Sheet1');
  vi.stubGlobal('Excel', createExcel(model));
  await run(insertSampleRoster);
});
afterEach(() => vi.unstubAllGlobals());

function engineOnSheet() {
  const roster = snapshot(SAMPLE_SHEET_NAME);
  const mapping = mapHeaders(roster[0]);
  const rows = roster.slice(1).map((cells) => rowFromCells(cells, mapping.columns));
  return { rows, results: evaluate(rows, { asOf: AS_OF }).results };
}

describe('提醒名单 on the simulated Excel', () => {
  it('writes one row per person to remind, equal to evaluate() on the roster sheet; a re-run from 提醒名单 replaces it', async () => {
    const out = await buildReminderSheet({ asOf: AS_OF, now: new Date(2023, 10, 1, 9, 0) });
    const { rows, results } = engineOnSheet();
    const want = buildReminders(rows, results, AS_OF);
    expect(out).toEqual({ sheetName: REMINDERS_SHEET_NAME, people: want.length, overdue: want.filter((r) => r.overdue).length, rosterSheet: SAMPLE_SHEET_NAME, printSetup: true, clerkSheet: null });
    const sheet = model.sheet(REMINDERS_SHEET_NAME)!;
    const values = snapshot(REMINDERS_SHEET_NAME);
    expect(values[REMINDERS_HEADER_ROW - 1]).toEqual([...REMINDER_HEADERS]);
    const body = values.slice(REMINDERS_HEADER_ROW);
    expect(body).toEqual(want.map(reminderCellsFor));
    for (const r of body) {
      const res = results[Number(r[0]) - 2];
      expect([r[1], r[4], r[7]]).toEqual([rows[res.index].name, res.status, res.deadline]);
    }
    want.forEach((r, i) => expect(sheet.styled.get(`${REMINDERS_HEADER_ROW + i},0`)?.fill, r.name).toBe(r.overdue ? OVERDUE_FILL : undefined));
    expect(sheet.frozenRows).toBe(REMINDERS_HEADER_ROW);
    expect(extras(REMINDERS_SHEET_NAME).pageLayout).toMatchObject({ paperSize: 'A4', orientation: 'Landscape', zoom: { horizontalFitToPages: 1 }, printTitleRows: `$${REMINDERS_HEADER_ROW}:$${REMINDERS_HEADER_ROW}` });
    expect(model.sheet(model.activeSheetId)?.name).toBe(REMINDERS_SHEET_NAME);

    const rosterBefore = JSON.stringify(snapshot(SAMPLE_SHEET_NAME));
    await buildReminderSheet({ asOf: AS_OF, now: new Date(2023, 10, 1, 9, 0) });
    expect(model.sheets.map((s) => s.name)).toEqual(['Sheet1', SAMPLE_SHEET_NAME, REMINDERS_SHEET_NAME]);
    expect(snapshot(REMINDERS_SHEET_NAME)).toEqual(values);
    expect(JSON.stringify(snapshot(SAMPLE_SHEET_NAME))).toBe(rosterBefore);
  });

  it('复制所选提醒 reads the messages of the selected rows; elsewhere it says what to select', async () => {
    await buildReminderSheet({ asOf: AS_OF });
    const sheet = model.sheet(REMINDERS_SHEET_NAME)!;
    model.selection = { sheetId: sheet.id, row: REMINDERS_HEADER_ROW - 1, col: 2, rows: 4, cols: 1 };
    const got = await run(readSelectedMessages);
    expect(got).toEqual([0, 1, 2].map((i) => sheet.get(REMINDERS_HEADER_ROW + i, MESSAGE_COLUMN)));
    model.selection = { sheetId: sheet.id, row: 0, col: 0, rows: 2, cols: 1 };
    await expect(run(readSelectedMessages)).rejects.toThrow(SELECT_FIRST);
    model.activate(model.sheet(SAMPLE_SHEET_NAME)!.id);
    await expect(run(readSelectedMessages)).rejects.toThrow(SELECT_FIRST);
  });
});

describe('审核材料清单 on the simulated Excel', () => {
  it('groups rows by person with merged person cells, bordered, and replaces itself on a re-run', async () => {
    const out = await buildChecklistSheet({ asOf: AS_OF });
    const values = snapshot(CHECKLIST_SHEET_NAME);
    expect(values.length - CHECKLIST_HEADER_ROW).toBe(out.items);
    const merges = [...extras(CHECKLIST_SHEET_NAME).merged];
    expect(merges.length).toBeGreaterThan(0);
    for (const m of merges.filter((x) => x.row >= CHECKLIST_HEADER_ROW)) {
      expect(values[m.row][m.col]).not.toBe('');
      for (let i = 1; i < m.rows; i++) expect(values[m.row + i][m.col]).toBe('');
    }
    expect(extras(CHECKLIST_SHEET_NAME).borders.map((b) => b.edge).sort()).toEqual(['EdgeBottom', 'EdgeLeft', 'EdgeRight', 'EdgeTop', 'InsideHorizontal', 'InsideVertical']);
    const again = await buildChecklistSheet({ asOf: AS_OF });
    expect(again).toEqual(out);
    expect(snapshot(CHECKLIST_SHEET_NAME)).toEqual(values);
    expect(extras(CHECKLIST_SHEET_NAME).merged).toEqual(merges);
  });
});

describe('附件2 on the simulated Excel', () => {
  const form = { unit: '枣庄市立医院', projectName: '急救护理培训班', advancedSeminar: '否', days: '3', hours: '24', filedOn: '2023-06-01' };

  it('one A4 portrait page with the form’s print area; the same project replaces its sheet, another gets its own', async () => {
    const r = await makeFilingSheet(form, '2023-06-01');
    expect(r.sheetName).toBe('附件2-急救护理培训班');
    expect(r.checks.some((c) => c.level === 'warning' && c.clause === '正文七')).toBe(true);
    const x = extras(r.sheetName);
    expect(x.pageLayout).toEqual({
      paperSize: 'A4', orientation: 'Portrait', zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
      topMargin: 54, bottomMargin: 54, leftMargin: 50.4, rightMargin: 50.4, centerHorizontally: true, printArea: 'A1:F13',
    });
    expect(x.merged).toContainEqual({ row: 1, col: 0, rows: 1, cols: 6 });
    expect(x.borders).toHaveLength(6);
    expect(x.rowHeights[6]).toBe(150);
    const sheet = model.sheet(r.sheetName)!;
    expect(sheet.get(3, 1)).toBe('急救护理培训班');
    expect(sheet.get(8, 5)).toBe(24);
    await makeFilingSheet({ ...form, hours: '20' }, '2023-06-01');
    expect(model.sheet(r.sheetName)!.get(8, 5)).toBe(20);
    await makeFilingSheet({ ...form, projectName: '院感防控培训' }, '2023-05-01');
    expect(model.sheets.map((s) => s.name)).toEqual(['Sheet1', SAMPLE_SHEET_NAME, '附件2-急救护理培训班', '附件2-院感防控培训']);
  });

  it('从选中行填入 reads the selected row under the header row (a title row above it is fine)', async () => {
    const sheet = model.addSheet('培训项目');
    [['培训项目一览'], ['项目名称', '培训天数', '拟计算学时'], ['急救护理培训班', 3, 24], ['院感防控培训', 2, 16]].forEach((r, i) => r.forEach((v, c) => sheet.set(i, c, v)));
    model.activate(sheet.id);
    model.selection = { sheetId: sheet.id, row: 3, col: 1, rows: 1, cols: 1 };
    expect(await run(readSelectedProjectRow)).toEqual({ sheetName: '培训项目', rowNumber: 4, headers: ['项目名称', '培训天数', '拟计算学时'], cells: ['院感防控培训', 2, 16] });
    model.selection = { sheetId: sheet.id, row: 0, col: 0, rows: 1, cols: 1 };
    await expect(run(readSelectedProjectRow)).rejects.toThrow(PICK_A_ROW);
    model.selection = { sheetId: sheet.id, row: 1, col: 0, rows: 1, cols: 1 };
    await expect(run(readSelectedProjectRow)).rejects.toThrow('选中行的上方没有申报表的栏目');
  });

  it('a form with an error writes nothing and says why', async () => {
    const before = model.sheets.length;
    await expect(makeFilingSheet({ ...form, hours: '30' }, '2023-05-01')).rejects.toThrow('申报表未生成：拟计算学时 30 超过每天 8 学时的上限：3 天最多 24 学时');
    expect(model.sheets).toHaveLength(before);
  });
});

describe('ribbon 提醒名单 / 审核材料清单', () => {
  it('registers both actions; a click builds the sheet with the saved 核对日期 and completes the event', async () => {
    expect(registerDutyRibbonActions()).toBe(false);
    const handlers = new Map<string, (e: { completed: () => void }) => void>();
    vi.stubGlobal('Office', { actions: { associate: (id: string, f: (e: { completed: () => void }) => void) => handlers.set(id, f) } });
    expect(registerDutyRibbonActions({ loadSettings: async () => ({ workerUrl: '', token: '', asOf: AS_OF }), run: { reminders: async (d) => `r ${d}`, checklist: async (d) => `c ${d}` } })).toBe(true);
    expect([...handlers.keys()]).toEqual([DUTY_ACTIONS.reminders, DUTY_ACTIONS.checklist]);
    const seen: unknown[] = [];
    const off = onRibbonDuty((o) => seen.push(o));
    const completed = vi.fn();
    const out = await runRibbonDuty('reminders', { completed }, { loadSettings: async () => ({ workerUrl: '', token: '', asOf: AS_OF }), run: { reminders: async (d) => `r ${d}`, checklist: async () => '' } });
    expect(out).toEqual({ ok: true, message: `r ${AS_OF}` });
    const bad = await runRibbonDuty('checklist', { completed }, { loadSettings: async () => ({ workerUrl: '', token: '', asOf: '2023-02-30' }), run: { reminders: async () => '', checklist: async () => { throw new Error('x'); } } });
    expect(bad.ok).toBe(false);
    off();
    expect(completed).toHaveBeenCalledTimes(2);
    expect(seen).toHaveLength(2);
  });

  it('the real runner refuses a bad 核对日期 in Chinese', async () => {
    const out = await runRibbonDuty('reminders', { completed: () => undefined }, { loadSettings: async () => ({ workerUrl: '', token: '', asOf: '2023-02-30' }), run: (await import('../../addin/duties/ribbon')).DUTY_RUNNERS });
    expect(out).toEqual({ ok: false, message: expect.stringContaining('核对日期“2023-02-30”不是 YYYY-MM-DD 格式的有效日期') });
    expect(model.sheet(REMINDERS_SHEET_NAME)).toBeUndefined();
  });
});

describe('re-runs keep what the clerk typed (a sheet of the clerk’s own: duty-names-sim.test.ts)', () => {
  it('核验结果 and 通知情况 typed on the sheets come back on the same rows; rows that left the list are kept below', async () => {
    await buildChecklistSheet({ asOf: AS_OF });
    const checklist = model.sheet(CHECKLIST_SHEET_NAME)!;
    const verdictCol = 9;
    const body = snapshot(CHECKLIST_SHEET_NAME).slice(CHECKLIST_HEADER_ROW);
    const wangRow = body.findIndex((r) => r[1] === '刘洋') + CHECKLIST_HEADER_ROW;
    // 刘洋 has two sources (merged person cells): tick both; and one for 罗欣
    checklist.set(wangRow, verdictCol, '合格');
    checklist.set(wangRow + 1, verdictCol, '驳回：证明无公章');
    const luoRow = body.findIndex((r) => r[1] === '罗欣') + CHECKLIST_HEADER_ROW;
    checklist.set(luoRow, verdictCol, '待补');

    await buildReminderSheet({ asOf: AS_OF });
    const reminders = model.sheet(REMINDERS_SHEET_NAME)!;
    const noticeCol = REMINDER_HEADERS.indexOf('通知情况');
    const rBody = snapshot(REMINDERS_SHEET_NAME).slice(REMINDERS_HEADER_ROW);
    const liRow = rBody.findIndex((r) => r[1] === '李娜') + REMINDERS_HEADER_ROW;
    reminders.set(liRow, noticeCol, '11月2日已发短信');

    // the roster changes: 罗欣 brings her certificate (so she is 达标 and no longer on the reminder list) and
    // 刘洋's training is removed (his training row leaves the checklist)
    const roster = model.sheet(SAMPLE_SHEET_NAME)!;
    const header = roster.block(0, 0, 1, 30)[0];
    const rowOf = (name: string) => roster.rows.findIndex((r) => r?.[header.indexOf('姓名')] === name);
    roster.set(rowOf('李娜'), header.indexOf('市平台专业课学时'), 60);
    roster.set(rowOf('刘洋'), header.indexOf('培训进修学时'), '');
    roster.set(rowOf('刘洋'), header.indexOf('培训进修天数'), '');
    model.activate(roster.id);

    await buildReminderSheet({ asOf: AS_OF });
    const after = snapshot(REMINDERS_SHEET_NAME);
    expect(after.slice(REMINDERS_HEADER_ROW).some((r) => r[1] === '李娜')).toBe(false);
    expect(after.flat()).toContain('11月2日已发短信');
    const orphanTitle = after.findIndex((r) => String(r[0]).startsWith('以下“通知情况”'));
    expect(after[orphanTitle + 2].slice(0, 4)).toEqual(['李娜', '枣庄市立医院', '外科', '11月2日已发短信']);

    model.activate(roster.id);
    await buildChecklistSheet({ asOf: AS_OF });
    const cAfter = snapshot(CHECKLIST_SHEET_NAME);
    const liu = cAfter.findIndex((r) => r[1] === '刘洋');
    expect([cAfter[liu][5], cAfter[liu][verdictCol]]).toEqual(['高级研修班', '驳回：证明无公章']);
    const luo = cAfter.findIndex((r) => r[1] === '罗欣');
    expect(cAfter[luo][verdictCol]).toBe('待补');
    const orphan = cAfter.findIndex((r) => String(r[0]).startsWith('以下“核验结果”'));
    expect(cAfter[orphan + 2].slice(0, 4)).toEqual(['刘洋', '枣庄市立医院', '培训进修', '合格']);
  });

});

describe('a large roster', () => {
  it('12,000 people to remind: the 提醒名单 goes in batches under Excel’s 5 MB request limit and equals evaluate()', async () => {
    const sample = snapshot(SAMPLE_SHEET_NAME);
    const { results } = engineOnSheet();
    const toRemind = sample.slice(1).filter((_, i) => results[i].status !== '达标');
    const big = model.addSheet('大花名册');
    sample[0].forEach((h, c) => big.set(0, c, h));
    const nameCol = sample[0].indexOf('姓名');
    const idCol = sample[0].indexOf('身份证号');
    for (let i = 0; i < 12_000; i++) {
      const src = toRemind[i % toRemind.length];
      // one person a row: a distinct name and a distinct valid ID number
      const id = withCheckDigit(`370402198501${String(i).padStart(5, '0')}`);
      src.forEach((v, c) => big.set(i + 1, c, c === nameCol ? `${String(v)}${i}` : c === idCol ? id : v));
    }
    model.activate(big.id);
    model.resetStats();
    const out = await buildReminderSheet({ asOf: AS_OF });
    const roster = snapshot('大花名册');
    const mapping = mapHeaders(roster[0]);
    const rows = roster.slice(1).map((cells) => rowFromCells(cells, mapping.columns));
    const want = buildReminders(rows, evaluate(rows, { asOf: AS_OF }).results, AS_OF);
    expect(out.people).toBe(want.length);
    expect(snapshot(REMINDERS_SHEET_NAME).slice(REMINDERS_HEADER_ROW)).toEqual(want.map(reminderCellsFor));
    expect(want).toHaveLength(12_000);
    expect(model.stats.totalRequestBytes).toBeGreaterThan(model.payloadLimitBytes); // one sync could not have carried it
    expect(model.stats.maxRequestBytes).toBeLessThanOrEqual(model.payloadLimitBytes);
  }, 60_000);
});

describe('an Excel without page layout (ExcelApi below 1.9)', () => {
  it('still makes the sheets, without print setup, and says so', async () => {
    vi.stubGlobal('Office', { context: { requirements: { isSetSupported: (_set: string, v: string) => Number(v.split('.')[1]) < 9 } } });
    const r = await makeFilingSheet({ unit: '枣庄市立医院', projectName: '急救护理培训班', advancedSeminar: '否', days: '3', hours: '24' }, '2023-05-01');
    expect(r.printSetup).toBe(false);
    expect(extras(r.sheetName).pageLayout).toBeUndefined();
    expect(model.sheet(r.sheetName)!.get(3, 1)).toBe('急救护理培训班');
    model.activate(model.sheet(SAMPLE_SHEET_NAME)!.id);
    const msg = await (await import('../../addin/duties/ribbon')).DUTY_RUNNERS.reminders(AS_OF);
    expect(msg).toContain('此版本 Excel 不支持自动设置打印页面');
  });
});
