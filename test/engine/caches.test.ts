// The answer is built from shared, frozen pieces (shared/cache.ts): the same rows give equal answers whatever ran
// before, caches are per rule set and bounded, and they hold no name or ID number.
import { describe, expect, it } from 'vitest';
import { MAX_CACHED_CELLS, MAX_CACHED_ITEMS, MAX_CACHED_WARNINGS } from '../../shared/cache';
import { evaluate, getRuleSet, type RosterRowInput, type RuleSet } from '../../shared/index';
import { nthWorkingDayBefore } from '../../shared/calendar';
import { dayFromIso, isoFromDay } from '../../shared/dates';
import { evaluateRow } from '../../shared/row';
import { getCompiledRuleSet } from '../../shared/rulesets';
import { compileRuleSet } from '../../shared/rulesets/compile';
import { generateRows } from '../../scripts/bench-rows';

const rows = generateRows(3000, 7);

describe('caches keep answers identical', () => {
  it('a second evaluate over the same rows returns equal results; so does a cold rule set', () => {
    const first = JSON.parse(JSON.stringify(evaluate(rows, { asOf: '2023-11-01' })));
    const other = evaluate(generateRows(2000, 99), { asOf: '2024-02-01' });
    expect(other.results).toHaveLength(2000);
    expect(evaluate(rows, { asOf: '2023-11-01' })).toEqual(first);
    const cold = compileRuleSet(getRuleSet());
    const fresh = rows.map((r, i) => evaluateRow(r, i, cold, getCompiledRuleSet().yearEndDay - 61));
    const warm = rows.map((r, i) => evaluateRow(r, i, getCompiledRuleSet(), getCompiledRuleSet().yearEndDay - 61));
    expect(JSON.parse(JSON.stringify(warm))).toEqual(JSON.parse(JSON.stringify(fresh)));
  });

  it('results built from the columns of evaluate equal results built row by row (every kind of row)', () => {
    const odd: unknown[] = [
      null, 'not a row', { name: '合计', platformPublicHours: 90 }, { name: '', platformPublicHours: '三十' },
      { name: '李四', platformPublicHours: 0.3, platformProfessionalHours: 59.7, trainingHours: 33.3, trainingDays: 2 },
      { name: '王五', platformPublicHours: 600.25, aidMonths: 7, competitions: 9, titleApplicant: '是', titleSubmissionDate: '2024-01-03' },
      { name: '赵六', specialCase: '产假', absentMonths: 5, expertHours: 1000, evidenceComplete: '否', transferPublicHours: 4.75 },
    ];
    const mixed = [...odd, ...generateRows(2000, 11), ...odd] as RosterRowInput[];
    const rs = getCompiledRuleSet();
    const direct = mixed.map((r, i) => evaluateRow(r, i, rs, dayFromIso('2023-11-01')));
    const { results } = evaluate(mixed, { asOf: '2023-11-01' });
    expect(results).toHaveLength(mixed.length);
    for (let i = 0; i < mixed.length; i++) expect(results[i], `row ${i}`).toStrictEqual(direct[i]);
    expect(results.every((r) => Object.isFrozen(r.breakdown) || r.breakdown.every((b) => Object.isFrozen(b)))).toBe(true);
  });

  it('caches do not leak between rule sets: a variant with other caps and clauses gives its own pieces', () => {
    const base = getRuleSet();
    const variant: RuleSet = {
      ...base,
      id: 'variant-cache',
      parameters: { ...base.parameters, trainingYearCap: { ...base.parameters.trainingYearCap, value: 20 } },
      sources: { ...base.sources, training: { ...base.sources.training, label: '培训', clause: '细则第2条' } },
      clauses: { ...base.clauses, annex1Item1: { clause: '细则第2条', text: '培训每年不超过20学时。' } },
    };
    const row: RosterRowInput = { name: '张三', trainingHours: 30, trainingDays: 5 };
    const before = evaluate([row]).results[0];
    const v = evaluateRow(row, 0, compileRuleSet(variant), Number.NaN);
    const after = evaluate([row]).results[0];
    expect(v.warnings[0]).toMatchObject({ code: 'CAP_TRAINING', clause: '细则第2条', lostHours: 10 });
    expect(v.breakdown).toEqual([{ clause: '细则第2条', label: '培训', public: 0, professional: 20 }]);
    expect(after).toEqual(before);
    expect(after.warnings[0]).toMatchObject({ code: 'CAP_TRAINING', clause: '附件1第1条', lostHours: 6 });
  });

  it('shared pieces are frozen and reused; lists are not shared between rows that differ', () => {
    const res = evaluate([
      { name: '甲', platformPublicHours: 30, trainingHours: 30, trainingDays: 5 },
      { name: '乙', platformPublicHours: 30, trainingHours: 30, trainingDays: 5 },
    ]).results;
    expect(res[0].warnings[0]).toBe(res[1].warnings[0]);
    expect(res[0].breakdown[0]).toBe(res[1].breakdown[0]);
    expect(Object.isFrozen(res[0].warnings[0])).toBe(true);
    expect(Object.isFrozen(res[0].breakdown[0])).toBe(true);
    expect(() => {
      (res[0].warnings[0] as { lostHours?: number }).lostHours = 0;
    }).toThrow();
    expect(res[0].warnings).not.toBe(res[1].warnings);
  });
});

describe('caches are bounded and hold no personal data', () => {
  it('many distinct hours and texts never grow a cache past its bound', () => {
    const many: RosterRowInput[] = Array.from({ length: 6000 }, (_, i) => ({
      name: `人${i}`,
      platformPublicHours: `${i / 4}学时`,
      trainingHours: 30 + i / 8,
      trainingDays: 1 + (i % 3),
      degreeStudyHours: 41 + i / 16,
      titleApplicant: '是',
      titleSubmissionDate: `2023年${1 + (i % 12)}月${1 + (i % 28)}日`,
    }));
    const res = evaluate(many, { asOf: '2023-11-01' });
    expect(res.results).toHaveLength(6000);
    const c = getCompiledRuleSet().cache;
    expect(c.itemCount).toBeLessThanOrEqual(MAX_CACHED_ITEMS);
    expect(c.byNumbersCount).toBeLessThanOrEqual(MAX_CACHED_WARNINGS);
    expect(c.numbers.size).toBeLessThanOrEqual(MAX_CACHED_CELLS);
    expect(c.dates.size).toBeLessThanOrEqual(MAX_CACHED_CELLS);
    // past the bound, answers are still right
    expect(res.results[5999].professionalHours).toBe(24 + 40);
  });

  it('the deadline counted back from a submission day: kept per day, bounded, and the same as counting it', () => {
    const rs = getCompiledRuleSet();
    // 5,000 distinct submission days as Excel serial numbers, from the rule set's year onwards (most past its year end)
    const first = rs.yearEndDay - 400;
    const EXCEL_SERIAL_OF_EPOCH = 25569;
    const applicants: RosterRowInput[] = Array.from({ length: 5000 }, (_, i) => ({
      name: `申报${i}`, platformPublicHours: 30, platformProfessionalHours: 60, titleApplicant: '是', titleSubmissionDate: first + i + EXCEL_SERIAL_OF_EPOCH,
    }));
    const twice = [...applicants, ...applicants.slice(0, 300)];
    const res = evaluate(twice, { asOf: '2023-11-01' });
    expect(rs.cache.daysBefore.size).toBeLessThanOrEqual(MAX_CACHED_CELLS);
    expect(rs.cache.daysBefore.size).toBeGreaterThan(0);
    const n = rs.deadline.workingDays;
    twice.forEach((r, i) => {
      const day = nthWorkingDayBefore((r.titleSubmissionDate as number) - EXCEL_SERIAL_OF_EPOCH, n, rs.calendar);
      expect(res.results[i].deadline, `row ${i}`).toBe(isoFromDay(Math.min(day, rs.yearEndDay)));
    });
  });

  it('no name, unit, department or ID number is cached', () => {
    const secret = '保密人员名字';
    const id = '11010519491231002X';
    evaluate([{ name: secret, unit: '某单位X', department: '某科室Y', idNumber: id, platformPublicHours: 40, trainingHours: 99, trainingDays: 1 }]);
    evaluate([{ name: '乙', idNumber: 370402198503121000, platformPublicHours: 10 }, { name: '制表人：王小红', platformPublicHours: 3 }]);
    const c = getCompiledRuleSet().cache;
    const dump = JSON.stringify({
      items: c.items.map((m) => [...m.values()].map((x) => [...x.values()])),
      packed: [...c.packedWarnings.entries()].map(([site, m]) => [site, [...m.values()]]),
      byNumbers: [...c.byNumbers.values()].map((a) => [...a.values()].map((b) => [...b.values()].map((d) => [...d.values()]))),
      numbers: [...c.numbers.keys()],
      dates: [...c.dates.keys()],
    });
    for (const s of [secret, '某单位X', '某科室Y', id, '370402198503121000', '王小红']) expect(dump).not.toContain(s);
  });
});
