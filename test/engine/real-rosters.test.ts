// docs/rules.md §9: what real rosters hold — placeholders, Excel error values, IDs stored as numbers, total and note rows,
// the same person twice — and what a 数据有误 row carries (§7).
import { describe, expect, it } from 'vitest';
import { HEADERS, evaluate, formatRowOutput, getRuleSet, type RosterKey, type RosterRowInput } from '../../shared/index';

/** zaozhuang-2023's columns (orders.columns). */
const ROSTER_KEYS = getRuleSet().orders.columns;
import { BASE, codes, one } from './helpers';

const WORDS = getRuleSet().words;
const FULL: RosterRowInput = { ...BASE, platformPublicHours: 30, platformProfessionalHours: 60 };
const ID = '11010519491231002X';

describe('placeholders mean blank (docs/rules.md §9)', () => {
  it('the rule set lists exactly the placeholders of docs/rules.md, as a Reading', () => {
    expect(WORDS.placeholders.value).toEqual(['/', '／', '-', '－', '—', '——', '无']);
    expect(WORDS.placeholders.reading).toBe(true);
  });

  it.each(WORDS.placeholders.value)('%j in every field but name is the same as leaving it empty', (ph) => {
    for (const key of ROSTER_KEYS.filter((k) => k !== 'name')) {
      const rest: RosterRowInput = { ...FULL };
      delete rest[key];
      const without = evaluate([rest]).results[0];
      expect(evaluate([{ ...FULL, [key]: ph }]).results[0], key).toEqual(without);
      expect(evaluate([{ ...FULL, [key]: ` ${ph}\u3000` }]).results[0], key).toEqual(without);
    }
  });

  it('a placeholder name on a row with data is NAME_MISSING; a row of placeholders only is blank', () => {
    const r = one({ name: '无', platformPublicHours: 30 });
    expect(r.errors.map((e) => e.code)).toEqual(['NAME_MISSING']);
    const blank = evaluate([{ name: '/', unit: '—', platformPublicHours: '无', titleSubmissionDate: '－' }]);
    expect(blank.results[0].status).toBe('');
    expect(blank.summary.total.headcount).toBe(0);
  });

  it('a placeholder unit is grouped as blank (（未填）)', () => {
    const s = evaluate([{ ...FULL, unit: '/', department: '无' }]).summary;
    expect(s.groups.map((g) => [g.unit, g.department])).toEqual([['（未填）', '（未填）']]);
  });
});

describe('Excel error values are errors in every field (docs/rules.md §9)', () => {
  it('the rule set lists the error values of docs/rules.md, as a Reading', () => {
    expect(WORDS.excelErrors.value).toContain('#N/A');
    expect(WORDS.excelErrors.value).toContain('#GETTING_DATA');
    expect(WORDS.excelErrors.value).toHaveLength(15);
    expect(WORDS.excelErrors.reading).toBe(true);
  });

  it.each(ROSTER_KEYS.map((k) => [k] as [RosterKey]))('%s = #N/A is EXCEL_ERROR on that field, naming the value', (key) => {
    const r = evaluate([{ ...FULL, [key]: '#N/A' }]).results[0];
    expect(r.status).toBe('数据有误');
    const e = r.errors.find((x) => x.field === key);
    expect(e?.code).toBe('EXCEL_ERROR');
    expect(e?.message).toContain('#N/A');
    expect(e?.message).toContain('公式');
    expect(e?.message).toContain(HEADERS.find((h) => h.key === key)?.zh);
    expect(r.errors.filter((x) => x.field === key)).toHaveLength(1);
  });

  it('any letter case, full width and surrounding spaces; every listed value', () => {
    for (const v of [...WORDS.excelErrors.value, '#n/a', ' #value! ', '＃ＤＩＶ／０！', '#Spill!']) {
      expect(one({ platformPublicHours: v }).errors.map((e) => e.code), v).toEqual(['EXCEL_ERROR']);
    }
  });

  it('a person named #N/A is not 达标; an error value replaces NOT_A_NUMBER / NOT_A_DATE / NOT_YES_NO', () => {
    expect(evaluate([{ ...FULL, name: '#N/A' }]).results[0].errors.map((e) => `${e.code}:${e.field}`)).toEqual(['EXCEL_ERROR:name']);
    const r = one({ trainingFiled: '#VALUE!', titleSubmissionDate: '#REF!', certificates: '#NUM!' });
    expect(r.errors.map((e) => `${e.code}:${e.field}`)).toEqual([
      'EXCEL_ERROR:trainingFiled', 'EXCEL_ERROR:certificates', 'EXCEL_ERROR:titleSubmissionDate',
    ]);
  });

  it('a specialCase with #N/A months is EXCEL_ERROR, not REQUIRED', () => {
    const r = one({ specialCase: '产假', absentMonths: '#N/A' });
    expect(r.errors.map((e) => `${e.code}:${e.field}`)).toEqual(['EXCEL_ERROR:absentMonths']);
  });

  it('the total-row check comes first: a 合计 row with error values is skipped', () => {
    const r = evaluate([{ name: '合计', platformPublicHours: '#N/A', unit: '#REF!' }]).results[0];
    expect(r.status).toBe('');
    expect(codes(r)).toEqual(['NOT_A_PERSON']);
  });
});

describe('an ID number stored as a number (docs/rules.md §9)', () => {
  it('warns ID_AS_NUMBER instead of ID_CHECKSUM and credits as usual', () => {
    const r = evaluate([{ ...FULL, idNumber: 370402198503121000 }]).results[0];
    expect(r.status).toBe('达标');
    expect(codes(r)).toEqual(['ID_AS_NUMBER']);
    expect(r.warnings[0].clause).toBeUndefined();
    expect(r.warnings[0].message).toContain('文本');
  });

  it('a 数据有误 row keeps it', () => {
    const r = evaluate([{ ...FULL, idNumber: 370402198503121000, platformPublicHours: -1 }]).results[0];
    expect(r.status).toBe('数据有误');
    expect(codes(r)).toEqual(['ID_AS_NUMBER']);
  });

  it('ID text is checked after removing spaces (inner ones too), folded and upper-cased', () => {
    expect(codes(evaluate([{ ...FULL, idNumber: '1101 0519 4912 3100 2x' }]).results[0])).toEqual([]);
    expect(codes(evaluate([{ ...FULL, idNumber: '１１０１０５１９４９１２３１００２Ｘ' }]).results[0])).toEqual([]);
    expect(codes(evaluate([{ ...FULL, idNumber: '110105194912310021' }]).results[0])).toEqual(['ID_CHECKSUM']);
  });
});

describe('total and note rows are not people (docs/rules.md §9)', () => {
  const notPeople = [
    ...WORDS.totalRowNames.value,
    ...WORDS.totalRowNames.value.map((w) => `${w}：`),
    '合 计', ' 合\u3000计: ', '小计:',
    ...WORDS.noteRowPrefixes.value.map((w) => `${w}：王小红`),
    ...WORDS.noteRowPrefixes.value.map((w) => `${w}:`),
    '制表人 ：王小红 联系电话：0632-1234567', '注：本表学时以市平台为准', '填表说明：1.每人一行',
  ];

  it.each(notPeople)('%j is skipped: status "", one NOT_A_PERSON warning without a clause, not in the summary', (name) => {
    const res = evaluate([{ name, unit: '枣庄市立医院', platformPublicHours: 300, platformProfessionalHours: 600 }, FULL]);
    const r = res.results[0];
    expect(r.status).toBe('');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0].code).toBe('NOT_A_PERSON');
    expect(r.warnings[0].clause).toBeUndefined();
    expect(r).toMatchObject({ publicHours: 0, professionalHours: 0, totalHours: 0, deadline: '', errors: [], breakdown: [] });
    expect(res.summary.total.headcount).toBe(1);
    expect(res.summary.attention).toEqual([]);
  });

  it.each(['合计人数', '王合计', '制表人王小红', '注意事项', '说明书', '审核通过', '小计数'])('%j is a person', (name) => {
    expect(evaluate([{ ...FULL, name }]).results[0].status).toBe('达标');
  });

  it('the 说明 column says why the row was skipped', () => {
    const cells = formatRowOutput(evaluate([{ name: '合计', platformPublicHours: 300 }]).results[0]);
    expect(cells.slice(0, 8)).toEqual(['', '', '', '', '', '', '', '']);
    expect(cells[8]).toContain('合计');
    expect(cells[8]).toContain('不是人员');
  });
});

describe('the same person twice (docs/rules.md §9)', () => {
  const person = (name: string, idNumber: unknown, extra: RosterRowInput = {}): RosterRowInput =>
    ({ ...FULL, name, idNumber, ...extra }) as RosterRowInput;

  it('every row of a repeated ID is 数据有误 with DUPLICATE_ID on idNumber listing the other rows', () => {
    const res = evaluate([person('甲', ID), person('乙', '110105194912310030'), person('丙', ` ${ID.toLowerCase()} `), {}, person('丁', ID)]);
    expect(res.results.map((r) => r.status)).toEqual(['数据有误', '达标', '数据有误', '', '数据有误']);
    const dup = (i: number) => res.results[i].errors.find((e) => e.code === 'DUPLICATE_ID');
    expect(dup(0)).toMatchObject({ field: 'idNumber', rows: [2, 4] });
    expect(dup(2)?.rows).toEqual([0, 4]);
    expect(dup(4)?.rows).toEqual([0, 2]);
    expect(dup(0)?.message).toContain('合并为一行');
    expect(res.results[0]).toMatchObject({ publicHours: 0, professionalHours: 0, requiredPublic: 0, publicShortfall: 0, breakdown: [] });
    expect(res.summary.total).toMatchObject({ headcount: 4, invalid: 3, compliant: 1 });
    expect(res.summary.attention.map((a) => [a.index, a.name])).toEqual([[0, '甲'], [2, '丙'], [4, '丁']]);
  });

  it('one ID on very many rows: each error lists at most 50 other rows, the message counts them all', () => {
    const res = evaluate(Array.from({ length: 60 }, (_, i) => person(`人${i}`, ID)));
    const e = res.results[59].errors.find((x) => x.code === 'DUPLICATE_ID');
    expect(e?.rows).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(e?.message).toContain('另外59行');
  });

  it('full-width and inner spaces are normalised before comparing', () => {
    const res = evaluate([person('甲', ID), person('乙', '１１０１０５ １９４９１２３１００２ｘ')]);
    expect(res.results.map((r) => r.status)).toEqual(['数据有误', '数据有误']);
  });

  it('blank, placeholder, number, Excel-error IDs and total rows never count; another call does not see the rows', () => {
    const rows = [
      person('甲', ''), person('乙', ''), person('丙', '无'), person('丁', '无'), person('戊', 370402198503121000),
      person('己', 370402198503121000), person('庚', '#N/A'), person('辛', '#N/A'), { name: '合计', idNumber: ID }, person('壬', ID),
    ];
    const res = evaluate(rows);
    expect(res.results.filter((r) => r.errors.some((e) => e.code === 'DUPLICATE_ID'))).toEqual([]);
    expect(evaluate([person('甲', ID)]).results[0].status).toBe('达标');
  });

  it('a duplicate row keeps its other errors and only the ID warnings; the deadline stays', () => {
    const res = evaluate(
      [
        person('甲', '110105194912310021', { trainingHours: 40, trainingDays: 5, titleApplicant: '是', titleSubmissionDate: '2023-10-09' }),
        person('乙', '110105194912310021', { certificates: '两个' }),
      ],
      { asOf: '2023-11-01' },
    );
    expect(res.results[0].errors.map((e) => `${e.code}:${e.field}`)).toEqual(['DUPLICATE_ID:idNumber']);
    expect(codes(res.results[0])).toEqual(['ID_CHECKSUM']);
    expect(res.results[0].deadline).toBe('2023-09-26');
    expect(res.results[1].errors.map((e) => `${e.code}:${e.field}`)).toEqual(['DUPLICATE_ID:idNumber', 'NOT_A_NUMBER:certificates']);
  });
});

describe('what a 数据有误 row carries (docs/rules.md §7)', () => {
  it('messages show the value as typed, never Infinity, and a long cell only in part', () => {
    expect(one({ platformPublicHours: '2500学时' }).errors[0].message).toBe('市平台公需课学时：2500学时超出范围（0–2000学时），请核对');
    expect(one({ platformPublicHours: 1.7e308 }).errors[0].message).toContain('1.7e+308学时超出范围');
    const long = one({ platformPublicHours: '9'.repeat(5000) }).errors[0];
    expect(long.code).toBe('NOT_A_NUMBER');
    expect(long.message.length).toBeLessThan(100);
  });

  it('no hours, requirements or shortfalls, and no warnings but the ID ones', () => {
    const r = evaluate(
      [{ ...BASE, idNumber: '110105194912310021', platformPublicHours: 10, trainingHours: 40, trainingDays: 2, titleApplicant: '是', certificates: 1.5 }],
      { asOf: '2024-03-01' },
    ).results[0];
    expect(r).toMatchObject({
      status: '数据有误', publicHours: 0, professionalHours: 0, totalHours: 0, requiredPublic: 0, requiredProfessional: 0,
      publicShortfall: 0, professionalShortfall: 0, breakdown: [],
    });
    expect(codes(r)).toEqual(['ID_CHECKSUM']);
    expect(r.errors.map((e) => e.code)).toEqual(['NOT_INTEGER']);
  });
});
