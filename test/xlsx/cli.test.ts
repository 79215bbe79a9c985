// `npm run roster` on real .xlsx files made with exceljs: outputs equal evaluate(), input cells unchanged, a second
// run over its own output changes nothing, exit codes and Chinese messages.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { cellMap, dutyRows, expectDutySheetsMatch, expectResultMatches, loadWorkbook } from './expect-output';
import { runRosterCli } from './run-cli';
import { cleanRoster, largeRoster, messyRoster, saveRoster, tableRoster, twoRowHeaderRoster, twoSheetRoster, type RosterFile } from './rosters';

const dir = mkdtempSync(join(tmpdir(), 'ce-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const AS_OF = '2023-11-01';

const roster = runRosterCli;

async function roundTrip(f: RosterFile, duplicates: { sheet: string; row: number }[] = []): Promise<void> {
  const input = join(dir, `${f.name}.xlsx`);
  await saveRoster(f, input);
  const bytesBefore = readFileSync(input);
  const out = join(dir, `${f.name}-核对结果.xlsx`);
  const first = await roster(input, '--as-of', AS_OF);
  expect(first.stderr.replace(/注意：[^\n]*\n/g, '')).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).toContain('结果已写入');
  expect(readFileSync(input).equals(bytesBefore), '原文件未被改写').toBe(true);
  const original = await loadWorkbook(input);
  const result = await loadWorkbook(out);
  expectResultMatches(result, original, f, AS_OF, duplicates);
  expectDutySheetsMatch(result, f, AS_OF, duplicates);

  // A second run over its own output gives the same cells (only the 生成时间 of 年度汇总 and the duty sheets may differ).
  const out2 = join(dir, `${f.name}-第二次.xlsx`);
  const second = await roster(out, '--out', out2, '--as-of', AS_OF);
  expect(second.code).toBe(0);
  const again = await loadWorkbook(out2);
  // the duty sheets' 生成时间 is the cell right of the label 生成时间
  const isDutySheet = (s: string): boolean => s.startsWith('提醒名单') || s.startsWith('审核材料清单');
  const madeAt = (s: string, r: number, c: number): boolean =>
    (s === '年度汇总' && r === 3 && c === 2) || (isDutySheet(s) && c === 2 && result.getWorksheet(s)?.getCell(r, 1).value === '生成时间');
  expect(cellMap(again, madeAt)).toEqual(cellMap(result, madeAt));
  for (const s of f.sheets) {
    const a = result.getWorksheet(s);
    const b = again.getWorksheet(s);
    expect(b?.getTables().map((t) => (t as unknown as { table: { tableRef: string } }).table.tableRef)).toEqual(a?.getTables().map((t) => (t as unknown as { table: { tableRef: string } }).table.tableRef));
    const cfs = (w: unknown): unknown => (w as { conditionalFormattings: unknown[] }).conditionalFormattings;
    expect(cfs(b)).toEqual(cfs(a));
    expect(b?.views[0]).toMatchObject({ state: 'frozen' });
  }
}

describe('npm run roster', () => {
  it('a clean roster (dates as date cells, IDs as text)', async () => {
    await roundTrip(cleanRoster());
  }, 60_000);

  it('a merged title, 序号, formulas with cached results, dates as text and as dates, an ID as a number, a 合计 row and a 制表人 footer', async () => {
    await roundTrip(messyRoster());
  }, 60_000);

  it('a two-row header', async () => {
    await roundTrip(twoRowHeaderRoster());
  }, 60_000);

  it('an Excel table with a total row: the table grows over the output columns', async () => {
    await roundTrip(tableRoster());
    const result = await loadWorkbook(join(dir, 'table-核对结果.xlsx'));
    const t = (result.getWorksheet('台账')?.getTables()[0] as unknown as { table: { tableRef: string; columns: { name: string }[] } }).table;
    expect(t.tableRef).toBe('A3:Q12');
    expect(t.columns.map((c) => c.name).slice(-2)).toEqual(['封顶提示', '说明']);
  }, 60_000);

  it('two roster sheets and a 填表说明 sheet; the same ID on both sheets is 数据有误 on both', async () => {
    const f = twoSheetRoster();
    await roundTrip(f, [{ sheet: '一科', row: 2 }, { sheet: '二科', row: 5 }]);
    const result = await loadWorkbook(join(dir, 'two-sheets-核对结果.xlsx'));
    expect(String(result.getWorksheet('一科')?.getCell('AA2').value ?? '') + String(result.getWorksheet('一科')?.getRow(2).values)).toContain('“二科”第 5 行');
  }, 60_000);

  it('3,000 rows', async () => {
    await roundTrip(largeRoster(3000));
  }, 120_000);

  it('提醒名单 and 审核材料清单: a second run over the result keeps what the clerk typed in 通知情况 and 核验结果', async () => {
    const f = cleanRoster();
    const input = join(dir, 'kept.xlsx');
    await saveRoster(f, input);
    const out = join(dir, 'kept-out.xlsx');
    expect((await roster(input, '--out', out, '--as-of', AS_OF)).code).toBe(0);
    const typed = await loadWorkbook(out);
    const type = (sheet: string, header: string, text: string): number => {
      const ws = typed.getWorksheet(sheet) as ExcelJS.Worksheet;
      const col = (ws.getRow(6).values as unknown[]).indexOf(header);
      expect(col, `${sheet} 的 ${header} 列`).toBeGreaterThan(0);
      ws.getCell(7, col).value = text;
      return Number(ws.getCell(7, 1).value);
    };
    const remindedRow = type('提醒名单', '通知情况', '11月2日已电话通知');
    const checkedRow = type('审核材料清单', '核验结果', '证书已核');
    const typedFile = join(dir, 'kept-typed.xlsx');
    await typed.xlsx.writeFile(typedFile);
    const run = await roster(typedFile, '--out', join(dir, 'kept-again.xlsx'), '--as-of', AS_OF);
    expect(run.code).toBe(0);
    const again = await loadWorkbook(join(dir, 'kept-again.xlsx'));
    expect(again.worksheets.filter((w) => w.name === '提醒名单')).toHaveLength(1);
    expect(dutyRows(again.getWorksheet('提醒名单') as ExcelJS.Worksheet).find((r) => r['花名册行号'] === remindedRow)?.['通知情况']).toBe('11月2日已电话通知');
    expect(dutyRows(again.getWorksheet('审核材料清单') as ExcelJS.Worksheet).find((r) => r['花名册行号'] === checkedRow)?.['核验结果']).toBe('证书已核');
    expectDutySheetsMatch(again, f, AS_OF);
  }, 60_000);

  it('a sheet named 提醒名单 that the clerk made is never overwritten: the run stops and says so', async () => {
    const f = cleanRoster();
    f.workbook.addWorksheet('提醒名单').getCell('A1').value = '我自己的名单';
    const input = join(dir, 'own-sheet.xlsx');
    await saveRoster(f, input);
    const out = join(dir, 'own-sheet-out.xlsx');
    const run = await roster(input, '--out', out, '--as-of', AS_OF);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('不是本助手生成的');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('--json prints the engine response; --sheet picks one sheet', async () => {
    const f = twoSheetRoster();
    const input = join(dir, 'json.xlsx');
    await saveRoster(f, input);
    const run = await roster(input, '--out', join(dir, 'json-out.xlsx'), '--as-of', AS_OF, '--json', '--sheet', '二科');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { ruleSet: string; results: { status: string }[]; summary: { total: { headcount: number } }; rows: { sheetName: string }[] };
    expect(json.ruleSet).toBe('zaozhuang-2023');
    expect(json.results).toHaveLength(4);
    expect(json.summary.total.headcount).toBe(4);
    expect(new Set(json.rows.map((r) => r.sheetName))).toEqual(new Set(['二科']));
  }, 60_000);

  it('refuses to overwrite without --force, never writes the input, exit 2 on usage', async () => {
    const input = join(dir, 'force.xlsx');
    await saveRoster(cleanRoster(), input);
    const out = join(dir, 'force-out.xlsx');
    writeFileSync(out, 'keep me');
    const refused = await roster(input, '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const same = await roster(input, '--out', input, '--force');
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('同一个文件');
    const forced = await roster(input, '--out', out, '--force', '--as-of', AS_OF);
    expect(forced.code).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(1000);
    expect((await roster()).code).toBe(2);
    expect((await roster(input, '--as-of', '2023-13-01')).stderr).toContain('--as-of');
    expect((await roster(input, '--bogus')).code).toBe(2);
  }, 60_000);

  it('exit 1 with a Chinese message: .xls / .csv, no hours column, a missing sheet', async () => {
    const xls = join(dir, '旧花名册.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const a = await roster(xls);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('另存为');
    expect(a.stderr).toContain('.xlsx');
    const csv = join(dir, '花名册.csv');
    writeFileSync(csv, '姓名,市平台公需课学时\n张三,30\n');
    expect((await roster(csv)).stderr).toContain('CSV');
    const f = cleanRoster();
    const ws = f.workbook.worksheets[0];
    for (let c = 5; c <= 17; c++) ws.getCell(1, c).value = `其他${c}`;
    const noHours = join(dir, 'no-hours.xlsx');
    await saveRoster(f, noHours);
    const b = await roster(noHours, '--out', join(dir, 'no-hours-out.xlsx'));
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('学时列');
    expect(existsSync(join(dir, 'no-hours-out.xlsx'))).toBe(false);
    const c = await roster(noHours, '--sheet', '不存在', '--out', join(dir, 'x.xlsx'));
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('没有名为“不存在”的工作表');
  }, 60_000);
});
