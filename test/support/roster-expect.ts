// Rosters an office suite wrote, with what each person must get (expect.json, made from the rules text by hand, never
// from our code), and the checks every surface shares: the CLI's and the page's result files, the add-in's simulated
// workbook. A surface gives a ResultView; the checks compare it with expect.json.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export type Expected = {
  file: string;
  sheet: string;
  /** 1-based, as Excel shows it. */
  row: number;
  name: string;
  unit: string;
  dept: string;
  exp: {
    status: string;
    public: number | null;
    professional: number | null;
    total: number | null;
    publicShortfall: number | null;
    professionalShortfall: number | null;
    deadline: string;
  };
  why?: string;
};

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The four rosters of issue 19 (copies of ../shared/rosters) and the ones made here with LibreOffice (make.ts). */
export const SHARED_ROSTERS = join(root, 'test', 'fixtures', 'rosters');
export const OFFICE_ROSTERS = join(root, 'test', 'fixtures', 'office-rosters');
/** Where the team's shared copies live (absent in a user's clone). */
export const UPSTREAM_ROSTERS = join(root, '..', 'shared', 'rosters');

export type RosterSet = { dir: string; file: string; path: string; people: Expected[]; sheets: string[] };

/** Every roster of a folder with its people, in file order. */
export function rosterSets(dir: string): RosterSet[] {
  const all = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as Expected[];
  const files = [...new Set(all.map((p) => p.file))];
  return files.map((file) => {
    const people = all.filter((p) => p.file === file);
    return { dir, file, path: join(dir, `${file}.xlsx`), people, sheets: [...new Set(people.map((p) => p.sheet))] };
  });
}

/** The .xlsx files of the team's shared folder (for the drift check), or [] without it. */
export function upstreamFiles(): string[] {
  return existsSync(UPSTREAM_ROSTERS) ? readdirSync(UPSTREAM_ROSTERS).sort() : [];
}

/** A checked roster as a surface shows it. Rows are 1-based. */
export type ResultView = {
  /** The nine output cells of a sheet row, in the order 公需课认定学时 … 说明 (empty cells as '' or null). */
  outputs(sheet: string, row: number): unknown[];
  /** The last row of the sheet that holds anything. */
  lastRow(sheet: string): number;
  /** The header row of the output columns (1-based). */
  outputHeaderRow(sheet: string): number;
  /** 年度汇总's cells, row 0 = Excel row 1. */
  summary: unknown[][];
};

/** The label 年度汇总 gives a blank unit or department (docs/rules.md §8). */
const BLANK = '（未填）';
const blank = (v: unknown): boolean => v === null || v === undefined || v === '';
const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Each person's status, hours, shortfalls and deadline as expect.json says. */
export function expectPeople(view: ResultView, people: readonly Expected[]): void {
  for (const p of people) {
    const at = `${p.file} “${p.sheet}”第 ${p.row} 行（${p.name}）`;
    const [pub, pro, total, pubShort, proShort, deadline, status] = view.outputs(p.sheet, p.row);
    expect(status, `${at} 状态`).toBe(p.exp.status);
    if (p.exp.status === '数据有误') {
      expect([pub, pro, total, pubShort, proShort].every(blank), `${at}：数据有误不计学时`).toBe(true);
      continue;
    }
    expect([pub, pro, total, pubShort, proShort].map(Number), `${at} 学时与缺口`).toEqual(
      [p.exp.public, p.exp.professional, p.exp.total, p.exp.publicShortfall, p.exp.professionalShortfall].map((n) => round2(Number(n))),
    );
    expect(deadline, `${at} 完成期限`).toBe(p.exp.deadline);
  }
}

/** No row that is no one (title, headers, subtotals, notes, footers, blank rows) has any result. */
export function expectNoOtherResults(view: ResultView, sheet: string, people: readonly Expected[]): void {
  const persons = new Set(people.filter((p) => p.sheet === sheet).map((p) => p.row));
  const header = view.outputHeaderRow(sheet);
  for (let r = 1; r <= view.lastRow(sheet); r++) {
    if (r === header || persons.has(r)) continue;
    expect(view.outputs(sheet, r).every(blank), `“${sheet}”第 ${r} 行不是人员，不应有结果`).toBe(true);
  }
}

type Counts = { headcount: number; 达标: number; 未达标: number; 待补材料: number; 数据有误: number };

/** 年度汇总's 按单位和部门 table: every person under the unit and department expect.json names, and no other group. */
export function expectSummaryGroups(summary: readonly unknown[][], people: readonly Expected[]): void {
  const want = new Map<string, Counts>();
  for (const p of people) {
    const key = `${p.unit || BLANK} / ${p.dept || BLANK}`;
    const c = want.get(key) ?? { headcount: 0, 达标: 0, 未达标: 0, 待补材料: 0, 数据有误: 0 };
    c.headcount++;
    c[p.exp.status as keyof Omit<Counts, 'headcount'>]++;
    want.set(key, c);
  }
  const head = summary.findIndex((r) => r[0] === '单位' && r[1] === '部门' && r[2] === '人数');
  expect(head, '年度汇总的“按单位和部门”表').toBeGreaterThanOrEqual(0);
  const col = (name: string): number => summary[head].indexOf(name);
  const got = new Map<string, Counts>();
  for (let r = head + 1; r < summary.length && !blank(summary[r][0]) && summary[r][0] !== '合计'; r++) {
    const row = summary[r];
    got.set(`${String(row[0])} / ${String(row[1])}`, {
      headcount: Number(row[col('人数')]),
      达标: Number(row[col('达标')]),
      未达标: Number(row[col('未达标')]),
      待补材料: Number(row[col('待补材料')]),
      数据有误: Number(row[col('数据有误')]),
    });
  }
  expect(Object.fromEntries(got), '年度汇总：各单位、部门的人数和状态').toEqual(Object.fromEntries(want));
}

/**
 * 年度汇总's 需关注人员: everyone not 达标, with the unit, department and status expect.json gives; with several roster
 * sheets, the row is named with its sheet (row 4 of two sheets is two different people).
 */
export function expectAttention(summary: readonly unknown[][], people: readonly Expected[], severalSheets: boolean): void {
  const head = summary.findIndex((r) => r[0] === '花名册行号' && r[1] === '姓名');
  expect(head, '年度汇总的“需关注人员”表').toBeGreaterThanOrEqual(0);
  const rows: unknown[][] = [];
  for (let r = head + 1; r < summary.length && !blank(summary[r][1]); r++) rows.push(summary[r]);
  const want = people.filter((p) => p.exp.status !== '达标');
  expect(rows.length, '需关注人员的人数').toBe(want.length);
  for (const p of want) {
    // one sheet: the row number; several: the sheet's name and the row number (e.g. “内科 第 4 行”)
    const names = (cell: unknown): boolean =>
      severalSheets ? String(cell).includes(p.sheet) && new RegExp(`(^|\\D)${p.row}(\\D|$)`).test(String(cell)) : Number(cell) === p.row;
    const hit = rows.find((r) => r[1] === p.name && names(r[0]));
    expect(hit, `需关注人员：${p.name}（“${p.sheet}”第 ${p.row} 行）`).toBeDefined();
    expect(hit?.slice(2, 5), `需关注人员：${p.name} 的单位、部门、状态`).toEqual([p.unit || BLANK, p.dept || BLANK, p.exp.status]);
  }
}
