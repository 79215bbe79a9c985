// The shapes of real rosters (issue 19): merged 单位 / 部门 cells, rows that are no one (repeated headers, subtotals as
// clerks write them, export footers), hidden duplicate columns, a roster without 证明材料齐全 — on literal grids.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/index';
import { planNotes, planRoster, rowsToSend, type GridValue, type RosterPlan } from '../../../shared/roster';
import { area, grid } from './grid';

const sent = (p: RosterPlan): Record<string, unknown>[] => rowsToSend(p) as Record<string, unknown>[];
const excludedRows = (p: RosterPlan): [number, string][] => p.excluded.map((e) => [e.sheetRow + 1, e.reason]);

describe('merged 单位 / 部门 cells', () => {
  const HEAD = ['序号', '单位', '部门', '姓名', '公需科目学时', '专业科目学时'];
  // rows 2–4 one unit and department merged; row 5 blank; rows 6–7 another department whose unit cell is empty
  const rows: GridValue[][] = [
    HEAD,
    [1, '第八中学', '语文组', '陶华勇', 30, 60],
    [2, null, null, '夏海轩', 30, 90],
    [3, null, null, '钱梅娜', 24, 20],
    [],
    [4, null, '数学组', '范平', 30, 90],
    [5, null, null, '秦平丽', 30, 60],
  ];

  it('the value of a merged area belongs to every row it spans; a blank cell that is not merged stays blank', () => {
    const p = planRoster(grid('Sheet1', rows, { merged: [area('B2:B4'), area('C2:C4'), area('C6:C7')] }));
    expect(p.stop).toBeNull();
    expect(sent(p).map((r) => [r.name, r.unit ?? null, r.department ?? null])).toEqual([
      ['陶华勇', '第八中学', '语文组'],
      ['夏海轩', '第八中学', '语文组'],
      ['钱梅娜', '第八中学', '语文组'],
      ['范平', null, '数学组'],
      ['秦平丽', null, '数学组'],
    ]);
    expect(p.mergedFill).toEqual([{ col: 1, header: '单位', areas: 1 }, { col: 2, header: '部门', areas: 2 }]);
    expect(planNotes(p)).toContain('C 列“部门”有 2 处上下合并的单元格：其内容算作所跨的每一行。');
    // the summary groups everyone under the unit and department the clerk means
    const groups = evaluate(rowsToSend(p)).summary.groups.map((g) => [g.unit, g.department, g.headcount]);
    expect(groups).toEqual(expect.arrayContaining([['第八中学', '语文组', 3], ['（未填）', '数学组', 2]]));
  });

  it('without the merges nothing fills down: only the first person of a block has the unit', () => {
    const p = planRoster(grid('Sheet1', rows));
    expect(sent(p).map((r) => r.unit ?? null)).toEqual(['第八中学', null, null, null, null]);
    expect(p.mergedFill).toEqual([]);
  });

  it('when the host cannot say what is merged, the card says how many people have no unit or department', () => {
    const p = planRoster(grid('Sheet1', rows, { mergedUnread: true }));
    expect(p.mergedUnread).toBe(4);
    expect(planNotes(p).join('\n')).toContain('此版本 Excel 读不出合并单元格：有 4 人的单位或部门为空');
    expect(planRoster(grid('Sheet1', rows)).mergedUnread).toBe(0);
    const complete = planRoster(grid('Sheet1', [HEAD, [1, '第八中学', '语文组', '陶华勇', 30, 60]], { mergedUnread: true }));
    expect(planNotes(complete).join('\n')).not.toContain('读不出合并单元格');
    const noGroups = planRoster(grid('Sheet1', [['姓名', '公需科目学时'], ['陶华勇', 30]], { mergedUnread: true }));
    expect(noGroups.mergedUnread).toBe(0);
  });

  it('a merged 科室 reaching over an empty row does not make that row a person', () => {
    const p = planRoster(grid('Sheet1', [HEAD, [1, null, '儿科', '曾敏华', 30, 40], [], [2, null, null, '付梅平', 30, 60]], { merged: [area('C2:C4')] }));
    expect(sent(p).map((r) => [r.name, r.department])).toEqual([['曾敏华', '儿科'], ['付梅平', '儿科']]);
    expect(p.rows.filter((r) => r.input === null).map((r) => r.sheetRow + 1)).toEqual([3]);
  });

  it('a merge above the data (a two-row header cell) fills nothing into the first person', () => {
    const g = grid('Sheet1', [['科室', '姓名', '市平台学时', null], [null, null, '公需课', '专业课'], [null, '张三', 30, 60]], {
      merged: [area('A1:A2'), area('B1:B2'), area('C1:D1')],
    });
    const p = planRoster(g);
    expect(p.headerRows).toEqual([0, 1]);
    expect(sent(p)).toEqual([{ name: '张三', department: null, platformPublicHours: 30, platformProfessionalHours: 60 }]);
  });
});

describe('rows that are no one', () => {
  const HEAD = ['序号', '科室', '姓名', '身份证号', '市平台公需课学时', '市平台专业课学时', '备注'];
  const person = (n: number, name: string): GridValue[] => [n, null, name, null, 30, 60, null];

  it('subtotals as clerks write them: 儿科小计 / 本科室合计 in 科室, 小  计 and 小计： as the name, 小计 in 序号, 总计 | 共17人', () => {
    const g = grid('花名册', [
      ['2023年继续教育学时花名册'],
      HEAD,
      [1, '儿科', '曾敏华', null, 30, 40],
      [null, '儿科小计', null, null, 30, 40],
      [2, '妇产科', '曹杰', null, 30, 28],
      [null, null, '小  计', null, 30, 28],
      [3, '急诊科', '彭涛', null, 30, 90],
      [null, null, '小计：', null, 30, 90],
      [4, '放射科', '尹文丽', null, 36, 20],
      ['小计', null, null, null, 36, 20],
      [5, '药剂科', '贾梅', null, 36, 28],
      [null, '本科室合计', null, null, 36, 28],
      ['总计', null, '共17人', null, 492],
      ['注：学时数据截至2023年12月15日。'],
      ['填表人：刘敏　　审核：张院长'],
      ['2023年12月18日'],
    ], { merged: [area('A1:G1'), area('A14:G14'), area('A15:G15'), area('A16:G16')] });
    const p = planRoster(g);
    expect(p.stop).toBeNull();
    expect(sent(p).map((r) => r.name)).toEqual(['曾敏华', '曹杰', '彭涛', '尹文丽', '贾梅']);
    expect(excludedRows(p)).toEqual([[4, 'total'], [6, 'total'], [8, 'total'], [10, 'total'], [12, 'total'], [13, 'total'], [14, 'footer']]);
    expect(p.excluded.map((e) => e.text).slice(0, 6)).toEqual(['儿科小计', '小  计', '小计：', '小计', '本科室合计', '共17人']);
    expect(planNotes(p).join('')).toContain('第 4 行（儿科小计）、第 6 行（小  计）、第 8 行（小计：）、第 10 行（小计）、第 12 行（本科室合计）等 6 行是合计行');
  });

  it('a total word at the end of a cell counts only in a grouping or numbering column, and only when the name is blank', () => {
    const g = grid('花名册', [
      HEAD,
      person(1, '张三'),
      [null, null, null, null, 30, 60, '合并小计'],
      [2, '儿科小计', '李四', null, 30, 60],
    ]);
    const p = planRoster(g);
    // 备注 is neither a grouping nor a numbering column: a row with no name there is a person without a name (an error
    // the clerk sees); a named person in a 科室 written …小计 is a person
    expect(rowsToSend(p).map((r) => r.name ?? null)).toEqual(['张三', null, '李四']);
    expect(evaluate(rowsToSend(p)).results[1].errors.map((e) => e.code)).toEqual(['NAME_MISSING']);
  });

  it('a header repeated for printing (one row, and two rows under a merged group) is no one', () => {
    const one = planRoster(grid('花名册', [HEAD, person(1, '张三'), HEAD, person(2, '李四'), [' 序 号', null, '姓 名', '身份证号']]));
    expect(sent(one).map((r) => r.name)).toEqual(['张三', '李四']);
    expect(excludedRows(one)).toEqual([[3, 'header'], [5, 'header']]);
    expect(planNotes(one)).toContain('第 3 行（姓名）、第 5 行（姓 名）是重复的表头，不是人员，不计算。');

    const two = planRoster(grid('花名册', [
      ['姓名', '科室', '市平台学时', null, '培训进修', null],
      [null, null, '公需课', '专业课', '学时', '天数'],
      ['张三', '内科', 30, 60, 16, 2],
      ['姓名', '科室', '市平台学时', null, '培训进修', null],
      [null, null, '公需课', '专业课', '学时', '天数'],
      ['李四', '外科', 30, 60, null, null],
    ], { merged: [area('A1:A2'), area('B1:B2'), area('C1:D1'), area('E1:F1'), area('A4:A5'), area('B4:B5'), area('C4:D4'), area('E4:F4')] }));
    expect(two.headerRows).toEqual([0, 1]);
    expect(sent(two).map((r) => r.name)).toEqual(['张三', '李四']);
    expect(excludedRows(two)).toEqual([[4, 'header'], [5, 'header']]);
  });

  it('a person whose only matching cell is the name is still read when the other cells are data', () => {
    const p = planRoster(grid('花名册', [HEAD, [1, '内科', '张三', null, 30, 60, '姓名已核对']]));
    expect(sent(p).map((r) => r.name)).toEqual(['张三']);
  });

  it('an export footer in the first column (导出时间：… 导出人：…) ends the table like 制表人', () => {
    const g = grid('花名册', [HEAD, person(1, '张三'), person(2, '李四'), ['导出时间：2023-12-20 10:31　导出人：admin'], [null, null, '王五', null, 30, 60]]);
    const end = planRoster({ ...g, values: g.values.slice(0, 4) });
    expect(sent(end).map((r) => r.name)).toEqual(['张三', '李四']);
    expect(excludedRows(end)).toEqual([[4, 'footer']]);
    expect(planNotes(end).find((l) => l.startsWith('从第 4 行（导出时间：'))).toMatch(/起是表尾，不再读取。$/);
    // with a person below it, the line is skipped like a 注： line and reading goes on
    const middle = planRoster(g);
    expect(sent(middle).map((r) => r.name)).toEqual(['张三', '李四', '王五']);
    expect(excludedRows(middle)).toEqual([[4, 'note']]);
  });
});

describe('hidden columns', () => {
  const HEAD = ['姓名', '公需课学时', '专业课（上半年）', '专业课（下半年）', '专业课学时'];
  const rows: GridValue[][] = [HEAD, ['张三', 30, 20, 40, 60], ['李四', 30, 10, 20, 30]];

  it('several columns for one field with exactly one visible: the visible one is read, the hidden ones are listed', () => {
    const p = planRoster(grid('花名册', rows, { hiddenColumns: [2, 3] }));
    expect(p.stop).toBeNull();
    expect(p.columns).toEqual(['name', 'platformPublicHours', null, null, 'platformProfessionalHours']);
    expect(sent(p).map((r) => r.platformProfessionalHours)).toEqual([60, 30]);
    expect(p.notRead.map((n) => [n.col, n.header, n.readCol])).toEqual([[2, '专业课（上半年）', 4], [3, '专业课（下半年）', 4]]);
    expect(p.unknown).toEqual([]);
    expect(planNotes(p)).toContain('C 列“专业课（上半年）”已隐藏，不读取：“市平台专业课学时”读可见的 E 列。');
    // never over the hidden columns
    expect(p.output?.columns.map((c) => c.col)[0]).toBe(5);
  });

  it('no single visible column: the columns are named by letter and header as typed, the hidden ones said', () => {
    const none = planRoster(grid('花名册', rows));
    expect(none.stop?.code).toBe('DUPLICATE_COLUMN');
    expect(none.stop?.message).toBe(
      '“市平台专业课学时”对应了 3 列：C 列“专业课（上半年）”、D 列“专业课（下半年）”、E 列“专业课学时”。无法确定读哪一列：请只保留一列，删除或改名其余的列。',
    );
    const oneHidden = planRoster(grid('花名册', rows, { hiddenColumns: [2] }));
    expect(oneHidden.stop?.message).toContain('C 列“专业课（上半年）”（已隐藏）、D 列“专业课（下半年）”、E 列“专业课学时”。');
    expect(oneHidden.stop?.message).toContain('隐藏的列也算在内');
    const allHidden = planRoster(grid('花名册', rows, { hiddenColumns: [2, 3, 4] }));
    expect(allHidden.stop?.code).toBe('DUPLICATE_COLUMN');
  });

  it('a hidden column that is the only one of its field is read, and said', () => {
    const p = planRoster(grid('花名册', [['姓名', '公需课学时', '培训进修学时'], ['张三', 30, 8]], { hiddenColumns: [2] }));
    expect(sent(p)).toEqual([{ name: '张三', platformPublicHours: 30, trainingHours: 8 }]);
    expect(planNotes(p)).toContain('C 列“培训进修学时”已隐藏，照样读取。');
  });
});

describe('a roster without 证明材料齐全', () => {
  it('says once how many people have hours that need evidence; none with the column or without such hours', () => {
    const head = ['姓名', '公需课学时', '专业课学时', '培训进修学时', '培训进修天数', '资格证书数'];
    const p = planRoster(grid('花名册', [head, ['张三', 30, 40, 24, 3, null], ['李四', 30, 60, 0, null, '/'], ['王五', 30, 44, null, null, 1]]));
    expect(p.evidenceUnchecked).toBe(2);
    const lines = planNotes(p).filter((l) => l.includes('证明材料齐全'));
    expect(lines).toEqual(['花名册没有“证明材料齐全”列：2 人填了需要证明材料的学时（培训进修、资格证书、代表性成果等），这些学时都按材料齐全计算，不会标为“待补材料”；请对照“审核材料清单”逐项核验。']);
    expect(planRoster(grid('花名册', [[...head, '证明材料齐全'], ['张三', 30, 40, 24, 3, null, '否']])).evidenceUnchecked).toBe(0);
    expect(planRoster(grid('花名册', [['姓名', '公需课学时', '专业课学时'], ['张三', 30, 40]])).evidenceUnchecked).toBe(0);
  });
});

describe('cost', () => {
  it('stays linear with merged 科室 cells, subtotal rows, repeated headers and long texts', () => {
    const head = ['序号', '科室', '姓名', '身份证号', '市平台公需课学时', '市平台专业课学时'];
    const make = (n: number, long: number): Parameters<typeof planRoster>[0] => {
      const values: GridValue[][] = [head];
      const merged = [];
      for (let i = 0; i < n; i++) {
        const r = values.length;
        if (i % 3 === 0) {
          values.push([null, `${'科'.repeat(long)}小计`, null, null, 30, 60]);
          values.push(head);
        } else values.push([i, i % 3 === 1 ? `科室${i}` : null, `人员${i}`, ' '.repeat(long), 30, 60]);
        if (i % 3 === 1) merged.push({ row: r, col: 1, rowCount: 2, columnCount: 1 });
      }
      return { name: 'S', origin: { row: 0, col: 0 }, values, merged };
    };
    // the best of three runs: other work on a shared machine only ever adds time
    const time = (g: Parameters<typeof planRoster>[0]): number => {
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        planRoster(g);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    time(make(2000, 10));
    const small = time(make(2000, 10));
    const big = time(make(32000, 10));
    expect(big / small).toBeLessThan(16 * 3);
    const long = time(make(2000, 5000));
    expect(long / small).toBeLessThan(50);
   }, 120_000);
});
