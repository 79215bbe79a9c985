// Every worked case and batch through the .xlsx path (the web page and `npm run roster`): test/fixtures/worked-cases.xlsx
// holds them as LibreOffice saved them (scripts/worked-cases-xlsx.ts: a title row, a 序号 column, another column
// order, real rosters' header spellings such as 工作单位, 公需科目, 行业另有规定). The roster module maps the columns,
// the result of each row meets its case's expectations, the cells written are formatRowOutput of that result, and
// 年度汇总 and 提醒名单 carry the new column's count and the days-without-hours advice.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkRoster, type CheckOutcome } from '../../xlsx/check-roster';
import { openRoster, type OpenedRoster } from '../../xlsx/roster-file';
import { concatBytes } from '../../xlsx/zip/zip-write';
import './package-tools';
import { OUTPUT_HEADERS, formatRowOutput } from '../../shared/index';
import type { RosterRowInput, RowResult } from '../../shared/types';
import { WORKED_BATCHES, WORKED_CASES, expectResult } from '../support/worked-cases';
import { dutyRows, loadWorkbook, outputBlock } from './expect-output';

const FILE = fileURLToPath(new URL('../fixtures/worked-cases.xlsx', import.meta.url));
const EXAMPLE_SHEET = '示例';
const AS_OF = '2023-11-01';
const REMAKE = '（工作示例已更新？请运行 npx tsx scripts/worked-cases-xlsx.ts 重新生成 test/fixtures/worked-cases.xlsx）';

/** A row without its blank cells: what a sheet can hold of it. */
const filled = (row: RosterRowInput | null): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row ?? {}).filter(([, v]) => v !== null && v !== undefined && v !== ''));

let opened: OpenedRoster;
let outcome: CheckOutcome;
let result: ExcelJS.Workbook;
/** The result of a sheet row (0-based), as the .xlsx path placed it. */
let at: (sheet: string, sheetRow: number) => RowResult | undefined;

beforeAll(async () => {
  opened = await openRoster('worked-cases.xlsx', new Uint8Array(readFileSync(FILE)));
  outcome = await checkRoster(opened, { asOf: AS_OF, now: new Date(Date.UTC(2023, 10, 1, 1)) });
  result = await loadWorkbook(concatBytes(outcome.file));
  const byRow = new Map(outcome.response.rows.map((r, k) => [`${r.sheetName}!${r.sheetRow}`, outcome.response.results[k]]));
  at = (sheet, sheetRow) => byRow.get(`${sheet}!${sheetRow}`);
});

const planOf = (sheet: string) => {
  const plan = opened.plans.find((p) => p.sheetName === sheet);
  if (!plan) throw new Error(`工作表 ${sheet} 未认出花名册${REMAKE}`);
  return plan;
};

describe('the fixture is the worked cases, as an office suite saved them', () => {
  it('one asOf for the file: every case and batch is checked on 2023-11-01', () => {
    for (const c of [...WORKED_CASES, ...WORKED_BATCHES]) expect(c.asOf, c.id).toBe(AS_OF);
    expect(WORKED_CASES.every((c) => c.ruleSet === undefined)).toBe(true);
  });

  it(`sheet ${EXAMPLE_SHEET}: the roster module reads back exactly the rows of examples.json, in order`, () => {
    const plan = planOf(EXAMPLE_SHEET);
    expect(plan.unknown.map((u) => u.header)).toEqual(['序号']);
    expect(plan.rows.map((r) => filled(r.input)), REMAKE).toEqual(WORKED_CASES.map((c) => (isSkipped(c.row) ? {} : filled(c.row))));
    expect(plan.columns).toContain('professionalBySector');
  });

  it('one sheet per batch, read back exactly', () => {
    expect(opened.plans.map((p) => p.sheetName)).toEqual([EXAMPLE_SHEET, ...WORKED_BATCHES.map((b) => b.id)]);
    for (const b of WORKED_BATCHES) expect(planOf(b.id).rows.map((r) => filled(r.input)), `${b.id}${REMAKE}`).toEqual(b.rows.map(filled));
  });
});

/** A row the roster module does not send: blank, or a total row (合计). */
function isSkipped(row: RosterRowInput): boolean {
  return Object.keys(filled(row)).length === 0 || row.name === '合计';
}

describe('computed through the .xlsx path', () => {
  it('every worked case meets its expectations; blank and 合计 rows are not computed', () => {
    const plan = planOf(EXAMPLE_SHEET);
    WORKED_CASES.forEach((c, i) => {
      const sheetRow = plan.rows[i].sheetRow;
      const r = at(EXAMPLE_SHEET, sheetRow);
      if (c.expect.status === '') {
        expect(r, c.id).toBeUndefined();
        if (c.expect.warningCodes?.includes('NOT_A_PERSON')) expect(plan.excluded).toContainEqual({ sheetRow, reason: 'total', text: c.row.name });
        return;
      }
      if (!r) throw new Error(`${c.id}：第 ${sheetRow + 1} 行没有结果`);
      expectResult(r, c.expect, c.id);
    });
  });

  it('every batch meets its expectations; a duplicate names the other sheet rows', () => {
    for (const b of WORKED_BATCHES) {
      const plan = planOf(b.id);
      b.expect.forEach((want, i) => {
        const r = at(b.id, plan.rows[i].sheetRow);
        if (!r) throw new Error(`${b.id} 第 ${i} 行没有结果`);
        expectResult(r, want, `${b.id} row ${i}`, { sheetRows: true });
        const dup = r.errors.find((e) => e.code === 'DUPLICATE_ID');
        for (const other of want.duplicateOf ?? []) expect(dup?.message, `${b.id} row ${i}`).toContain(`第 ${plan.rows[other].sheetRow + 1} 行`);
      });
    }
  });

  it('the cells written are the output of each row’s result; rows not computed get none', () => {
    for (const plan of opened.plans) {
      const ws = result.getWorksheet(plan.sheetName) as ExcelJS.Worksheet;
      const b = outputBlock(ws);
      for (const row of plan.rows) {
        const got = OUTPUT_HEADERS.map((_, o) => ws.getCell(row.sheetRow + 1, b.col + o).value);
        const r = at(plan.sheetName, row.sheetRow);
        const want = r ? formatRowOutput(r).map((v) => (v === '' ? null : v)) : OUTPUT_HEADERS.map(() => null);
        expect(got, `${plan.sheetName} 第 ${row.sheetRow + 1} 行`).toEqual(want);
      }
    }
  });

  it('the 说明 of a row with days but no hours says to fill in the hours from the proof', () => {
    const plan = planOf(EXAMPLE_SHEET);
    const ws = result.getWorksheet(EXAMPLE_SHEET) as ExcelJS.Worksheet;
    const note = OUTPUT_HEADERS.indexOf('说明');
    const b = outputBlock(ws);
    for (const id of ['ex07', 'ex25']) {
      const i = WORKED_CASES.findIndex((c) => c.id === id);
      expect(String(ws.getCell(plan.rows[i].sheetRow + 1, b.col + note).value), id).toContain('请按证明材料补填实际学时');
    }
  });

  it('年度汇总 counts the people checked by the sector; 提醒名单 tells the clerk which hours to fill in', () => {
    expect(outcome.response.summary.total.professionalBySector).toBe(WORKED_CASES.filter((c) => c.expect.warningCodes?.includes('PROFESSIONAL_BY_SECTOR')).length);
    const summary = result.getWorksheet('年度汇总') as ExcelJS.Worksheet;
    let header = 0;
    summary.eachRow((row, r) => {
      if (header === 0 && (row.values as unknown[]).includes('专业课按行业规定人数')) header = r;
    });
    expect(header, '年度汇总 has the column').toBeGreaterThan(0);
    const col = (summary.getRow(header).values as unknown[]).indexOf('专业课按行业规定人数');
    expect(summary.getCell(header + 1, col).value).toBe(outcome.response.summary.total.professionalBySector);

    const reminders = result.worksheets.find((w) => w.name.startsWith('提醒名单') && w.name.includes(EXAMPLE_SHEET.slice(0, 2)));
    const ex07 = WORKED_CASES.findIndex((c) => c.id === 'ex07');
    const row = dutyRows(reminders as ExcelJS.Worksheet).find((r) => r['花名册行号'] === planOf(EXAMPLE_SHEET).rows[ex07].sheetRow + 1);
    expect(row?.['还缺什么']).toBe('专业课还差 24 学时；专家活动填写了3天但未填学时，暂不计入（每天8学时是上限，不是默认值）；请按证明材料补填实际学时（附件1第4条）');
  });
});
