import { describe, expect, it } from 'vitest';
import { OUTPUT_HEADERS, evaluate } from '../../../shared/index';
import {
  NO_HOURS_COLUMN_MESSAGE,
  OUTPUT_BLOCK_MARKER,
  SWITCH_SHEET_HINT,
  headerSetKey,
  planRoster,
  rowsToSend,
  type GridValue,
  type RosterPlan,
} from '../../../shared/roster';
import { area, grid, typesWithErrors } from './grid';

const HEAD = ['序号', '姓名', '身份证号', '市平台公需课学时', '市平台专业课学时'];
const ID1 = '370402198001011234';
const ID2 = '370402199002022345';
const sentNames = (p: RosterPlan): unknown[] => rowsToSend(p).map((r) => r.name);
const excludedRows = (p: RosterPlan): [number, string][] => p.excluded.map((e) => [e.sheetRow + 1, e.reason]);

describe('header row', () => {
  it('skips a merged title row and finds the header below it', () => {
    const g = grid('花名册', [
      ['2023年度专业技术人员继续教育学时台账'],
      HEAD,
      [1, '张三', ID1, 30, 60],
      [2, '李四', ID2, 20, 40],
    ], { merged: [area('A1:E1')] });
    const p = planRoster(g);
    expect(p.stop).toBeNull();
    expect(p.headerRows).toEqual([1]);
    expect(p.columns).toEqual([null, 'name', 'idNumber', 'platformPublicHours', 'platformProfessionalHours']);
    expect(p.rows.map((r) => r.sheetRow)).toEqual([2, 3]);
    expect(sentNames(p)).toEqual(['张三', '李四']);
    expect(p.unknown).toEqual([{ col: 0, header: '序号' }]);
  });

  it('combines a two-row header: 市平台学时 over 公需课/专业课, 培训进修 over 学时/天数', () => {
    const g = grid('花名册', [
      ['姓名', '身份证号', '市平台学时', null, '培训进修', null],
      [null, null, '公需课', '专业课', '学时', '天数'],
      ['张三', ID1, 30, 60, 16, 2],
    ], { merged: [area('A1:A2'), area('B1:B2'), area('C1:D1'), area('E1:F1')] });
    const p = planRoster(g);
    expect(p.stop).toBeNull();
    expect(p.headerRows).toEqual([0, 1]);
    expect(p.columns).toEqual(['name', 'idNumber', 'platformPublicHours', 'platformProfessionalHours', 'trainingHours', 'trainingDays']);
    expect(p.headers[2]).toBe('市平台学时/公需课');
    expect(rowsToSend(p)).toEqual([
      { name: '张三', idNumber: ID1, platformPublicHours: 30, platformProfessionalHours: 60, trainingHours: 16, trainingDays: 2 },
    ]);
    expect(p.output?.headerRow).toBe(1);
    expect(p.output?.columns.map((c) => c.col)).toEqual(OUTPUT_HEADERS.map((_, i) => 6 + i));
  });

  it('a sheet of instructions (填表说明) stops with “请切换到花名册所在的工作表”', () => {
    const p = planRoster(grid('填表说明', [['填表说明'], ['1. 每人一行，姓名必填。'], ['2. 学时填数字。']]));
    expect(p.stop?.code).toBe('NO_HEADER');
    expect(p.stop?.message).toContain(SWITCH_SHEET_HINT);
    expect(p.stop?.message).toContain('填表说明');
  });

  it('an empty sheet stops', () => {
    expect(planRoster(grid('Sheet2', [[null, '']])).stop?.code).toBe('EMPTY_SHEET');
  });

  it('stops when no hours column maps, with the shared reason', () => {
    const p = planRoster(grid('花名册', [['姓名', '身份证号', '性别', '学习情况'], ['张三', ID1, '男', '30']]));
    expect(p.stop).toEqual({ code: 'NO_HOURS_COLUMN', message: NO_HOURS_COLUMN_MESSAGE });
  });

  it('lists absent optional columns in one short line', () => {
    const p = planRoster(grid('花名册', [HEAD, [1, '张三', ID1, 30, 60]]));
    expect(p.missingOptional.length).toBeGreaterThan(10);
    expect(p.missingOptionalLine).toBe(`未出现的 ${p.missingOptional.length} 个选填列按空白计算（如单位、部门、培训进修学时等）。`);
  });
});

describe('rows that are not people', () => {
  it('合计 in 序号 with a blank name, 小计 in the name, 制表人 footer block: excluded, reading stops at the footer', () => {
    const g = grid('花名册', [
      HEAD,
      [1, '张三', ID1, 30, 60],
      ['小计', null, null, 30, 60],
      [2, '李四', ID2, 20, 40],
      ['合计', '', null, 50, 100],
      [null, '合 计：', null, 50, 100],
      ['制表人：王小红', null, '审核人：李四'],
      [null, null, '日期：2024-01-05', 3],
    ]);
    const p = planRoster(g);
    expect(p.stop).toBeNull();
    expect(sentNames(p)).toEqual(['张三', '李四']);
    expect(excludedRows(p)).toEqual([[3, 'total'], [5, 'total'], [6, 'total'], [7, 'footer']]);
    expect(p.rows.map((r) => r.sheetRow + 1)).toEqual([2, 3, 4, 5, 6]);
  });

  it('a 合计 under a name with hours is a person named 合计? no: the name itself is a total word', () => {
    const p = planRoster(grid('花名册', [HEAD, [1, '张三', ID1, 30, 60], [null, '合计', null, 30, 60]]));
    expect(sentNames(p)).toEqual(['张三']);
    expect(excludedRows(p)).toEqual([[3, 'total']]);
  });

  it('a footer of several lines (日期：… under the name column) is one footer block', () => {
    const p = planRoster(grid('花名册', [HEAD, [1, '张三', ID1, 30, 60], ['制表人：王小红', null, '审核人：李四'], [null, '日期：2024年1月5日']]));
    expect(sentNames(p)).toEqual(['张三']);
    expect(excludedRows(p)).toEqual([[3, 'footer']]);
  });

  it('a note line with people below it is skipped and reading goes on', () => {
    const g = grid('花名册', [HEAD, [1, '张三', ID1, 30, 60], ['注：以下为退休返聘人员'], [2, '李四', ID2, 20, 40], ['注：学时以市平台为准']]);
    const p = planRoster(g);
    expect(sentNames(p)).toEqual(['张三', '李四']);
    expect(excludedRows(p)).toEqual([[3, 'note'], [5, 'footer']]);
  });

  it('a person whose 备注 says 说明：… is still a person', () => {
    const p = planRoster(grid('花名册', [[...HEAD, '备注'], [1, '张三', ID1, 30, 60, '说明：已调出']]));
    expect(sentNames(p)).toEqual(['张三']);
    expect(p.excluded).toEqual([]);
  });
});

describe('output block', () => {
  it('a clerk’s own 状态 and 总学时 columns are input: the block goes right of them and they are reported', () => {
    const g = grid('花名册', [[...HEAD, '状态', '总学时'], [1, '张三', ID1, 30, 60, '在职', 90]]);
    const p = planRoster(g);
    expect(p.lookalikes).toEqual([{ col: 5, header: '状态' }, { col: 6, header: '总学时' }]);
    expect(p.output?.origin).toBe('new');
    expect(p.output?.columns.map((c) => c.col)).toEqual(OUTPUT_HEADERS.map((_, i) => 7 + i));
    expect(p.output?.columns.every((c) => !c.exists)).toBe(true);
  });

  it('the remembered block is reused, and the headers of a second run are the same set', () => {
    const first = planRoster(grid('花名册', [[...HEAD, '状态'], [1, '张三', ID1, 30, 60, '在职']]));
    const cols = first.output!.remember.columns;
    const after: GridValue[][] = [[...HEAD, '状态', ...OUTPUT_HEADERS], [1, '张三', ID1, 30, 60, '在职', 30, 60, 90, 0, 0, '2023-12-31', '达标', '', '']];
    const second = planRoster(grid('花名册', after, { remembered: first.output!.remember }));
    expect(second.output?.origin).toBe('remembered');
    expect(second.output?.columns.map((c) => c.col)).toEqual(cols);
    expect(second.lookalikes).toEqual([{ col: 5, header: '状态' }]);
    expect(second.unknown).toEqual([{ col: 0, header: '序号' }]);
    expect(rowsToSend(second)).toEqual(rowsToSend(first));
    expect(headerSetKey(second)).toBe(headerSetKey(first));
  });

  it('a remembered block whose headers were overwritten is not reused', () => {
    const after: GridValue[][] = [[...HEAD, ...OUTPUT_HEADERS.map((h, i) => (i === 6 ? '在职状态' : h))]];
    after.push([1, '张三', ID1, 30, 60]);
    const remember = { headerRow: 0, columns: OUTPUT_HEADERS.map((_, i) => 5 + i), marker: OUTPUT_BLOCK_MARKER };
    const p = planRoster(grid('花名册', after, { remembered: remember }));
    expect(p.output?.origin).toBe('new');
    expect(Math.min(...p.output!.columns.map((c) => c.col))).toBe(5 + OUTPUT_HEADERS.length);
  });

  it('an earlier version’s block (all 9 headers in order, at the right) is reused without a memory', () => {
    const p = planRoster(grid('花名册', [[...HEAD, ...OUTPUT_HEADERS], [1, '张三', ID1, 30, 60]]));
    expect(p.output?.origin).toBe('previous');
    expect(p.output?.columns.map((c) => c.col)).toEqual(OUTPUT_HEADERS.map((_, i) => 5 + i));
    expect(p.lookalikes).toEqual([]);
  });

  it('a table with a total row: a run from outside and from inside give the same columns and rows', () => {
    const rows: GridValue[][] = [
      ['单位：第一医院'],
      [],
      HEAD,
      [1, '张三', ID1, 30, 60],
      [2, '李四', ID2, 20, 40],
      ['汇总', null, null, 50, 100],
      [],
      [null, null, '备忘', null, null, null, null, 'x'],
    ];
    const tables = [{ name: '表1', area: area('A3:E6'), showHeaders: true, showTotals: true }];
    const inside = planRoster(grid('花名册', rows, { tables, selection: area('B4') }));
    const outside = planRoster(grid('花名册', rows, { tables, selection: area('H8') }));
    for (const p of [inside, outside]) {
      expect(p.stop).toBeNull();
      expect(p.table).toBe('表1');
      expect(p.headerRows).toEqual([2]);
      expect(sentNames(p)).toEqual(['张三', '李四']);
      expect(excludedRows(p)).toEqual([[6, 'tableTotal']]);
      expect(p.output?.columns.map((c) => c.col)).toEqual(OUTPUT_HEADERS.map((_, i) => 5 + i));
    }
  });
});

describe('cells', () => {
  it('error cells are read by their value type; an ID stored as a number stays a number', () => {
    const base = grid('花名册', [HEAD, [1, '张三', 370402198001011200, '#N/A', 60], [2, '#REF!', ID2, 0, 40]]);
    base.values[2][3] = 0;
    const g = { ...base, valueTypes: typesWithErrors(base, [[1, 3], [2, 1], [2, 3]]) };
    const rows = rowsToSend(planRoster(g));
    expect(rows[0]).toMatchObject({ idNumber: 370402198001011200, platformPublicHours: '#N/A' });
    expect(rows[1]).toMatchObject({ name: '#REF!', platformPublicHours: '#VALUE!' });
  });

  it('hidden or filtered rows are computed and counted', () => {
    const p = planRoster(grid('花名册', [HEAD, [1, '张三', ID1, 30, 60], [2, '李四', ID2, 20, 40], ['合计', null, null, 50, 100]], { hiddenRows: [2, 3] }));
    expect(sentNames(p)).toEqual(['张三', '李四']);
    expect(p.hiddenCount).toBe(1);
  });

  it('evaluated rows agree with the engine on the same cells', () => {
    const p = planRoster(grid('花名册', [HEAD, [1, '张三', ID1, 30, 60], [2, '李四', ID2, 20, 40]]));
    const r = evaluate(rowsToSend(p)).results;
    expect(r.map((x) => x.status)).toEqual(evaluate([{ name: '张三', idNumber: ID1, platformPublicHours: 30, platformProfessionalHours: 60 }, { name: '李四', idNumber: ID2, platformPublicHours: 20, platformProfessionalHours: 40 }]).results.map((x) => x.status));
  });
});
