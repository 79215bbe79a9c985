// Names of the duty sheets the add-in makes (issue 22 item 1), on the strict Excel simulator: one 提醒名单 and one
// 审核材料清单 per roster sheet, unique within 31 characters however alike the roster names are; a re-run reuses the
// roster's own sheet (known by its layout and B3, not its name); a sheet of the clerk's under our name is never
// touched and the pane says which name was used instead; the sheets are found in a fixed number of syncs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkbookModel, createExcel, type SheetModel } from '../support/excel-sim';
import { insertSampleRoster } from '../../addin/template/sample-sheet';
import { SAMPLE_SHEET_NAME } from '../../addin/template/sample-roster';
import { buildReminderSheet } from '../../addin/reminders/reminders-sheet';
import { buildChecklistSheet } from '../../addin/evidence/checklist-sheet';
import { readSelectedMessages } from '../../addin/reminders/copy';
import { DUTY_RUNNERS } from '../../addin/duties/ribbon';
import { REMINDER_HEADERS, REMINDERS_HEADER_ROW, REMINDERS_SHEET_NAME } from '../../addin/reminders/reminders-layout';
import { CHECKLIST_HEADER_ROW, CHECKLIST_SHEET_NAME } from '../../addin/evidence/checklist-layout';
import { DUTY_SHEETS } from '../../addin/duties/duty-layouts';
import { chooseDutySheet } from '../../addin/duties/duty-sheet-name';
import { MAX_SHEET_NAME, ownSheetNames, sheetKey } from '../../shared/sheet/sheet-names';

const AS_OF = '2023-11-01';
const NOW = new Date(2023, 10, 1, 9, 0);
const LONG = '枣庄市立医院2023年度专业技术人员继续教育花名册';
const ONE = `${LONG}一科`;
const TWO = `${LONG}二科`;
let model: WorkbookModel;

const values = (name: string) => {
  const s = model.sheet(name)!;
  const box = s.usedBox()!;
  return s.block(0, 0, box.row + box.rows, box.col + box.cols);
};
/** Everything the simulator keeps of a sheet (cells, formats, styles, merges, borders, freezes, page setup…). */
const everything = (s: SheetModel): string => JSON.stringify(s, (_k, v: unknown) => (v instanceof Map || v instanceof Set ? [...v] : v));
const namesOn = (name: string, headerRow: number) => values(name).slice(headerRow).map((r) => String(r[1])).filter((n) => n !== '');
const activate = (name: string) => model.activate(model.sheet(name)!.id);
const ourNames = () => model.sheets.map((s) => s.name).filter((n) => n.startsWith(REMINDERS_SHEET_NAME) || n.startsWith(CHECKLIST_SHEET_NAME));

/** Two roster sheets whose names differ only in their last characters; each person's name starts with 一科 / 二科. */
async function lookalikeRosters(): Promise<void> {
  await createExcel(model).run(insertSampleRoster);
  const sample = values(SAMPLE_SHEET_NAME);
  const nameCol = sample[0].indexOf('姓名');
  for (const [sheetName, prefix] of [[ONE, '一科'], [TWO, '二科']] as const) {
    const sheet = model.addSheet(sheetName);
    sample.forEach((row, r) => row.forEach((v, c) => sheet.set(r, c, r > 0 && c === nameCol ? `${prefix}${String(v)}` : v)));
  }
}

beforeEach(() => {
  model = new WorkbookModel();
  model.addSheet('Sheet1');
  vi.stubGlobal('Excel', createExcel(model));
});
afterEach(() => vi.unstubAllGlobals());

describe('two roster sheets with long look-alike names', () => {
  beforeEach(lookalikeRosters);

  it('get two 提醒名单 and two 审核材料清单, each with its own people, within 31 characters', async () => {
    activate(ONE);
    const r1 = await buildReminderSheet({ asOf: AS_OF, now: NOW });
    const c1 = await buildChecklistSheet({ asOf: AS_OF, now: NOW });
    const oneReminders = everything(model.sheet(r1.sheetName)!);
    const oneChecklist = everything(model.sheet(c1.sheetName)!);
    activate(TWO);
    const r2 = await buildReminderSheet({ asOf: AS_OF, now: NOW });
    activate(TWO);
    const c2 = await buildChecklistSheet({ asOf: AS_OF, now: NOW });

    // the first roster keeps the plain names; the second gets names of its own
    expect([r1.sheetName, c1.sheetName]).toEqual([REMINDERS_SHEET_NAME, CHECKLIST_SHEET_NAME]);
    expect([r2.sheetName, c2.sheetName]).toEqual([ownSheetNames(REMINDERS_SHEET_NAME, [TWO], new Set([REMINDERS_SHEET_NAME]))[0], ownSheetNames(CHECKLIST_SHEET_NAME, [TWO], new Set([CHECKLIST_SHEET_NAME]))[0]]);
    const names = [r1, c1, r2, c2].map((r) => r.sheetName);
    expect(new Set(names.map(sheetKey)).size).toBe(4);
    for (const n of names) expect([...n].length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(r2.sheetName.endsWith('二科）')).toBe(true);
    expect(ourNames().sort()).toEqual([...names].sort());

    // each sheet names its roster in B3 and lists only that roster's people
    for (const [r, c, roster, prefix] of [[r1, c1, ONE, '一科'], [r2, c2, TWO, '二科']] as const) {
      expect([model.sheet(r.sheetName)!.get(2, 1), model.sheet(c.sheetName)!.get(2, 1)]).toEqual([roster, roster]);
      expect([r.rosterSheet, c.rosterSheet]).toEqual([roster, roster]);
      const reminded = namesOn(r.sheetName, REMINDERS_HEADER_ROW);
      const checked = namesOn(c.sheetName, CHECKLIST_HEADER_ROW);
      expect(reminded).toHaveLength(r.people);
      expect(reminded.length).toBeGreaterThan(0);
      expect(checked.length).toBe(c.people);
      expect([...reminded, ...checked].every((n) => n.startsWith(prefix))).toBe(true);
    }
    // 二科's run left 一科's sheets exactly as they were
    expect(everything(model.sheet(r1.sheetName)!)).toBe(oneReminders);
    expect(everything(model.sheet(c1.sheetName)!)).toBe(oneChecklist);
  });

  it('a re-run for 一科 reuses its sheet (with what the clerk typed); from 二科’s sheet the button goes back to 二科', async () => {
    activate(ONE);
    await buildReminderSheet({ asOf: AS_OF, now: NOW });
    activate(TWO);
    const two = await buildReminderSheet({ asOf: AS_OF, now: NOW });
    const noticeCol = REMINDER_HEADERS.indexOf('通知情况');
    model.sheet(REMINDERS_SHEET_NAME)!.set(REMINDERS_HEADER_ROW, noticeCol, '11月2日已发短信');
    const sheetsBefore = model.sheets.map((s) => s.name);
    const oneBefore = values(REMINDERS_SHEET_NAME);
    const twoBefore = everything(model.sheet(two.sheetName)!);

    activate(ONE);
    const again = await buildReminderSheet({ asOf: AS_OF, now: NOW });
    expect(again.sheetName).toBe(REMINDERS_SHEET_NAME);
    expect(model.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(values(REMINDERS_SHEET_NAME)).toEqual(oneBefore);
    expect(everything(model.sheet(two.sheetName)!)).toBe(twoBefore);

    // pressed on 二科's own sheet (its name is not 提醒名单): back to 二科, and 二科's sheet is replaced, not 一科's
    activate(two.sheetName);
    const fromSheet = await buildReminderSheet({ asOf: AS_OF, now: NOW });
    expect([fromSheet.sheetName, fromSheet.rosterSheet]).toEqual([two.sheetName, TWO]);
    expect(model.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(values(REMINDERS_SHEET_NAME)).toEqual(oneBefore);

    // 复制所选提醒 works on 二科's sheet too
    const sheet = model.sheet(two.sheetName)!;
    model.selection = { sheetId: sheet.id, row: REMINDERS_HEADER_ROW, col: 1, rows: 2, cols: 1 };
    const messages = await createExcel(model).run(readSelectedMessages);
    expect(messages).toHaveLength(2);
    expect(messages.every((m) => m.includes('二科'))).toBe(true);
  });

  it('the sheets are found in a fixed number of syncs, however many sheets look like ours', async () => {
    for (const roster of [ONE, TWO]) {
      activate(roster);
      await buildReminderSheet({ asOf: AS_OF, now: NOW });
    }
    const syncsWith = async (extra: number): Promise<number> => {
      for (let i = 0; i < extra; i++) {
        const s = model.addSheet(`${REMINDERS_SHEET_NAME}（旧${model.sheets.length}）`);
        s.set(0, 0, '往年的提醒名单');
      }
      activate(TWO);
      model.resetStats();
      await buildReminderSheet({ asOf: AS_OF, now: NOW });
      return model.stats.syncs;
    };
    const few = await syncsWith(1);
    const many = await syncsWith(40);
    expect(many).toBe(few);
  });
});

describe('a sheet of the clerk’s named 提醒名单', () => {
  it('stays exactly as it was; ours goes under a name of its own and the pane says which', async () => {
    model.addSheet(REMINDERS_SHEET_NAME);
    const mine = model.sheet(REMINDERS_SHEET_NAME)!;
    [['我自己的名单', '', '备注'], ['张三', '', '不要覆盖'], ['花名册工作表', '我的花名册']].forEach((r, i) => r.forEach((v, c) => mine.set(i, c, v)));
    mine.styled.set('0,0', { bold: true, fill: '#FFFF00' });
    mine.merged.push({ row: 0, col: 0, rows: 1, cols: 2 });
    mine.frozenRows = 1;
    const before = everything(mine);
    await createExcel(model).run(insertSampleRoster);

    const message = await DUTY_RUNNERS.reminders(AS_OF);
    const ours = ownSheetNames(REMINDERS_SHEET_NAME, [SAMPLE_SHEET_NAME], new Set([sheetKey(REMINDERS_SHEET_NAME)]))[0];
    expect(ours).toBe(`${REMINDERS_SHEET_NAME}（${SAMPLE_SHEET_NAME}）`);
    expect(message).toContain(`已生成“${ours}”`);
    expect(message).toContain(`工作簿里原有的“${REMINDERS_SHEET_NAME}”工作表不是本助手生成的，为免覆盖您的内容，未作任何改动；本次结果写在“${ours}”工作表中。`);
    expect(everything(model.sheet(REMINDERS_SHEET_NAME)!)).toBe(before);
    expect(model.sheet(ours)!.get(2, 1)).toBe(SAMPLE_SHEET_NAME);

    // again, from the roster and from our sheet: the same sheet of ours; the clerk's still untouched
    activate(SAMPLE_SHEET_NAME);
    expect((await buildReminderSheet({ asOf: AS_OF })).sheetName).toBe(ours);
    activate(ours);
    const fromOurs = await buildReminderSheet({ asOf: AS_OF });
    expect([fromOurs.sheetName, fromOurs.clerkSheet]).toEqual([ours, REMINDERS_SHEET_NAME]);
    expect(model.sheets.map((s) => s.name)).toEqual(['Sheet1', REMINDERS_SHEET_NAME, SAMPLE_SHEET_NAME, ours]);
    expect(everything(model.sheet(REMINDERS_SHEET_NAME)!)).toBe(before);

    // with the clerk's 提醒名单 active, the button reads it as a roster (not ours): it stops, nothing is written
    activate(REMINDERS_SHEET_NAME);
    await expect(buildReminderSheet({ asOf: AS_OF })).rejects.toThrow();
    expect(everything(model.sheet(REMINDERS_SHEET_NAME)!)).toBe(before);
  });
});

describe('chooseDutySheet (pure)', () => {
  const spec = DUTY_SHEETS.reminders;
  const ours = (roster: string) => [[`2023年度继续教育${spec.name}`], ['核对日期', AS_OF], ['花名册工作表', roster]];

  it('the roster’s own sheet under any name, else the plain name when free, else a name of its own', () => {
    expect(chooseDutySheet(spec, '一科', ['一科'], [])).toEqual({ name: spec.name, exists: false, clerkSheet: null });
    const made = [{ name: spec.name, top: ours('一科') }, { name: '提醒名单 (2)', top: ours('二科') }];
    const all = ['一科', '二科', ...made.map((m) => m.name)];
    expect(chooseDutySheet(spec, '一科', all, made)).toEqual({ name: spec.name, exists: true, clerkSheet: null });
    expect(chooseDutySheet(spec, '二科', all, made)).toEqual({ name: '提醒名单 (2)', exists: true, clerkSheet: null });
    expect(chooseDutySheet(spec, '三科', all, made)).toEqual({ name: '提醒名单（三科）', exists: false, clerkSheet: null });
    const clerks = [{ name: spec.name, top: [['我的名单'], [], ['花名册工作表', '一科']] }];
    expect(chooseDutySheet(spec, '一科', ['一科', spec.name, '提醒名单（一科）'], clerks)).toEqual({ name: '提醒名单（一科 2）', exists: false, clerkSheet: spec.name });
  });
});
