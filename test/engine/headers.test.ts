import { describe, expect, it } from 'vitest';
import {
  HEADERS,
  HEADER_ALIASES,
  creditKeysOf,
  OUTPUT_HEADERS,
  evaluate,
  formatRowOutput,
  getRuleSet,
  keyForHeader,
  mapHeaders,
  normalizeHeader,
  outputHeaderOf,
  rowFromCells,
} from '../../shared/index';
import { fmt, round2 } from '../../shared/format';
import { one } from './helpers';

/** zaozhuang-2023's columns (orders.columns). */
const ROSTER_KEYS = getRuleSet().orders.columns;

describe('HEADERS (docs/rules.md §2)', () => {
  it('lists every roster key once, in template order', () => {
    expect(HEADERS.map((h) => h.key)).toEqual([...ROSTER_KEYS]);
  });
  it('has the Chinese headers of docs/rules.md §2', () => {
    expect(HEADERS.map((h) => h.zh)).toEqual([
      '姓名', '身份证号', '单位', '部门', '市平台公需课学时', '市平台专业课学时', '培训进修学时', '培训进修天数',
      '高级研修班学时', '高级研修班天数', '培训已备案', '自考及学历教育学时', '资格证书数', '代表性成果数', '专家活动天数',
      '专家活动学时', '援派月数', '竞赛项数', '特殊情况', '不在岗月数', '调入公需课学时', '调入专业课学时', '证明材料齐全',
      '申报职称', '职称材料提交日期', '专业课按行业规定',
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

  it('names the columns that credit hours; a roster without one has none (the caller stops)', () => {
    // days alone credit nothing (the hours are claimed in 培训进修学时)
    expect(mapHeaders(['姓名', '公需课（学时）', '单位', '培训进修 天数', '竞赛项数']).creditColumns).toEqual([
      'platformPublicHours', 'competitions',
    ]);
    expect(mapHeaders(['姓名', '身份证号', '单位', '部门', '特殊情况', '不在岗月数', '证明材料齐全']).creditColumns).toEqual([]);
    // the hours, count or months column of each source (days only check a daily ceiling: days alone credit nothing)
    expect(mapHeaders(HEADERS.map((h) => h.zh)).creditColumns).toEqual([...creditKeysOf()]);
    expect(creditKeysOf()).toHaveLength(Object.keys(getRuleSet().sources).length);
    expect(creditKeysOf()).not.toContain('expertDays');
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

describe('the alias table (HEADER_ALIASES, data)', () => {
  it('has an entry for every roster key, and every alias maps to its key', () => {
    expect(Object.keys(HEADER_ALIASES).sort()).toEqual([...ROSTER_KEYS].sort());
    for (const key of ROSTER_KEYS) {
      expect(HEADER_ALIASES[key].length, key).toBeGreaterThan(0);
      for (const a of HEADER_ALIASES[key]) expect(keyForHeader(a), a).toBe(key);
      expect(HEADERS.find((h) => h.key === key)?.aliases).toEqual(HEADER_ALIASES[key]);
    }
  });

  it('no two columns share a spelling', () => {
    const seen = new Map<string, string>();
    for (const h of HEADERS) {
      for (const name of [h.zh, h.key, ...h.aliases]) {
        const n = normalizeHeader(name);
        expect(seen.get(n) ?? h.key, name).toBe(h.key);
        seen.set(n, h.key);
      }
    }
  });

  it.each([
    ['公需课（学时）', 'platformPublicHours'],
    ['公需学时', 'platformPublicHours'],
    ['公需课学时数', 'platformPublicHours'],
    ['公需科目（学时）', 'platformPublicHours'],
    ['专业课（学时）', 'platformProfessionalHours'],
    ['专业课学时数', 'platformProfessionalHours'],
    ['公民身份证号码', 'idNumber'],
    ['身份证号码（18位）', 'idNumber'],
    ['申报材料提交时间', 'titleSubmissionDate'],
    ['工作单位', 'unit'],
    ['所在科室', 'department'],
    ['培训进修（天）', 'trainingDays'],
    ['高级研修班学时数', 'seminarHours'],
    ['是否备案', 'trainingFiled'],
    ['资格证书（个）', 'certificates'],
    ['代表性成果（项）', 'achievements'],
    ['专家服务天数', 'expertDays'],
    ['援派月数（月）', 'aidMonths'],
    ['技能竞赛项数', 'competitions'],
    ['特殊情形', 'specialCase'],
    ['不在岗时间（月）', 'absentMonths'],
    ['调入公需课', 'transferPublicHours'],
    ['调入专业课', 'transferProfessionalHours'],
    ['证明材料是否齐全', 'evidenceComplete'],
    ['是否参加职称评审', 'titleApplicant'],
    ['专业课按行业规定', 'professionalBySector'],
    ['专业科目按行业规定', 'professionalBySector'],
    ['行业另有规定', 'professionalBySector'],
    ['专业课按行业要求', 'professionalBySector'],
    ['执行行业规定（是/否）', 'professionalBySector'],
    ['*姓名', 'name'],
    ['姓 名：', 'name'],
    // what schools and hospitals call their units and departments (issue 19)
    ['学校', 'unit'],
    ['院区', 'unit'],
    ['病区', 'department'],
    ['教研组', 'department'],
    ['年级组', 'department'],
    ['处室', 'department'],
    ['科室名称', 'department'],
  ])('a real roster spelling: %s → %s', (header, key) => {
    expect(keyForHeader(header)).toBe(key);
  });

  it.each([
    ['市平台学时 公需课', 'platformPublicHours'],
    ['市平台学时 专业课', 'platformProfessionalHours'],
    ['市平台 公需课学时', 'platformPublicHours'],
    ['公需课 市平台', 'platformPublicHours'],
    ['专业课学时 市平台', 'platformProfessionalHours'],
    ['学时 公需课', 'platformPublicHours'],
    ['培训进修 学时', 'trainingHours'],
    ['培训进修 天数', 'trainingDays'],
    ['培训进修（学时） 天数', 'trainingDays'],
    ['高级研修班 学时', 'seminarHours'],
    ['高级研修班 天数', 'seminarDays'],
    ['专家活动 天数', 'expertDays'],
    ['专家活动 学时', 'expertHours'],
    ['调入学时 公需课', 'transferPublicHours'],
    ['调入学时 专业课', 'transferProfessionalHours'],
    ['调入 公需课学时', 'transferPublicHours'],
    ['特殊情况 类型', 'specialCase'],
    ['特殊情况 不在岗月数', 'absentMonths'],
    ['职称申报 提交日期', 'titleSubmissionDate'],
    ['继续教育学时 市平台公需课学时', 'platformPublicHours'],
    ['市平台学时 公需课（学时）', 'platformPublicHours'],
    // group + sub-header pairs clerks write (issue 19): alias-table rows, and groups that only gather columns
    ['培训进修 是否备案', 'trainingFiled'],
    ['职称申报 是否申报', 'titleApplicant'],
    ['职称申报 提交日期', 'titleSubmissionDate'],
    ['基本情况 身份证号码', 'idNumber'],
    ['基本情况 科室', 'department'],
    ['学时情况 公需课', 'platformPublicHours'],
    ['学时情况 专业课', 'platformProfessionalHours'],
  ])('a two-row header combined as group + sub-header: %s → %s', (header, key) => {
    expect(keyForHeader(header)).toBe(key);
    expect(mapHeaders(['姓名', header]).columns).toEqual(['name', key]);
  });

  it('基本情况 over 姓名 (an alias-table row) is the name column', () => {
    expect(keyForHeader('基本情况 姓名')).toBe('name');
    expect(mapHeaders(['基本情况 姓名', '学时情况 公需课']).columns).toEqual(['name', 'platformPublicHours']);
  });

  it.each(['省平台学时 公需课', '序号 公需', '备注 说明', '培训进修 备注', '基本情况 性别', '职称申报 备注', '调入人员 公需课学时'])('an unknown group or sub-header is not guessed: %s', (header) => {
    expect(keyForHeader(header)).toBeNull();
  });
});

describe('normalizeHeader: the one header normaliser', () => {
  it('folds full width, drops spaces and decoration, reads brackets and 科目 alike, lower-cases ASCII', () => {
    expect(normalizeHeader(' 公需科目（学时）')).toBe('公需课(学时)');
    expect(normalizeHeader('【状\u3000态】')).toBe('(状态)');
    expect(normalizeHeader('*ＮＡＭＥ：')).toBe('name');
    expect(normalizeHeader('援派/支教、支农月数')).toBe('援派支教支农月数');
  });
  it('output headers are recognised however they are spaced', () => {
    expect(outputHeaderOf('状 态')).toBe('状态');
    expect(outputHeaderOf(' 说明 ')).toBe('说明');
    expect(outputHeaderOf('状态（在职）')).toBeNull();
    expect(outputHeaderOf(3)).toBeNull();
    for (const h of OUTPUT_HEADERS) expect(outputHeaderOf(h)).toBe(h);
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
  it('说明 reads as sentences: the requirement, then what was credited from where', () => {
    const r = one({ platformPublicHours: 30, platformProfessionalHours: 40, trainingHours: 16, trainingDays: 2, aidMonths: 1 });
    expect(formatRowOutput(r)[8]).toBe(
      '本年度应完成公需课30学时、专业课60学时。' +
        '已认定：市平台公需课30学时（正文二(一)、四(二)），市平台专业课40学时（正文二(二)、四(二)），' +
        '培训进修计专业课16学时（附件1第1条），援派计公需课2.5学时、专业课5学时（附件1第4条）。',
    );
  });
  it('days without hours: 说明 tells the clerk to fill in the hours from the proof; 封顶提示 stays empty (nothing was claimed)', () => {
    const cells = formatRowOutput(one({ platformPublicHours: 30, platformProfessionalHours: 36, expertDays: 3 }));
    expect(cells.slice(0, 8)).toEqual([30, 36, 66, 0, 24, '2023-12-31', '未达标', '']);
    expect(cells[8]).toBe(
      '专家活动填写了3天但未填学时，暂不计入（每天8学时是上限，不是默认值）；请按证明材料补填实际学时（附件1第4条）。' +
        '本年度应完成公需课30学时、专业课60学时。' +
        '已认定：市平台公需课30学时（正文二(一)、四(二)），市平台专业课36学时（正文二(二)、四(二)）。',
    );
  });
  it('专业课按行业规定: 说明 says the sector checks the professional part instead of “专业课0学时”', () => {
    const cells = formatRowOutput(one({ platformPublicHours: 30, platformProfessionalHours: 12, professionalBySector: '是' }));
    expect(cells.slice(0, 8)).toEqual([30, 12, 42, 0, 0, '2023-12-31', '达标', '']);
    expect(cells[8]).toBe(
      '专业课按行业规定：专业课由省行业主管部门按本行业规定核对，本表不计专业课要求和缺口，只核对公需课；已填的专业课学时照常列出（正文二(二)）。' +
        '本年度应完成公需课30学时（专业课按行业规定核对）。' +
        '已认定：市平台公需课30学时（正文二(一)、四(二)），市平台专业课12学时（正文二(二)、四(二)）。',
    );
    expect(String(cells[8])).not.toContain('专业课0学时');
  });
  it('rounds to 2 decimals only when shown', () => {
    const r = one({ platformPublicHours: 10.125, platformProfessionalHours: 1 / 3 });
    expect(formatRowOutput(r).slice(0, 5)).toEqual([10.13, 0.33, 10.46, 19.88, 59.67]);
  });
  it('rounding never overflows: values up to the largest double print as themselves, never Infinity', () => {
    for (const n of [1.8e306, 1e307, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** 53 + 2]) {
      expect(round2(n), String(n)).toBe(n);
      expect(fmt(n), String(n)).toBe(String(n));
    }
    expect(round2(4503599627370495.5)).toBe(4503599627370495.5); // just under 2^52: still finite
    expect(round2(-0.004)).toBe(0);
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
  it("the 待补材料 note names the evidence of the rule set's table, as the 审核材料清单 does (附件1第7条)", () => {
    const { duties, sources } = getRuleSet();
    const r = one({ platformPublicHours: 30, platformProfessionalHours: 40, competitions: 1, achievements: 1, evidenceComplete: '否' });
    const note = String(formatRowOutput(r)[8]);
    expect(note).toContain(
      `学时已达标，但证明材料不齐：${sources.achievements.label}（${duties.evidence.achievements.evidence}）；` +
        `${sources.competitions.label}（${duties.evidence.competitions.evidence}）。请补齐后再在省平台申报（附件1第7条）。`,
    );
  });
});
