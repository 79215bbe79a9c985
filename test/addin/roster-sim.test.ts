// The add-in's roster path on the strict simulated workbook (Node): what it remembers per sheet (the output block,
// the ignored columns), a sheet protected while the service computes, error cells read by their value type, and
// 年度汇总's joining of several sheets.
import { describe, expect, it, vi } from 'vitest';
import { OUTPUT_HEADERS, evaluate } from '../../shared/index';
import { OUTPUT_BLOCK_MARKER, planRoster } from '../../shared/roster';
import type { RosterRowInput } from '../../shared/types';
import type { Evaluator } from '../../addin/compute/compute';
import { frameSheet } from '../../addin/compute/locate';
import { runCompute } from '../../addin/compute/run';
import { joinRosters } from '../../addin/summary/roster-sheets';
import { WorkbookModel, createExcel, type Scalar, type SheetModel } from '../support/excel-sim';

const AS_OF = '2023-11-01';
const HEAD = ['姓名', '工号', '市平台公需课学时', '市平台专业课学时', '状态'];

function roster(model: WorkbookModel, name: string, rows: Scalar[][]): SheetModel {
  const sheet = model.addSheet(name);
  rows.forEach((r, i) => r.forEach((v, j) => v !== '' && sheet.set(i, j, v)));
  model.activate(sheet.id);
  return sheet;
}

function local(onEvaluate?: (rows: RosterRowInput[]) => void): Evaluator {
  return {
    evaluate: async (rows, o) => {
      onEvaluate?.(rows);
      return { ...evaluate(rows, o), batchId: 'r1' };
    },
  };
}

describe('what the add-in remembers per sheet', () => {
  it('the output block and the ignored columns: a second run asks nothing and writes the same columns; a new column asks again', async () => {
    const model = new WorkbookModel();
    const sheet = roster(model, '花名册', [HEAD, ['张三', 'A1', 30, 60, '在职'], ['李四', 'A2', 20, 60, '退休返聘']]);
    const run = createExcel(model).run;
    expect((await runCompute({ evaluator: local(), asOf: AS_OF }, run)).kind).toBe('preflight');
    const first = await runCompute({ evaluator: local(), asOf: AS_OF, acceptUnknown: ['工号'] }, run);
    expect(first.kind).toBe('done');
    expect(model.settings.get(`ce.outputBlock.${sheet.id}`)).toEqual({ headerRow: 0, columns: OUTPUT_HEADERS.map((_, i) => 5 + i), marker: OUTPUT_BLOCK_MARKER });
    const after = sheet.block(0, 0, 3, 14);
    expect(after.map((r) => r.slice(0, 5))).toEqual([HEAD, ['张三', 'A1', 30, 60, '在职'], ['李四', 'A2', 20, 60, '退休返聘']]);

    // the clerk types a note column right of our block: it is theirs; the block stays where it was
    sheet.set(0, 14, '核对人');
    sheet.set(1, 14, '王');
    const second = await runCompute({ evaluator: local(), asOf: AS_OF }, run);
    expect(second.kind === 'preflight' && second.preflight.unknown).toEqual(['工号', '核对人']);
    const third = await runCompute({ evaluator: local(), asOf: AS_OF, acceptUnknown: ['工号', '核对人'] }, run);
    expect(third.kind).toBe('done');
    expect(sheet.block(0, 0, 3, 14)).toEqual(after);
    expect([sheet.get(0, 14), sheet.get(1, 14), sheet.get(0, 15)]).toEqual(['核对人', '王', '']);
    expect((await runCompute({ evaluator: local(), asOf: AS_OF }, run)).kind).toBe('done');
  });
});

describe('protection and value types', () => {
  it('a sheet protected while the service computes: nothing is written, the message says which sheet and how', async () => {
    const model = new WorkbookModel();
    const sheet = roster(model, '一科', [['姓名', '市平台公需课学时', '市平台专业课学时'], ['张三', 30, 60]]);
    const before = sheet.block(0, 0, 2, 12);
    const written = model.stats.cellsWritten;
    const protectMidway = local(() => void (sheet.isProtected = true));
    await expect(runCompute({ evaluator: protectMidway, asOf: AS_OF }, createExcel(model).run)).rejects.toThrow(/工作表“一科”受保护.*撤消工作表保护/);
    expect(sheet.block(0, 0, 2, 12)).toEqual(before);
    expect(model.stats.cellsWritten).toBe(written);
  });

  it('error cells are read by their value type, whatever value the host reports', async () => {
    const model = new WorkbookModel();
    const sheet = roster(model, '花名册', [['姓名', '身份证号', '市平台公需课学时', '市平台专业课学时'], ['张三', 370402198001011000, 30, 0]]);
    sheet.errorCells.add('1,3');
    let sent: RosterRowInput[] = [];
    // names and ID numbers sent (the opt-in setting), so the service's rows show what was read
    const out = await runCompute({ evaluator: local((rows) => void (sent = rows)), asOf: AS_OF, sendPersonalData: true }, createExcel(model).run);
    expect(out.kind).toBe('done');
    expect(sent).toEqual([{ name: '张三', idNumber: 370402198001011000, platformPublicHours: 30, platformProfessionalHours: '#VALUE!' }]);
    expect(sheet.get(1, 4 + OUTPUT_HEADERS.indexOf('状态'))).toBe('数据有误');
  });
});

describe('年度汇总 over several sheets', () => {
  it('joins the sheets row by row; a repeated ID number counts once and is reported; 合计 rows are blank', () => {
    const id = '11010519491231002X';
    const a = planRoster({ name: '一科', origin: { row: 0, col: 0 }, values: [['姓名', '身份证号', '市平台公需课学时'], ['张三', id, 30], ['合计', null, 30]] });
    const b = planRoster({ name: '二科', origin: { row: 0, col: 0 }, values: [['姓名', '身份证号', '市平台公需课学时'], ['王五', null, 30], ['张三', ` ${id.toLowerCase()}`, 30]] });
    const joined = joinRosters([a, b]);
    expect(joined.sheetNames).toEqual(['一科', '二科']);
    expect(joined.rows).toEqual([{ name: '张三', idNumber: id, platformPublicHours: 30 }, {}, { name: '王五', idNumber: null, platformPublicHours: 30 }, {}]);
    expect(joined.rowLabels).toEqual(['一科 第 2 行', '一科 第 3 行', '二科 第 2 行', '二科 第 3 行']);
    expect(joined.duplicates).toEqual([{ idNumber: id, at: [{ sheetName: '一科', sheetRow: 1 }, { sheetName: '二科', sheetRow: 2 }] }]);
    expect(evaluate(joined.rows).summary.total.headcount).toBe(2);
  });
});

describe('hidden columns, merged cells and frozen panes, read in a few batched syncs', () => {
  const HEAD = ['科室', '姓名', '市平台公需课学时', '专业课（上半年）', '专业课（下半年）', '专业课学时'];
  const rows: Scalar[][] = [HEAD, ['内科', '张三', 30, 20, 40, 60], ['', '李四', 30, 10, 20, 30], ['外科', '王五', 30, 30, 30, 60]];

  it('the hidden half-year columns are not read, the merged 科室 belongs to both rows; three syncs however wide the sheet', async () => {
    const model = new WorkbookModel();
    const sheet = roster(model, '花名册', rows);
    sheet.hiddenColumns.add(3);
    sheet.hiddenColumns.add(4);
    sheet.merged.push({ row: 1, col: 0, rows: 2, cols: 1 });
    sheet.set(0, 40, '备忘');
    let sent: RosterRowInput[] = [];
    model.resetStats();
    const frame = await createExcel(model).run((context) => frameSheet(context));
    expect(model.stats.syncs).toBe(3);
    expect(frame.hiddenColumns).toEqual([3, 4]);
    expect(frame.frozen).toBe(false);
    const out = await runCompute({ evaluator: local((r) => void (sent = r)), asOf: AS_OF, sendPersonalData: true, acceptUnknown: ['备忘'] }, createExcel(model).run);
    expect(out.kind).toBe('done');
    expect(sent.map((r) => [r.name, r.department, r.platformProfessionalHours])).toEqual([['张三', '内科', 60], ['李四', '内科', 30], ['王五', '外科', 60]]);
    expect(out.kind === 'done' && out.notes).toContain('D 列“专业课（上半年）”已隐藏，不读取：“市平台专业课学时”读可见的 F 列。');
    // no freeze before: the header row is frozen
    expect([sheet.frozenRows, sheet.frozenColumns]).toEqual([1, 0]);
  });

  it('an Excel that cannot say what is merged (below ExcelApi 1.13): the notes say people have no department', async () => {
    vi.stubGlobal('Office', { context: { requirements: { isSetSupported: (_set: string, v: string) => Number(v.split('.')[1]) < 13 } } });
    try {
      const model = new WorkbookModel();
      const sheet = roster(model, '花名册', rows.map((r) => [r[0], r[1], r[2], r[5]]));
      sheet.merged.push({ row: 1, col: 0, rows: 2, cols: 1 });
      let sent: RosterRowInput[] = [];
      const out = await runCompute({ evaluator: local((r) => void (sent = r)), asOf: AS_OF, sendPersonalData: true }, createExcel(model).run);
      expect(out.kind).toBe('done');
      expect(sent.map((r) => r.department ?? null)).toEqual(['内科', null, '外科']);
      expect(out.kind === 'done' && out.notes.join('\n')).toContain('此版本 Excel 读不出合并单元格：有 1 人的单位或部门为空');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('a freeze the clerk set (rows and columns) is kept as it is', async () => {
    const model = new WorkbookModel();
    const sheet = roster(model, '花名册', rows);
    sheet.frozenRows = 1;
    sheet.frozenColumns = 2;
    sheet.hiddenColumns.add(3);
    sheet.hiddenColumns.add(4);
    expect((await runCompute({ evaluator: local(), asOf: AS_OF }, createExcel(model).run)).kind).toBe('done');
    expect([sheet.frozenRows, sheet.frozenColumns]).toEqual([1, 2]);
    // 说明 and 封顶提示 wrap, top-aligned
    const note = 6 + OUTPUT_HEADERS.indexOf('说明');
    expect(sheet.cellStyles[`1,${note}`]).toMatchObject({ wrap: true, vertical: 'Top' });
  });
});
