// 附件2 申报表: the checks made while filling (8 h a day, 24 / 30 a year, the 5月26日 filing date) with numbers from
// the rule set, and the form's cells, merges, borders and A4 page setup.
import { describe, expect, it } from 'vitest';
import { getRuleSet, type Parameter } from '../../shared/index';
import { getDuties } from '../../shared/rulesets/duties';
import { checkFilingForm, type FilingInput } from '../../addin/forms/filing-form';
import { FILING_PRINT_AREA, SEAL_TEXT, buildFilingLayout, filingSheetName } from '../../addin/forms/filing-layout';

const ruleSet = getRuleSet();
const duties = getDuties();
const P = ruleSet.parameters as Record<string, Parameter<number>>;
const DEADLINE = duties.trainingPlanFiling.deadline.value;

const base: Partial<FilingInput> = {
  unit: '枣庄市立医院',
  address: '市中区振兴路',
  projectName: '2023年急危重症护理专业培训班',
  leader: '张主任',
  contact: '李老师',
  phone: '0632-3314140',
  advancedSeminar: '否',
  plan: '第一天：理论授课；第二天：技能操作；第三天：考核。',
  audience: '全市护理专业技术人员',
  headcount: '120',
  period: '2023年6月12日至14日',
  days: '3',
  hours: '24',
  placeAndForm: '市立医院学术报告厅，线下集中培训',
  filedOn: '2023-05-20',
};
const check = (over: Partial<FilingInput>) => checkFilingForm({ ...base, ...over }, ruleSet, duties, '2023-05-01');

describe('附件2 checks while filling', () => {
  it('a complete form within every limit: no error, and it says what a participant is credited', () => {
    const r = check({});
    expect(r.checks.filter((c) => c.level !== 'info')).toEqual([]);
    expect(r.creditable).toBe(Math.min(24, P.trainingHoursPerDay.value * 3, P.trainingYearCap.value));
    expect(r.form).toMatchObject({ days: 3, hours: 24, headcount: 120, advancedSeminar: false, filedOn: '2023-05-20' });
    expect(r.checks.map((c) => c.message).join()).toContain(`参训人员按本项目可认定 24 学时（培训进修每人每年累计不超过 ${P.trainingYearCap.value} 学时）`);
  });

  it('拟计算学时 above 8 × 培训天数 is an error citing 附件1第1条, and nothing is made', () => {
    const r = check({ days: '2', hours: '20' });
    const limit = P.trainingHoursPerDay.value * 2;
    expect(r.form).toBeNull();
    expect(r.checks).toContainEqual({ field: 'hours', level: 'error', message: `拟计算学时 20 超过每天 ${P.trainingHoursPerDay.value} 学时的上限：2 天最多 ${limit} 学时`, clause: '附件1第1条' });
    expect(r.creditable).toBe(limit);
  });

  it('ordinary training above the 24-hour year cap: a warning with what is actually credited', () => {
    const r = check({ days: '5', hours: '40' });
    expect(r.form).not.toBeNull();
    expect(r.creditable).toBe(P.trainingYearCap.value);
    expect(r.checks).toContainEqual(expect.objectContaining({ level: 'warning', clause: P.trainingYearCap.clause, message: `培训进修每人每年累计最多认定 ${P.trainingYearCap.value} 学时：参训人员按本项目实际只能认定 ${P.trainingYearCap.value} 学时（拟计算 40 学时）` }));
  });

  it('a 市级高级研修班 is capped at 30 a year', () => {
    const r = check({ advancedSeminar: '是', days: '5', hours: '40' });
    expect(r.creditable).toBe(P.seminarYearCap.value);
    expect(r.checks.some((c) => c.level === 'warning' && c.message.startsWith(`市级高级研修班每人每年累计最多认定 ${P.seminarYearCap.value} 学时`))).toBe(true);
    const within = check({ advancedSeminar: 'Y', days: '４天', hours: '30学时' });
    expect(within.creditable).toBe(30);
    expect(within.checks.filter((c) => c.level === 'warning')).toEqual([]);
  });

  it(`a filing date after ${DEADLINE} warns that 市直单位 must file by then (正文七); blank = today`, () => {
    const late = check({ filedOn: '2023-06-01' });
    expect(late.form).not.toBeNull();
    expect(late.checks).toContainEqual(expect.objectContaining({ field: 'filedOn', level: 'warning', clause: '正文七' }));
    const msg = late.checks.find((c) => c.field === 'filedOn')?.message ?? '';
    expect(msg).toContain('5月26日');
    expect(msg).toContain('市直单位');
    expect(msg).toContain('未备案的培训不认定学时');
    expect(check({ filedOn: DEADLINE }).checks.some((c) => c.field === 'filedOn')).toBe(false);
    const today = checkFilingForm({ ...base, filedOn: '' }, ruleSet, duties, '2023-07-01');
    expect(today.form?.filedOn).toBe('2023-07-01');
    expect(today.checks.some((c) => c.field === 'filedOn' && c.level === 'warning')).toBe(true);
  });

  it('bad input: Chinese errors naming the field', () => {
    const r = check({ unit: ' ', days: '三天', hours: '-4', advancedSeminar: '也许', headcount: '12.5', filedOn: '2023/13/01', projectName: 'x'.repeat(101) });
    expect(r.form).toBeNull();
    const msgs = r.checks.filter((c) => c.level === 'error').map((c) => c.message);
    expect(msgs).toEqual(
      expect.arrayContaining([
        '请填写“申报单位”',
        '“申请培训项目名称”最多 100 个字（现在 101 个）',
        '“培训天数”应为数字（现在是“三天”）',
        '“拟计算学时”应大于 0',
        '“是否申请为市级高级研修班”请填“是”或“否”',
        '“计划培训人数”应为整数',
        '“填报日期”应为 YYYY-MM-DD 格式的日期，或留空表示今天',
      ]),
    );
  });
});

describe('附件2 sheet layout', () => {
  const r = check({});
  const layout = buildFilingLayout(r.form!, r.checks, duties);
  const cell = (a: string) => layout.blocks.find((b) => b.address === a)?.values[0][0];

  it('reproduces the form: every field of 附件2 at its place, the title and note from the rule set', () => {
    expect(cell('A1')).toBe('附件2');
    expect(cell('A2')).toBe(duties.trainingPlanFiling.formTitle);
    const pairs: [string, string, string | number][] = [
      ['A3', 'B3', base.unit!], ['D3', 'E3', base.address!], ['A4', 'B4', base.projectName!],
      ['A5', 'B5', base.leader!], ['C5', 'D5', base.contact!], ['E5', 'F5', base.phone!],
      ['A6', 'B6', '否'], ['A7', 'B7', base.plan!], ['A8', 'B8', base.audience!], ['E8', 'F8', 120],
      ['A9', 'B9', base.period!], ['C9', 'D9', 3], ['E9', 'F9', 24], ['A10', 'B10', base.placeAndForm!],
      ['A11', 'B11', SEAL_TEXT], ['A12', 'B12', SEAL_TEXT],
    ];
    const labels = ['申报单位', '地址', '申请培训项目名称', '负责人', '联系人', '联系电话', '是否申请为市级高级研修班', '培训计划', '计划培训对象', '计划培训人数', '计划培训时间', '培训天数', '拟计算学时', '培训地点及培训形式', '申报单位意见', '人社部门审核意见'];
    expect(pairs.map(([l]) => cell(l))).toEqual(labels);
    expect(pairs.map(([, v]) => cell(v))).toEqual(pairs.map(([, , want]) => want));
    expect(cell('A13')).toBe(duties.trainingPlanFiling.note);
    expect(layout.blocks.find((b) => b.address === 'F5')?.numberFormat).toEqual([['@']]); // a phone number stays text
  });

  it('merges, borders, A4 portrait, print area = the form, fitted to one page; checks below the print area', () => {
    expect(layout.merges).toEqual(expect.arrayContaining(['A2:F2', 'B3:C3', 'E3:F3', 'B4:F4', 'B6:F6', 'B7:F7', 'B8:D8', 'B10:F10', 'B11:F11', 'B12:F12', 'A13:F13']));
    expect(layout.borders).toEqual(['A3:F12']);
    expect(layout.page).toEqual({
      paperSize: 'A4', orientation: 'Portrait', printArea: 'A1:F13', fitToPages: { wide: 1, tall: 1 },
      margins: { top: 0.75, bottom: 0.75, left: 0.7, right: 0.7 }, centerHorizontally: true,
    });
    expect(FILING_PRINT_AREA).toBe('A1:F13');
    expect(cell('A15')).toContain('不在打印区域内');
    expect(layout.sheetName).toBe(filingSheetName(base.projectName!, duties));
    expect(layout.sheetName).toBe(`附件2-${base.projectName!}`);
  });

  it('sheet names are valid Excel names', () => {
    const name = filingSheetName('护理/急救[培训]:*?一期培训项目名称很长很长很长很长很长很长很长很长', duties);
    expect(name.startsWith('附件2-护理急救培训一期')).toBe(true);
    expect(name).not.toMatch(/[:\\/?*[\]]/);
    expect(Array.from(name)).toHaveLength(31);
    expect(Array.from(filingSheetName('x'.repeat(60), duties))).toHaveLength(31);
  });

  it('the form’s label (A1 and the sheet name) is the rule set’s: another notice’s 附件3 is data only', () => {
    const other = { ...duties, trainingPlanFiling: { ...duties.trainingPlanFiling, clause: '附件3' } };
    const made = buildFilingLayout(r.form!, r.checks, other);
    expect(made.blocks.find((b) => b.address === 'A1')?.values[0][0]).toBe('附件3');
    expect(made.sheetName).toBe(`附件3-${base.projectName!}`);
  });
});

describe('附件2 from a row of a 培训项目 table', () => {
  it('maps headers to the form’s fields (labels and common names, spaces and brackets tolerated)', async () => {
    const { filingInputFromRow } = await import('../../addin/forms/filing-form');
    const { excelSerial } = await import('../../addin/template/sample-roster');
    const headers = ['序号', ' 项目名称 ', '单位', '培训天数（天）', '拟计算学时', '是否市级高级研修班', '培训时间', '填报日期', '备注', 42];
    const cells = [1, '院感防控专题培训', '枣庄市立医院', 2, 16, '否', '2023年7月3日至4日', excelSerial('2023-05-22'), '线上', 'x'];
    const r = filingInputFromRow(headers, cells);
    expect(r.input).toEqual({ projectName: '院感防控专题培训', unit: '枣庄市立医院', days: '2', hours: '16', advancedSeminar: '否', period: '2023年7月3日至4日', filedOn: '2023-05-22' });
    expect(r.ignored).toEqual(['序号', '备注']);
    const checked = checkFilingForm(r.input, ruleSet, duties, '2023-05-01');
    expect(checked.form).toMatchObject({ projectName: '院感防控专题培训', days: 2, hours: 16, filedOn: '2023-05-22' });
  });
});
