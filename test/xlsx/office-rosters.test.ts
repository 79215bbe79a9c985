// Rosters an office suite wrote (the four of issue 19 in test/fixtures/rosters, copies of ../shared/rosters; and the
// ones made here with LibreOffice, test/fixtures/office-rosters) through `npm run roster`: every person as expect.json
// says, no row that is no one with a result, 年度汇总 by the unit and department the clerk means, every input cell,
// note and frozen pane kept, words for a clerk with only the file, and a roster that prints as the clerk's did.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  OFFICE_ROSTERS, SHARED_ROSTERS, UPSTREAM_ROSTERS, expectAttention, expectNoOtherResults, expectPeople, expectSummaryGroups, rosterSets, upstreamFiles,
  type RosterSet,
} from '../support/roster-expect';
import { dutyRows, loadWorkbook, outputBlock } from './expect-output';
import { expectInputsKept, sheetValues, xlsxView } from './result-view';
import { runRosterCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'ce-office-rosters-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const AS_OF = '2023-12-01';
const SETS = [...rosterSets(SHARED_ROSTERS), ...rosterSets(OFFICE_ROSTERS)];
const setOf = (prefix: string): RosterSet => SETS.find((s) => s.file.startsWith(prefix)) as RosterSet;

/** Runs the CLI once per roster (the tests below read the same result). */
const results = new Map<string, Promise<{ stdout: string; path: string }>>();
function checked(set: RosterSet): Promise<{ stdout: string; path: string }> {
  let r = results.get(set.file);
  if (!r) {
    const path = join(dir, `${set.file}-核对结果.xlsx`);
    r = runRosterCli(set.path, '--out', path, '--as-of', AS_OF).then((run) => {
      expect(run.stderr.replace(/注意：[^\n]*\n/g, ''), `${set.file} 标准错误输出`).toBe('');
      expect(run.code, `${set.file} 退出码`).toBe(0);
      return { stdout: run.stdout, path };
    });
    results.set(set.file, r);
  }
  return r;
}

describe('the shared rosters are copied byte for byte', () => {
  it.runIf(existsSync(UPSTREAM_ROSTERS))('test/fixtures/rosters matches ../shared/rosters', () => {
    for (const name of upstreamFiles()) {
      expect(readFileSync(join(SHARED_ROSTERS, name)).equals(readFileSync(join(UPSTREAM_ROSTERS, name))), name).toBe(true);
    }
    expect(upstreamFiles().length).toBe(5);
  });
});

describe('npm run roster on rosters an office suite wrote', () => {
  for (const set of SETS) {
    it(`${set.file}: every person as expect.json says, nobody else, 年度汇总 by unit and department, the clerk's file kept`, async () => {
      const { path } = await checked(set);
      const [result, original] = await Promise.all([loadWorkbook(path), loadWorkbook(set.path)]);
      const view = xlsxView(result);
      expectPeople(view, set.people);
      for (const sheet of set.sheets) expectNoOtherResults(view, sheet, set.people);
      expectSummaryGroups(view.summary, set.people);
      expectAttention(view.summary, set.people, set.sheets.length > 1);
      expectInputsKept(original, result);
    }, 60_000);
  }

  it('says which rows are no one, which columns are hidden or merged, and that evidence is taken as given', async () => {
    const r02 = (await checked(setOf('R02'))).stdout;
    expect(r02).toContain('第 27 行（姓名）是重复的表头，不是人员，不计算。');
    expect(r02).toContain('第 38 行（合计）是合计行');
    expect(r02).toContain('B 列“单位”有 6 处上下合并的单元格');
    const r10 = (await checked(setOf('R10'))).stdout;
    expect(r10).toContain('第 7 行（儿科小计）、第 12 行（小  计）、第 16 行（小计：）、第 20 行（小计）、第 24 行（本科室合计）等 6 行是合计行');
    const h01 = (await checked(setOf('H01'))).stdout;
    expect(h01).toContain('F 列“专业课（上半年）”已隐藏，不读取：“市平台专业课学时”读可见的 H 列。');
    expect(h01).toContain('从第 10 行（导出时间：2023-12-20 …）起是表尾');
    expect(h01).toContain('花名册没有“证明材料齐全”列：1 人填了需要证明材料的学时');
    const r12 = (await checked(setOf('R12'))).stdout;
    expect(r12).toContain('表头在第 4、5 行');
    expect(r12).toContain('花名册没有“证明材料齐全”列：3 人');
  }, 60_000);

  it('年度汇总 says once that hours were taken as documented when the roster has no 证明材料齐全', async () => {
    for (const [prefix, people] of [['H01', 1], ['R12', 3]] as const) {
      const summary = sheetValues((await loadWorkbook((await checked(setOf(prefix))).path)).getWorksheet('年度汇总') as ExcelJS.Worksheet);
      const lines = summary.filter((r) => String(r[1]).includes('证明材料齐全'));
      expect(lines, prefix).toHaveLength(1);
      expect(lines[0][0]).toBe('提示');
      expect(String(lines[0][1])).toMatch(new RegExp(`^花名册没有“证明材料齐全”列：${people} 人填了需要证明材料的学时.*请对照“审核材料清单”逐项核验。$`));
    }
    const r01 = sheetValues((await loadWorkbook((await checked(setOf('R01'))).path)).getWorksheet('年度汇总') as ExcelJS.Worksheet);
    expect(r01.some((r) => String(r[1]).includes('证明材料齐全'))).toBe(false);
  }, 60_000);

  it('a result for WPS users: 提醒名单 points at no task pane; a 数据有误 row gets a note to the clerk, no SMS to the person', async () => {
    const result = await loadWorkbook((await checked(setOf('H01'))).path);
    const ws = result.getWorksheet('提醒名单（内科）') as ExcelJS.Worksheet;
    const top = sheetValues(ws).slice(0, 6).flat().map(String).join('');
    expect(top).not.toContain('任务窗格');
    expect(top).toContain('复制（Ctrl+C）');
    const li = dutyRows(ws).find((r) => r['姓名'] === '李娜');
    expect(li?.['状态']).toBe('数据有误');
    expect(li?.['提醒短信'] ?? '').toBe('');
    expect(String(li?.['还缺什么'])).toMatch(/^请经办人先改正花名册：.*30h.*改正后重新核对，再提醒本人$/);
    for (const r of dutyRows(ws).filter((x) => x['状态'] !== '数据有误')) expect(String(r['提醒短信'])).toMatch(new RegExp(`^${String(r['姓名'])}您好：`));
  }, 60_000);

  it('several columns for one field and no single visible one: refused, the columns named by letter and header', async () => {
    const path = join(OFFICE_ROSTERS, 'H02-隐藏列-两列可见.xlsx');
    const out = join(dir, 'H02-out.xlsx');
    const run = await runRosterCli(path, '--out', out, '--as-of', AS_OF);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('“市平台专业课学时”对应了 3 列：C 列“专业课（上半年）”（已隐藏）、D 列“专业课学时”、E 列“专业课（下半年）”。');
    expect(run.stderr).toContain('隐藏的列也算在内');
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

describe('printing', () => {
  it('封顶提示 and 说明 wrap at a page-friendly width', async () => {
    const result = await loadWorkbook((await checked(setOf('R01'))).path);
    const ws = result.getWorksheet('2023年度') as ExcelJS.Worksheet;
    const b = outputBlock(ws);
    for (const [i, header] of [[7, '封顶提示'], [8, '说明']] as const) {
      const col = ws.getColumn(b.col + i);
      expect(ws.getCell(b.row, b.col + i).value).toBe(header);
      expect(col.width, header).toBeGreaterThan(15);
      expect(col.width, header).toBeLessThanOrEqual(40);
      expect(ws.getCell(b.row + 1, b.col + i).alignment?.wrapText, header).toBe(true);
    }
  }, 60_000);

  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].some((p) => existsSync(p));
  it.runIf(soffice)('each shared roster prints on at most two pages more than the clerk’s (LibreOffice’s PDF)', async () => {
    const pdfDir = join(dir, 'pdf');
    const pairs: { name: string; original: string; result: string }[] = [];
    for (const set of rosterSets(SHARED_ROSTERS)) {
      const { path } = await checked(set);
      // the roster sheet alone, as the clerk prints it (the result's other sheets are ours)
      const result = await loadWorkbook(path);
      for (const ws of [...result.worksheets]) if (!set.sheets.includes(ws.name)) result.removeWorksheet(ws.id);
      const original = await loadWorkbook(set.path);
      const name = set.file.slice(0, 3);
      pairs.push({ name, original: join(dir, `${name}-原表.xlsx`), result: join(dir, `${name}-结果.xlsx`) });
      await original.xlsx.writeFile(join(dir, `${name}-原表.xlsx`));
      await result.xlsx.writeFile(join(dir, `${name}-结果.xlsx`));
    }
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', pdfDir, ...pairs.flatMap((p) => [p.original, p.result])], { stdio: 'ignore', timeout: 120_000 });
    const pages = (xlsx: string): number => {
      const pdf = readFileSync(join(pdfDir, xlsx.split('/').pop()!.replace(/\.xlsx$/, '.pdf'))).toString('latin1');
      return (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    };
    for (const p of pairs) {
      const before = pages(p.original);
      expect(before, p.name).toBeGreaterThan(0);
      expect(pages(p.result), `${p.name}：原表 ${before} 页`).toBeLessThanOrEqual(before + 2);
    }
  }, 180_000);
});
