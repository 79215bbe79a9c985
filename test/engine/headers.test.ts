import { describe, expect, it } from 'vitest';
import { HEADERS, OUTPUT_HEADERS, ROSTER_KEYS, evaluate, formatRowOutput, mapHeaders, rowFromCells } from '../../shared/index';
import { one } from './helpers';

describe('HEADERS (RULES.md §2)', () => {
  it('lists every roster key once, in template order', () => {
    expect(HEADERS.map((h) => h.key)).toEqual([...ROSTER_KEYS]);
  });
  it('has the Chinese headers of RULES.md §2', () => {
    expect(HEADERS.map((h) => h.zh)).toEqual([
      '姓名', '身份证号', '单位', '部门', '市平台公需课学时', '市平台专业课学时', '培训进修学时', '培训进修天数',
      '高级研修班学时', '高级研修班天数', '培训已备案', '自考及学历教育学时', '资格证书数', '代表性成果数', '专家活动天数',
      '专家活动学时', '援派月数', '竞赛项数', '特殊情况', '不在岗月数', '调入公需课学时', '调入专业课学时', '证明材料齐全',
      '申报职称', '职称材料提交日期',
    ]);
  });
  it('every column has a Chinese rule sentence; only 姓名 is required', () => {
    for (const h of HEADERS) expect(h.rule).toMatch(/[\u4e00-\u9fff]/);
    expect(HEADERS.filter((h) => h.required).map((h) => h.key)).toEqual(['name']);
    expect(HEADERS.find((h) => h.key === 'trainingHours')?.rule).toContain('24学时');
  });
  it('kinds', () => {
    const kind = Object.fromEntries(HEADERS.map((h) => [h.key, h.kind]));
    expect(kind).toMatchObject({
      name: 'text', platformPublicHours: 'hours', trainingDays: 'days', certificates: 'count', aidMonths: 'months',
      trainingFiled: 'yesno', specialCase: 'case', titleSubmissionDate: 'date',
    });
  });
});

describe('mapHeaders', () => {
  it('maps the template headers to keys', () => {
    const m = mapHeaders(HEADERS.map((h) => h.zh));
    expect(m.columns).toEqual([...ROSTER_KEYS]);
    expect(m).toMatchObject({ unknown: [], missing: [], missingRequired: [], duplicates: [], outputColumns: [] });
  });

  it('tolerates spaces, bracket widths, 科目 for 课, real-roster spellings and the JSON key, in any order', () => {
    const m = mapHeaders([
      ' 身份证号码 ', '工作单位', '科室', '市平台公需科目学时', '专业科目学时', '是否申报职称', '证明材料', '培训进修学时（学时）',
      '培训进修天数(天)', 'seminarHours', 'NAME', '调入专业科目学时', '不在岗月数【月】',
    ]);
    expect(m.columns).toEqual([
      'idNumber', 'unit', 'department', 'platformPublicHours', 'platformProfessionalHours', 'titleApplicant', 'evidenceComplete',
      'trainingHours', 'trainingDays', 'seminarHours', 'name', 'transferProfessionalHours', 'absentMonths',
    ]);
    expect(m.unknown).toEqual([]);
    expect(m.missingRequired).toEqual([]);
  });

  it('lists unknown headers, missing keys, duplicates and output columns; skips blank headers', () => {
    const m = mapHeaders(['姓名', '备注', null, '', '单位', '工作单位', '总学时', '状态', 42]);
    expect(m.columns).toEqual(['name', null, null, null, 'unit', null, null, null, null]);
    expect(m.unknown).toEqual([{ index: 1, header: '备注' }, { index: 8, header: '42' }]);
    expect(m.duplicates).toEqual([{ key: 'unit', indexes: [4, 5] }]);
    expect(m.outputColumns).toEqual([{ index: 6, header: '总学时' }, { index: 7, header: '状态' }]);
    expect(m.missing).toContain('platformPublicHours');
    expect(m.missing).not.toContain('name');
    expect(m.missingRequired).toEqual([]);
    expect(mapHeaders(['单位']).missingRequired).toEqual(['name']);
  });
});

describe('rowFromCells', () => {
  it('builds a row from mapped columns', () => {
    const { columns } = mapHeaders(['单位', '姓名', '备注', '市平台公需课学时']);
    expect(rowFromCells(['医院', '张三', 'x', 30], columns)).toEqual({ unit: '医院', name: '张三', platformPublicHours: 30 });
  });
  it('defaults to the template order', () => {
    expect(rowFromCells(['张三', null, '医院'])).toEqual({ name: '张三', idNumber: null, unit: '医院' });
  });
});

describe('formatRowOutput', () => {
  it('has one cell per OUTPUT_HEADERS', () => {
    expect(OUTPUT_HEADERS).toEqual(['公需课认定学时', '专业课认定学时', '总学时', '公需课缺口', '专业课缺口', '完成期限', '状态', '封顶提示', '说明']);
  });
  it('a capped, short row: numbers, deadline text, cap messages and an explanation', () => {
    const r = one({ platformPublicHours: 30, platformProfessionalHours: 30, trainingHours: 30, trainingDays: 4 });
    const cells = formatRowOutput(r);
    expect(cells.slice(0, 7)).toEqual([30, 54, 84, 0, 6, '2023-12-31', '未达标']);
    expect(cells[7]).toBe('培训进修学时超过24学时上限，6学时未计入（附件1第1条）');
    expect(cells[8]).toContain('培训进修');
    expect(cells[8]).toContain('附件1第1条');
  });
  it('rounds to 2 decimals only when shown', () => {
    const r = one({ platformPublicHours: 10.125, platformProfessionalHours: 1 / 3 });
    expect(formatRowOutput(r).slice(0, 5)).toEqual([10.13, 0.33, 10.46, 19.88, 59.67]);
  });
  it('an error row: no hours, the errors in 说明', () => {
    const cells = formatRowOutput(one({ platformPublicHours: -3 }));
    expect(cells.slice(0, 5)).toEqual(['', '', '', '', '']);
    expect(cells[6]).toBe('数据有误');
    expect(cells[8]).toContain('市平台公需课学时：不能为负数（-3）');
  });
  it('a 待补材料 row says what to do; a blank row is empty', () => {
    const cells = formatRowOutput(one({ platformPublicHours: 30, platformProfessionalHours: 40, competitions: 2, evidenceComplete: '否' }));
    expect(cells[6]).toBe('待补材料');
    expect(String(cells[8])).toContain('证明材料');
    expect(formatRowOutput(evaluate([{}]).results[0])).toEqual(['', '', '', '', '', '', '', '', '']);
  });
});
