import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULE_SET,
  UnknownRuleSetError,
  evaluate,
  getRuleSet,
  hasRuleSet,
  listRuleSets,
  type RuleSet,
} from '../../shared/index';
import { evaluateRow } from '../../shared/row';
import { compileRuleSet } from '../../shared/rulesets/compile';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('rule-set registry', () => {
  it('zaozhuang-2023 is the default', () => {
    expect(DEFAULT_RULE_SET).toBe('zaozhuang-2023');
    expect(hasRuleSet('zaozhuang-2023')).toBe(true);
    expect(hasRuleSet('zaozhuang-2099')).toBe(false);
    expect(getRuleSet().id).toBe('zaozhuang-2023');
    expect(getRuleSet().year).toBe(2023);
    expect(getRuleSet().specialCaseNames).toEqual(['境外工作', '病假', '产假', '其他']);
  });

  it('an unknown rule set throws UnknownRuleSetError from evaluate and getRuleSet', () => {
    expect(() => evaluate([], { ruleSet: 'nowhere-2023' })).toThrow(UnknownRuleSetError);
    expect(() => getRuleSet('nowhere-2023')).toThrow(UnknownRuleSetError);
    expect(evaluate([], { ruleSet: 'zaozhuang-2023' }).ruleSet).toBe('zaozhuang-2023');
  });

  it('a bad asOf is a caller error', () => {
    expect(() => evaluate([], { asOf: '2023-02-30' })).toThrow(/asOf/);
  });

  it('listRuleSets is JSON data with clause and clause text for every parameter', () => {
    const list = listRuleSets();
    expect(JSON.parse(JSON.stringify(list))).toEqual(list);
    const z = list.find((r) => r.id === 'zaozhuang-2023');
    expect(z).toBeDefined();
    expect(z?.calendar.years).toEqual([2023]);
    for (const p of z?.parameters ?? []) {
      expect(p.clause.length, p.key).toBeGreaterThan(0);
      expect(p.text, p.key).toMatch(/[\u4e00-\u9fff]/);
      expect(p.label, p.key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('every number of the notice is a named parameter', () => {
    const v = Object.fromEntries(listRuleSets()[0].parameters.map((p) => [p.key, p.value]));
    expect(v).toMatchObject({
      requiredPublic: 30, requiredProfessional: 60, requiredTotal: 90, trainingHoursPerDay: 8, trainingYearCap: 24,
      seminarHoursPerDay: 8, seminarYearCap: 30, category1Cap: 30, degreeYearCap: 40, certificateHours: 16,
      achievementHours: 10, achievementsYearCap: 30, expertHoursPerDay: 8, aidPublicPerMonth: 2.5,
      aidProfessionalPerMonth: 5, competitionHours: 10, competitionsYearCap: 30, prorationMonthsPerYear: 12,
      deadlineWorkingDays: 5, yearEnd: '2023-12-31', trainingFiledDefault: true, evidenceCompleteDefault: true,
      titleApplicantDefault: false, certificatesYearCap: null, professionalBySectorDefault: false,
    });
    const rules = getRuleSet().specialCaseRules;
    expect(rules.map((c) => [c.name, c.minAbsentMonthsExclusive, c.needsProvincialApproval])).toEqual([
      ['境外工作', 6, false], ['病假', 6, false], ['产假', 0, false], ['其他', null, true],
    ]);
  });

  it('the Readings of docs/rules.md §3 and §6a are parameters marked as Readings, with their clause and its text', () => {
    const p = getRuleSet().parameters;
    expect(p.certificateHours).toMatchObject({ value: 16, clause: '附件1第2条' });
    expect(p.certificateHours.text).toContain('认定专业科目16学时');
    expect(p.certificatesYearCap).toMatchObject({ value: null, clause: '附件1第2条', reading: true });
    expect(p.certificatesYearCap.text).toMatch(/^解读：/);
    expect(p.professionalBySectorDefault).toMatchObject({ value: false, clause: '正文二(二)、四(二)', reading: true });
    expect(p.professionalBySectorDefault.text).toContain('省行业主管部门有要求的应从其规定');
    expect(p.professionalBySectorDefault.text).toContain('省行业主管部门特别要求的，从其规定');
    expect(getRuleSet().clauses.main2Item2).toMatchObject({ clause: '正文二(二)' });
    expect(getRuleSet().clauses.main4.text).toContain('省行业主管部门特别要求的，从其规定');
  });

  it('every list of words the input checks use is rule-set data, marked as a Reading, in /v1/rules too', () => {
    const words = getRuleSet().words;
    expect(Object.keys(words).sort()).toEqual(
      [
        'excelErrors', 'noteRowColons', 'noteRowPrefixes', 'placeholders', 'totalRowNames', 'unitSuffixes',
        // roster sheets (docs/rules.md §9): footers of an export, 序号 columns, head counts
        'footerRowPrefixes', 'numberingHeaders', 'headcountPrefixes', 'headcountSuffixes',
      ].sort(),
    );
    for (const [k, w] of Object.entries(words)) {
      expect(w.reading, k).toBe(true);
      expect(w.value.length, k).toBeGreaterThan(0);
      expect(w.label, k).toMatch(/[\u4e00-\u9fff]/);
      expect(w.text, k).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(words.unitSuffixes.value).toEqual(['学时', '小时', '天', '项', '个月', '月', '个', '篇', '本', '次']);
    expect(words.totalRowNames.value).toEqual(['合计', '小计', '总计', '共计', '汇总', '累计']);
    expect(listRuleSets()[0].words).toEqual(JSON.parse(JSON.stringify(words)));
  });

  it('a rule set with other words reads cells by them', () => {
    const base = getRuleSet();
    const rs = compileRuleSet({
      ...base,
      words: { ...base.words, placeholders: { ...base.words.placeholders, value: ['空'] }, unitSuffixes: { ...base.words.unitSuffixes, value: ['h'] } },
    });
    const r = evaluateRow({ name: '张三', platformPublicHours: '30h', platformProfessionalHours: '空' }, 0, rs, NaN);
    expect(r.publicHours).toBe(30);
    expect(r.professionalHours).toBe(0);
    expect(r.errors.map((e) => `${e.code}:${e.field}`)).toEqual([]);
    const bad = evaluateRow({ name: '张三', platformPublicHours: '30学时', trainingHours: '/' }, 0, rs, NaN);
    expect(bad.errors.map((e) => `${e.code}:${e.field}`)).toEqual(['NOT_A_NUMBER:platformPublicHours', 'NOT_A_NUMBER:trainingHours']);
  });

  it('the formulas in shared/rules/ carry no number of the notice (only 0, 1 and float tolerance)', () => {
    const dir = resolve(root, 'shared/rules');
    for (const f of readdirSync(dir)) {
      const code = readFileSync(resolve(dir, f), 'utf8')
        .replace(/\/\*\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .replace(/`[^`]*`/g, '``')
        .replace(/'[^']*'/g, "''");
      const literals = code.match(/(?<![\w.])\d+(?:\.\d+)?(?:e-?\d+)?(?![\w])/g) ?? [];
      expect(literals.filter((n) => !['0', '1', '1e-9'].includes(n)), f).toEqual([]);
    }
  });
});

describe('rules by kind: one file per kind in shared/rules/, each citing where zaozhuang-2023 uses it', () => {
  const dir = resolve(root, 'shared/rules');
  const rs = getRuleSet();
  const clauses = rs.clauses;
  const files = readdirSync(dir).sort();
  const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

  it('the rule files are the kinds of sources, the cross-source rules and the shared cap warning', () => {
    expect(files).toEqual([
      'caps.ts', 'category-cap.ts', 'deadline.ts', 'evidence-status.ts', 'filing-gate.ts', 'hours-as-given.ts', 'hours-per-day.ts',
      'hours-year-cap.ts', 'items-times-hours.ts', 'months-prorated.ts', 'requirement.ts', 'sector-rule.ts', 'special-cases.ts',
    ]);
    // every kind zaozhuang-2023 uses has its file, named by the kind
    for (const s of Object.values(rs.sources)) expect(files, s.kind).toContain(`${kebab(s.kind)}.ts`);
  });

  it('each rule file opens with a comment citing the clauses of zaozhuang-2023 it implements', () => {
    for (const f of files.filter((x) => x !== 'caps.ts')) {
      const head = readFileSync(resolve(dir, f), 'utf8').split('\nimport')[0];
      expect(head.startsWith('//'), f).toBe(true);
      expect(head, f).toContain('zaozhuang-2023');
      expect(head, f).toMatch(/(正文[一二三四五六七]|附件1第\d条)/);
    }
  });

  it('comments restate no number of the notice: they cite clauses, the numbers live in the rule set', () => {
    for (const f of files) {
      const comments = (readFileSync(resolve(dir, f), 'utf8').match(/\/\/.*$|\/\*[\s\S]*?\*\//gm) ?? []).join('\n');
      const left = comments
        .replace(/zaozhuang-2023|1e-9/g, '')
        .replace(/附件\d第\d条/g, '')
        .replace(/第\d条/g, '')
        .replace(/docs\/rules\.md §\d+a?/g, '')
        .replace(/§\d+a?/g, '');
      expect((left.match(/\d+/g) ?? []).filter((n) => n !== '0' && n !== '1'), f).toEqual([]);
    }
  });

  it('every clause the cross-source rules cite is in the clauses table, with its wording', () => {
    const cited = [
      ...(rs.categoryCaps ?? []).map((g) => g.clause),
      ...(rs.filingGate?.clauses ?? []),
      rs.specialCases?.clause,
      rs.sectorRule?.clause,
      rs.evidenceStatus?.clause,
      rs.deadline.clause,
    ];
    for (const k of cited) {
      expect(clauses[k ?? ''], String(k)).toBeDefined();
      expect(clauses[k ?? ''].clause, String(k)).toMatch(/^(正文|附件1第)/);
      expect(clauses[k ?? ''].text.length, String(k)).toBeGreaterThan(20);
    }
    for (const s of Object.values(rs.sources)) expect(s.text.length, s.label).toBeGreaterThan(20);
    expect(listRuleSets()[0].clauses).toEqual(clauses);
  });
});

describe('another city or year is a new table, not new logic', () => {
  const base = getRuleSet();
  const variant: RuleSet = {
    ...base,
    id: 'test-2024',
    year: 2024,
    parameters: {
      ...base.parameters,
      trainingYearCap: { ...base.parameters.trainingYearCap, value: 20 },
      category1Cap: { ...base.parameters.category1Cap, value: null },
      requiredProfessional: { ...base.parameters.requiredProfessional, value: 50 },
      yearEnd: { ...base.parameters.yearEnd, value: '2024-12-31' },
    },
    sources: { ...base.sources, training: { ...base.sources.training, label: '培训', clause: '细则第2条' } },
    clauses: { ...base.clauses, annex1Item1: { clause: '细则第2条', text: '培训每年不超过20学时。' } },
    calendar: { ...base.calendar, years: [2024], holidays: ['2024-10-01'], workdays: [] },
  };
  const rs = compileRuleSet(variant);
  const run = (row: Record<string, unknown>) => evaluateRow({ name: '张三', ...row }, 0, rs, NaN);

  it('uses the variant caps and requirement', () => {
    const r = run({ platformPublicHours: 30, platformProfessionalHours: 10, trainingHours: 24, trainingDays: 3, seminarHours: 30, seminarDays: 4 });
    expect(r.professionalHours).toBe(10 + 20 + 30);
    expect(r.requiredProfessional).toBe(50);
    expect(r.warnings.map((w) => w.code)).toEqual(['CAP_TRAINING']);
    expect(r.warnings[0].message).toContain('20学时上限');
    expect(r.warnings[0].clause).toBe('细则第2条');
    expect(r.deadline).toBe('2024-12-31');
    expect(r.breakdown.find((b) => b.label === '培训')).toEqual({ clause: '细则第2条', label: '培训', public: 0, professional: 20 });
  });

  it('a certificates cap (null in zaozhuang-2023) caps them with CAP_CERTIFICATES and its lostHours', () => {
    const capped = compileRuleSet({
      ...variant,
      parameters: { ...variant.parameters, certificatesYearCap: { ...base.parameters.certificatesYearCap, value: 32, reading: false } },
    });
    const r = evaluateRow({ name: '张三', platformPublicHours: 30, certificates: 3 }, 0, capped, NaN);
    expect(r.professionalHours).toBe(32);
    expect(r.warnings).toEqual([{ code: 'CAP_CERTIFICATES', clause: '附件1第2条', lostHours: 16, message: '资格证书3项计48学时，超过32学时上限，16学时未计入（附件1第2条）' }]);
    expect(run({ platformPublicHours: 30, certificates: 3 }).professionalHours).toBe(48);
  });

  it('a sector default of yes (blank = checked by the sector) is data too', () => {
    const sector = compileRuleSet({
      ...variant,
      parameters: { ...variant.parameters, professionalBySectorDefault: { ...base.parameters.professionalBySectorDefault, value: true } },
    });
    const r = evaluateRow({ name: '张三', platformPublicHours: 30 }, 0, sector, NaN);
    expect(r.requiredProfessional).toBe(0);
    expect(r.warnings.map((w) => w.code)).toEqual(['PROFESSIONAL_BY_SECTOR']);
    expect(evaluateRow({ name: '张三', platformPublicHours: 30, professionalBySector: '否' }, 0, sector, NaN).requiredProfessional).toBe(50);
  });

  it('uses the variant calendar', () => {
    const r = run({ titleApplicant: '是', titleSubmissionDate: '2024-10-02' });
    expect(r.deadline).toBe('2024-09-24');
  });
});
