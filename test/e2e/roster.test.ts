// Real rosters in a real browser: rosters as clerks keep them (merged title, two-row header, 合计 and 制表人 rows, their
// own 状态 column, a repeated ID, an ID stored as a number, an error value, a hidden row, a table with a total row,
// a protected sheet, the wrong sheet active, 年度汇总 over two sheets) through the built task pane, the simulated
// workbook and the real Worker. No input cell may change.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { OUTPUT_HEADERS, evaluate, formatRowOutput } from '../../shared/index';
import type { CellValue, RosterRowInput } from '../../shared/types';
import { withCheckDigit } from '../../addin/template/sample-roster';
import { hostForSuite } from './browser';
import { saveSettings } from './pane-click';
import type { CeSimHost } from './host/sim-entry';

const env = inject('e2e');
const ARTIFACTS = join(env.root, 'test', 'artifacts');
const SCREENSHOT = join(env.root, 'docs', 'images', 'preflight-messy-roster.png');
const AS_OF = '2023-11-01';

declare global {
  interface Window {
    __ceSim?: CeSimHost;
  }
}

type Snapshot = CellValue[][];
type Area = { row: number; col: number; rows: number; cols: number };
type SheetSpec = {
  name: string;
  rows: CellValue[][];
  merged?: Area[];
  errors?: [number, number][];
  hidden?: number[];
  table?: Area & { name: string; showTotals: boolean };
  selection?: { row: number; col: number };
};

const ID_A = withCheckDigit('37040219800101123');
const ID_B = withCheckDigit('37040219900202234');
const ID_C = withCheckDigit('37040219850303345');
const ID_D = withCheckDigit('37040219750404456');
const ID_E = withCheckDigit('37040219950505567');
/** Excel kept 15 significant digits of 370402198001011234. */
const ID_AS_NUMBER = 370402198001011000;

const snapshot = (page: Page, sheet: string): Promise<Snapshot> => page.evaluate((s) => window.__ceSim!.snapshot(s), sheet);
const written = (page: Page): Promise<number> => page.evaluate(() => window.__ceSim!.model.stats.cellsWritten);

async function addSheet(page: Page, spec: SheetSpec): Promise<void> {
  await page.evaluate((s) => {
    const sim = window.__ceSim!;
    const sheet = sim.model.addSheet(s.name);
    s.rows.forEach((r, i) => r.forEach((v, j) => v !== '' && v !== null && sheet.set(i, j, v as string | number)));
    for (const m of s.merged ?? []) sheet.merged.push(m);
    for (const [r, c] of s.errors ?? []) sheet.errorCells.add(`${r},${c}`);
    for (const r of s.hidden ?? []) sheet.hiddenRows.add(r);
    if (s.table) {
      const t = sim.model.addTable(sheet.id, s.table.name, s.table.row, s.table.col, s.table.rows, s.table.cols);
      t.showTotals = s.table.showTotals;
    }
    sim.model.activate(sheet.id);
    sim.model.selection = { sheetId: sheet.id, row: s.selection?.row ?? 0, col: s.selection?.col ?? 0, rows: 1, cols: 1 };
    sim.render();
  }, spec);
}

async function activate(page: Page, sheet: string, at: { row: number; col: number }): Promise<void> {
  await page.evaluate(
    ({ name, row, col }) => {
      const sim = window.__ceSim!;
      const s = sim.model.sheet(name)!;
      sim.model.activate(s.id);
      sim.model.selection = { sheetId: s.id, row, col, rows: 1, cols: 1 };
    },
    { name: sheet, ...at },
  );
}

async function clickAndWait(pane: Frame, button: string): Promise<string> {
  await pane.evaluate(() => {
    const m = document.getElementById('message')!;
    m.hidden = true;
    m.textContent = '';
  });
  await pane.click(button);
  await pane.waitForFunction(() => {
    const m = document.getElementById('message')!;
    return !m.hidden && m.textContent !== '' && !(document.getElementById('compute') as HTMLButtonElement).disabled;
  });
  return (await pane.textContent('#message')) ?? '';
}

/** Every cell of `before` is the same in `after` (cell by cell, with its address in the failure message). */
function expectInputsUnchanged(before: Snapshot, after: Snapshot, width: number): void {
  for (let r = 0; r < before.length; r++) {
    for (let c = 0; c < width; c++) expect(after[r]?.[c] ?? '', `cell (${r + 1}, ${c + 1})`).toEqual(before[r]?.[c] ?? '');
  }
}

// 一科花名册: title merged over A1:J1; a two-row header (市平台学时 over 公需课/专业课, 培训进修 over 学时/天数, the
// other headers merged down two rows); the clerk's own 状态 column; a 合计 row with 序号 = 合计 and no name; a
// 制表人 footer of two rows; 王五's ID stored as a number; 赵六 repeats 张三's ID; 钱七's 专业课 is #N/A; 孙八 is hidden.
const MESSY: SheetSpec = {
  name: '一科花名册',
  rows: [
    ['2023年度专业技术人员继续教育学时台账（一科）'],
    ['序号', '姓名', '身份证号', '性别', '市平台学时', '', '培训进修', '', '状态', '备注'],
    ['', '', '', '', '公需课', '专业课', '学时', '天数', '', ''],
    [1, '张三', ID_A, '男', 30, 60, '', '', '在职', ''],
    [2, '李四', ID_B, '女', 20, 40, 16, 2, '退休返聘', '说明：返聘'],
    [3, '王五', ID_AS_NUMBER, '男', 30, 60, '', '', '在职', ''],
    [4, '赵六', ID_A, '女', 30, 60, '', '', '在职', '与一号同名？'],
    [5, '钱七', ID_C, '男', 30, '#N/A', '', '', '在职', ''],
    [6, '孙八', ID_D, '女', 30, 60, 8, 1, '在职', ''],
    ['合计', '', '', '', 170, 280, 24, 3, '', ''],
    ['制表人：王小红', '', '', '', '', '', '', '', '审核人：李四', ''],
    ['', '日期：2024年1月5日', '', '', '', '', '', '', '', ''],
  ],
  merged: [
    { row: 0, col: 0, rows: 1, cols: 10 },
    ...[0, 1, 2, 3, 8, 9].map((col) => ({ row: 1, col, rows: 2, cols: 1 })),
    { row: 1, col: 4, rows: 1, cols: 2 },
    { row: 1, col: 6, rows: 1, cols: 2 },
  ],
  errors: [[7, 5]],
  hidden: [8],
  selection: { row: 3, col: 1 },
};
const MESSY_WIDTH = 10;
/** The people of MESSY as the engine takes them (sheet rows 4–9). */
const MESSY_PEOPLE: RosterRowInput[] = [
  { name: '张三', idNumber: ID_A, platformPublicHours: 30, platformProfessionalHours: 60 },
  { name: '李四', idNumber: ID_B, platformPublicHours: 20, platformProfessionalHours: 40, trainingHours: 16, trainingDays: 2 },
  { name: '王五', idNumber: ID_AS_NUMBER, platformPublicHours: 30, platformProfessionalHours: 60 },
  { name: '赵六', idNumber: ID_A, platformPublicHours: 30, platformProfessionalHours: 60 },
  { name: '钱七', idNumber: ID_C, platformPublicHours: 30, platformProfessionalHours: '#N/A' },
  { name: '孙八', idNumber: ID_D, platformPublicHours: 30, platformProfessionalHours: 60, trainingHours: 8, trainingDays: 1 },
];

describe('real rosters in chromium: the clerk’s columns are never written, non-people are never counted', () => {
  const host = hostForSuite(env, ARTIFACTS);

  beforeAll(async () => {
    mkdirSync(join(env.root, 'docs', 'images'), { recursive: true });
    await saveSettings(host.pane, { url: env.workerUrl, token: env.token, asOf: AS_OF, fold: true });
  });

  it('a messy roster: the 表头检查 card explains it, then results go right of the roster, cell by cell', async () => {
    await addSheet(host.page, MESSY);
    const before = await snapshot(host.page, MESSY.name);
    const cellsBefore = await written(host.page);

    // First click: unknown 序号/性别/备注 are listed; nothing is sent or written.
    expect(await clickAndWait(host.pane, '#compute')).toContain('无法识别的列名');
    const card = (await host.pane.textContent('#preflight-body')) ?? '';
    for (const h of ['“序号”', '“性别”', '“备注”']) expect(card).toContain(h);
    expect(card).toContain('表头在第 2–3 行，两行表头已合并');
    expect(card).toContain('“状态”（I 列）是您自己的列');
    expect(card).toContain('第 10 行（合计）是合计行');
    expect(card).toContain('从第 11 行（制表人：王小红）起是表尾');
    expect(card).toContain('其中 1 行已隐藏或被筛选');
    expect(card).toContain('第 4 行、第 7 行的身份证号相同');
    expect(card).toContain('第 6 行的身份证号存成了数字');
    expect(card).toContain('计算结果写在 K–S 列');
    expect(card).toMatch(/未出现的 \d+ 个选填列按空白计算/);
    expect(await snapshot(host.page, MESSY.name)).toEqual(before);
    expect(await written(host.page)).toBe(cellsBefore);
    await host.pane.locator('#preflight').screenshot({ path: SCREENSHOT });

    // 忽略这些列: computed; every input cell as it was; outputs right of the roster.
    expect(await clickAndWait(host.pane, '#accept-unknown')).toContain('已完成');
    const after = await snapshot(host.page, MESSY.name);
    expectInputsUnchanged(before, after, MESSY_WIDTH);
    expect(after[2].slice(MESSY_WIDTH, MESSY_WIDTH + 9)).toEqual([...OUTPUT_HEADERS]);
    expect(after[1].slice(MESSY_WIDTH)).toEqual(new Array(after[1].length - MESSY_WIDTH).fill(''));

    const results = evaluate(MESSY_PEOPLE, { asOf: AS_OF }).results;
    const out = (sheetRow: number): CellValue[] => after[sheetRow].slice(MESSY_WIDTH, MESSY_WIDTH + 9);
    const status = OUTPUT_HEADERS.indexOf('状态');
    const note = OUTPUT_HEADERS.indexOf('说明');
    for (const i of [1, 2, 4, 5]) expect(out(3 + i)).toEqual(formatRowOutput(results[i]).map((c) => c ?? ''));
    // the same ID twice: both 数据有误, each naming the other sheet row
    expect([out(3)[status], out(6)[status]]).toEqual(['数据有误', '数据有误']);
    expect(String(out(3)[note])).toContain('第 7 行');
    expect(String(out(6)[note])).toContain('第 4 行');
    // the #N/A cell and the ID stored as a number get the engine's own answer (checked above), not 达标
    expect(out(7)[status]).toBe('数据有误');
    // 合计 is not a person; nothing is written beside the footer
    expect(out(9)).toEqual(new Array(9).fill(''));
    for (const r of [10, 11]) expect(after[r].slice(MESSY_WIDTH)).toEqual(new Array(after[r].length - MESSY_WIDTH).fill(''));

    // the pane: clerk's words, people counted (6, not 7), the hidden row said, detail behind 详细信息
    expect(Number(await host.pane.textContent('[data-status="数据有误"]'))).toBe(3);
    const meta = (await host.pane.textContent('#results-meta')) ?? '';
    expect(meta).toContain('共 6 人');
    expect(meta).toContain('其中 1 人所在的行已隐藏或被筛选');
    expect(meta).toContain('2 行身份证号重复');
    expect(await host.pane.locator('#results-details summary').textContent()).toBe('详细信息');
    const paneText = await host.pane.locator('#results').innerText();
    for (const word of ['Worker', '批', '引擎']) expect(paneText).not.toContain(word);
    await host.page.screenshot({ path: join(ARTIFACTS, 'roster-messy-after-run.png') });

    // Second run: no question (the ignored columns are remembered), the same block reused, the sheet identical.
    expect(await clickAndWait(host.pane, '#compute')).toContain('已完成');
    expect(await snapshot(host.page, MESSY.name)).toEqual(after);
    expect(host.errors).toEqual([]);
  });

  it('a protected sheet: says which sheet and how to unprotect it, and writes nothing', async () => {
    await host.page.evaluate((name) => {
      const sim = window.__ceSim!;
      sim.model.sheet(name)!.isProtected = true;
    }, MESSY.name);
    await activate(host.page, MESSY.name, { row: 3, col: 1 });
    const before = await snapshot(host.page, MESSY.name);
    const cellsBefore = await written(host.page);
    const message = await clickAndWait(host.pane, '#compute');
    expect(message).toContain(`工作表“${MESSY.name}”受保护`);
    expect(message).toContain('撤消工作表保护');
    expect(message).toContain('未改动任何单元格');
    expect(await snapshot(host.page, MESSY.name)).toEqual(before);
    expect(await written(host.page)).toBe(cellsBefore);
    await host.page.evaluate((name) => void (window.__ceSim!.model.sheet(name)!.isProtected = false), MESSY.name);
  });

  it('the wrong sheet active (填表说明): asks to switch to the roster sheet', async () => {
    await addSheet(host.page, { name: '填表说明', rows: [['填表说明'], ['1. 每人一行，姓名必填。'], ['2. 学时填数字，不要带单位。']] });
    const before = await snapshot(host.page, '填表说明');
    await clickAndWait(host.pane, '#compute');
    expect((await host.pane.textContent('#preflight-body')) ?? '').toContain('请切换到花名册所在的工作表');
    expect(await snapshot(host.page, '填表说明')).toEqual(before);
  });

  it('a table with a total row: the same columns from outside and inside the table; the total row is not a person', async () => {
    const TABLE: SheetSpec = {
      name: '二科',
      rows: [
        ['二科继续教育学时'],
        ['姓名', '身份证号', '部门', '市平台公需课学时', '市平台专业课学时'],
        ['周九', ID_E, '二科', 30, 60],
        ['李四', ID_B, '二科', 30, 30],
        ['汇总', '', '', 60, 90],
        [],
        ['', '', '', '', '', '', '', '备忘：表格外的单元格'],
      ],
      table: { name: '二科表', row: 1, col: 0, rows: 4, cols: 5, showTotals: true },
      selection: { row: 6, col: 7 },
    };
    await addSheet(host.page, TABLE);
    const before = await snapshot(host.page, TABLE.name);
    expect(await clickAndWait(host.pane, '#compute')).toContain('已完成');
    const after = await snapshot(host.page, TABLE.name);
    // the table's five columns are unchanged; the nine outputs were added to the table right of them
    for (let r = 0; r < 5; r++) expect(after[r].slice(0, 5), `row ${r + 1}`).toEqual(before[r].slice(0, 5));
    expect(after[1].slice(5, 14)).toEqual([...OUTPUT_HEADERS]);
    const results = evaluate(
      [
        { name: '周九', idNumber: ID_E, department: '二科', platformPublicHours: 30, platformProfessionalHours: 60 },
        { name: '李四', idNumber: ID_B, department: '二科', platformPublicHours: 30, platformProfessionalHours: 30 },
      ],
      { asOf: AS_OF },
    ).results;
    expect(after[2].slice(5, 14)).toEqual(formatRowOutput(results[0]).map((c) => c ?? ''));
    expect(after[3].slice(5, 14)).toEqual(formatRowOutput(results[1]).map((c) => c ?? ''));
    expect(after[4].slice(5, 14)).toEqual(new Array(9).fill(''));

    await activate(host.page, TABLE.name, { row: 2, col: 1 });
    expect(await clickAndWait(host.pane, '#compute')).toContain('已完成');
    expect(await snapshot(host.page, TABLE.name)).toEqual(after);
  });

  it('年度汇总 over two roster sheets chosen by the clerk: people counted once, the repeat reported', async () => {
    await activate(host.page, MESSY.name, { row: 3, col: 1 });
    await host.pane.evaluate(() => {
      const m = document.getElementById('message')!;
      m.hidden = true;
      m.textContent = '';
    });
    await host.pane.click('#summary');
    await host.pane.waitForSelector('#sheet-chooser:not([hidden])');
    const boxes = host.pane.locator('#sheet-chooser input[type=checkbox]');
    expect(await boxes.evaluateAll((b) => (b as HTMLInputElement[]).map((x) => x.value))).toEqual([MESSY.name, '二科']);
    for (const value of [MESSY.name, '二科']) await host.pane.check(`#sheet-chooser input[value="${value}"]`);
    await host.pane.click('#sheet-chooser .btn.primary');
    await host.pane.waitForFunction(() => {
      const m = document.getElementById('message')!;
      return !m.hidden && m.textContent !== '';
    });
    const message = (await host.pane.textContent('#message')) ?? '';
    expect(message).toContain('已生成“年度汇总”');
    expect(message).toContain(`${ID_A} 出现在“${MESSY.name}”第 4 行、“${MESSY.name}”第 7 行，只计一次`);
    expect(message).toContain(`${ID_B} 出现在“${MESSY.name}”第 5 行、“二科”第 4 行，只计一次`);
    const summary = await snapshot(host.page, '年度汇总');
    expect(summary.find((r) => r[0] === '花名册工作表')?.[1]).toBe(`${MESSY.name}、二科`);
    const countsAt = summary.findIndex((r) => r[0] === '人数');
    // 一科: 6 rows of people, 赵六 repeating 张三's ID counted once → 5; 二科: 周九, and 李四 again counted once → 1
    expect(summary[countsAt + 1][0]).toBe(6);
  });
});
