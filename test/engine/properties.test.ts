import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getRuleSet, evaluate, type RosterRowInput, type RowResult } from '../../shared/index';

/** zaozhuang-2023's columns (orders.columns). */
const ROSTER_KEYS = getRuleSet().orders.columns;
import { dayFromParts } from '../../shared/dates';
import { parseDateCell } from '../../shared/normalize';

/** Arbitrary cell content: any JSON value, plus the strings real rosters hold. */
const cell = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('', ' ', '是', '否', 'Y', '√', '×', '３０学时', '12天', '2项', '5个月', '-3', '2023-10-09', '2023年10月9日', '产假', '病假'),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 50000 }),
);
const anyRow = fc.dictionary(fc.constantFrom(...ROSTER_KEYS), cell, { maxKeys: ROSTER_KEYS.length });

const hours = (max: number) => fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: max * 4 }).map((n) => n / 4));
const count = fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 8 }));

/** Valid rows, so that credits can be compared with claims. */
const validRow = fc.record(
  {
    name: fc.constant('张三'),
    unit: fc.constantFrom('医院A', '医院B', ''),
    department: fc.constantFrom('内科', ''),
    platformPublicHours: hours(40),
    platformProfessionalHours: hours(80),
    trainingHours: hours(60),
    trainingDays: hours(6),
    seminarHours: hours(60),
    seminarDays: hours(6),
    trainingFiled: fc.constantFrom(undefined, '是', '否'),
    degreeStudyHours: hours(60),
    certificates: count,
    achievements: count,
    expertDays: hours(5),
    expertHours: hours(50),
    aidMonths: hours(12),
    competitions: count,
    specialCase: fc.constantFrom(undefined, '境外工作', '病假', '产假', '其他'),
    absentMonths: fc.integer({ min: 0, max: 12 }),
    transferPublicHours: hours(20),
    transferProfessionalHours: hours(20),
    evidenceComplete: fc.constantFrom(undefined, '是', '否'),
    titleApplicant: fc.constantFrom(undefined, '是', '否'),
    titleSubmissionDate: fc.constantFrom(undefined, '2023-10-09', 45000, '2024-01-05', 20231009),
    professionalBySector: fc.constantFrom(undefined, '是', '否'),
  },
  { requiredKeys: ['name'] },
).map((r) => {
  const row: RosterRowInput = { ...r };
  if (row.specialCase === undefined) delete row.absentMonths;
  return row;
});

const n = (v: unknown): number => (typeof v === 'number' ? v : 0);
const one = (row: RosterRowInput): RowResult => evaluate([row]).results[0];
const sumBy = (r: RowResult, clause: string, label?: string) =>
  r.breakdown.filter((b) => b.clause === clause && (label === undefined || b.label === label)).reduce((s, b) => s + b.public + b.professional, 0);

/** Hours a valid row claims before any cap (what lostHours must account for). */
function claimed(row: RosterRowInput): number {
  // days without hours claim nothing (HOURS_MISSING): the notice credits actual hours
  const expert = n(row.expertHours);
  return (
    n(row.platformPublicHours) + n(row.platformProfessionalHours) + n(row.trainingHours) + n(row.seminarHours) +
    n(row.degreeStudyHours) + 16 * n(row.certificates) + 10 * n(row.achievements) + expert + 7.5 * n(row.aidMonths) +
    10 * n(row.competitions) + n(row.transferPublicHours) + n(row.transferProfessionalHours)
  );
}

describe('properties (fast-check)', () => {
  it('arbitrary JSON values in any field never throw and give a well-formed result', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyRow, fc.jsonValue()), { maxLength: 5 }), (rows) => {
        const res = evaluate(rows as RosterRowInput[], { asOf: '2023-11-01' });
        expect(res.results.length).toBe(rows.length);
        for (const r of res.results) {
          expect(['达标', '未达标', '待补材料', '数据有误', '']).toContain(r.status);
          for (const x of [r.publicHours, r.professionalHours, r.totalHours, r.publicShortfall, r.professionalShortfall]) {
            expect(Number.isFinite(x)).toBe(true);
            expect(x).toBeGreaterThanOrEqual(0);
          }
          expect(r.errors.length > 0).toBe(r.status === '数据有误');
          for (const e of r.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
          for (const w of r.warnings) expect(w.message).toMatch(/[\u4e00-\u9fff]/);
        }
        expect(JSON.parse(JSON.stringify(res))).toEqual(res);
      }),
      { numRuns: 300 },
    );
  });

  it('credited ≤ claimed per category, and caps are never exceeded', () => {
    fc.assert(
      fc.property(validRow, (row) => {
        const r = one(row);
        if (r.status === '数据有误') return;
        const cat1 = sumBy(r, '附件1第1条');
        expect(sumBy(r, '附件1第1条', '培训进修')).toBeLessThanOrEqual(Math.min(24, n(row.trainingHours)));
        expect(sumBy(r, '附件1第1条', '高级研修班')).toBeLessThanOrEqual(Math.min(30, n(row.seminarHours)));
        expect(cat1).toBeLessThanOrEqual(30);
        if (row.trainingDays !== undefined) expect(sumBy(r, '附件1第1条', '培训进修')).toBeLessThanOrEqual(8 * n(row.trainingDays));
        expect(sumBy(r, '附件1第2条', '自考及学历教育')).toBeLessThanOrEqual(Math.min(40, n(row.degreeStudyHours)));
        expect(sumBy(r, '附件1第3条')).toBeLessThanOrEqual(Math.min(30, 10 * n(row.achievements)));
        expect(sumBy(r, '附件1第5条')).toBeLessThanOrEqual(Math.min(30, 10 * n(row.competitions)));
        if (row.expertDays !== undefined) expect(sumBy(r, '附件1第4条', '专家活动')).toBeLessThanOrEqual(8 * n(row.expertDays));
        expect(r.totalHours).toBeLessThanOrEqual(claimed(row) + 1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it("the lostHours of a row's warnings equal claimed minus credited", () => {
    fc.assert(
      fc.property(validRow, (row) => {
        const r = one(row);
        if (r.status === '数据有误') return;
        const lost = r.warnings.reduce((s, w) => s + (w.lostHours ?? 0), 0);
        expect(lost).toBeCloseTo(claimed(row) - r.totalHours, 9);
      }),
      { numRuns: 500 },
    );
  });

  it('adding hours to a source never lowers the total', () => {
    const sources = [
      'platformPublicHours', 'platformProfessionalHours', 'trainingHours', 'seminarHours', 'degreeStudyHours', 'certificates',
      'achievements', 'expertHours', 'aidMonths', 'competitions', 'transferPublicHours', 'transferProfessionalHours',
    ] as const;
    fc.assert(
      fc.property(validRow, fc.constantFrom(...sources), fc.integer({ min: 1, max: 40 }), (row, key, add) => {
        const before = one(row);
        const after = one({ ...row, [key]: n(row[key]) + add });
        fc.pre(before.status !== '数据有误' && after.status !== '数据有误');
        expect(after.totalHours).toBeGreaterThanOrEqual(before.totalHours);
        expect(after.publicHours).toBeGreaterThanOrEqual(before.publicHours);
        expect(after.professionalHours).toBeGreaterThanOrEqual(before.professionalHours);
      }),
      { numRuns: 500 },
    );
  });

  it('status agrees with the shortfalls', () => {
    fc.assert(
      fc.property(validRow, (row) => {
        const r = one(row);
        if (r.status === '数据有误') return;
        expect(r.publicShortfall).toBeCloseTo(Math.max(0, r.requiredPublic - r.publicHours), 9);
        expect(r.professionalShortfall).toBeCloseTo(Math.max(0, r.requiredProfessional - r.professionalHours), 9);
        const short = r.publicShortfall > 0 || r.professionalShortfall > 0;
        expect(r.status === '未达标').toBe(short);
        expect(r.totalHours).toBe(r.publicHours + r.professionalHours);
      }),
      { numRuns: 500 },
    );
  });

  it("the summary's counts add up to the rows", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(validRow, anyRow, fc.constant({})), { maxLength: 30 }), (rows) => {
        const res = evaluate(rows as RosterRowInput[]);
        const t = res.summary.total;
        const nonBlank = res.results.filter((r) => r.status !== '').length;
        expect(t.headcount).toBe(nonBlank);
        expect(t.compliant + t.short + t.pendingEvidence + t.invalid).toBe(t.headcount);
        expect(res.summary.groups.reduce((s, g) => s + g.headcount, 0)).toBe(t.headcount);
        for (const key of ['compliant', 'short', 'pendingEvidence', 'invalid'] as const) {
          expect(res.summary.groups.reduce((s, g) => s + g[key], 0)).toBe(t[key]);
        }
        expect(res.summary.attention.length).toBe(t.headcount - t.compliant);
        const lost = res.results.reduce((s, r) => s + r.warnings.reduce((x, w) => x + (w.lostHours ?? 0), 0), 0);
        expect(t.lostHours).toBeCloseTo(lost, 9);
      }),
      { numRuns: 200 },
    );
  });

  it('same input, same output', () => {
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 10 }), (rows) => {
        expect(evaluate(rows as RosterRowInput[], { asOf: '2023-11-01' })).toEqual(evaluate(rows as RosterRowInput[], { asOf: '2023-11-01' }));
      }),
      { numRuns: 100 },
    );
  });
});

describe('days without hours (docs/rules.md §3: 8 a day is a ceiling, not a default)', () => {
  const SOURCES = [
    { days: 'trainingDays', hours: 'trainingHours', clause: '附件1第1条', label: '培训进修', what: '培训进修' },
    { days: 'seminarDays', hours: 'seminarHours', clause: '附件1第1条', label: '高级研修班', what: '高级研修班' },
    { days: 'expertDays', hours: 'expertHours', clause: '附件1第4条', label: '专家活动', what: '专家活动' },
  ] as const;
  const positiveDays = fc.integer({ min: 1, max: 366 * 4 }).map((q) => q / 4);
  const hoursMissing = (r: RowResult) => r.warnings.filter((w) => w.code === 'HOURS_MISSING');
  /** 第1条 not filed with 第1条 hours claimed: one TRAINING_NOT_FILED and no other 第1条 warning (docs/rules.md §3). */
  const notFiled = (row: RosterRowInput, clause: string) =>
    clause === '附件1第1条' && row.trainingFiled === '否' && n(row.trainingHours) + n(row.seminarHours) > 0;

  it('days above 0 with the hours blank credit 0 and warn HOURS_MISSING with the clause of the source, no lostHours', () => {
    fc.assert(
      fc.property(validRow, fc.constantFrom(...SOURCES), positiveDays, (base, src, days) => {
        const row: RosterRowInput = { ...base, [src.days]: days };
        delete row[src.hours];
        const without: RosterRowInput = { ...row };
        delete without[src.days];
        const r = one(row);
        const w = one(without);
        fc.pre(r.status !== '数据有误');
        expect(r.breakdown.some((b) => b.label === src.label)).toBe(false);
        // the days alone change nothing but the warning
        expect([r.publicHours, r.professionalHours, r.status]).toEqual([w.publicHours, w.professionalHours, w.status]);
        const missing = hoursMissing(r).filter((x) => x.message.startsWith(src.what));
        if (notFiled(row, src.clause)) {
          expect(missing).toEqual([]);
        } else {
          expect(missing).toHaveLength(1);
          expect(missing[0].clause).toBe(src.clause);
          expect(missing[0].lostHours).toBeUndefined();
          expect(missing[0].message).toContain('请按证明材料补填实际学时');
        }
        expect(hoursMissing(w).filter((x) => x.message.startsWith(src.what))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('filling in the hours from the proof removes HOURS_MISSING and never lowers the total', () => {
    fc.assert(
      fc.property(validRow, fc.constantFrom(...SOURCES), positiveDays, fc.integer({ min: 0, max: 400 }), (base, src, days, quarters) => {
        const row: RosterRowInput = { ...base, [src.days]: days };
        delete row[src.hours];
        const filled: RosterRowInput = { ...row, [src.hours]: quarters / 4 };
        const before = one(row);
        const after = one(filled);
        fc.pre(before.status !== '数据有误' && after.status !== '数据有误');
        expect(hoursMissing(after).filter((x) => x.message.startsWith(src.what))).toEqual([]);
        expect(after.totalHours).toBeGreaterThanOrEqual(before.totalHours);
        // within the daily cap and no other cap in the way, the hours of the proof are what is credited
        if (src.days === 'expertDays' && quarters / 4 <= 8 * days) {
          expect(after.breakdown.find((b) => b.label === '专家活动')?.professional ?? 0).toBe(quarters / 4);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('a date typed as a number (docs/rules.md §9)', () => {
  const date = fc.record({ y: fc.integer({ min: 1900, max: 2999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) });
  const digits = ({ y, m, d }: { y: number; m: number; d: number }) => y * 10000 + m * 100 + d;
  const pad = (x: number) => String(x).padStart(2, '0');

  it('a whole number 19000101–29991231 that forms a valid date is that date, as its text and its ISO form are', () => {
    fc.assert(
      fc.property(date, (p) => {
        const n8 = digits(p);
        const day = dayFromParts(p.y, p.m, p.d);
        expect(parseDateCell(n8)).toBe(day);
        expect(parseDateCell(String(n8))).toBe(day);
        if (!Number.isNaN(day)) expect(parseDateCell(`${p.y}-${pad(p.m)}-${pad(p.d)}`)).toBe(day);
      }),
      { numRuns: 1000 },
    );
  });

  it('any 8-digit number whose month or day is impossible, a fraction, or a number between the serials and 19000101 or above 29991231 is NOT_A_DATE', () => {
    const notADate = fc.oneof(
      // month 00, 13–99 or day 00, 32–99
      fc.record({ y: fc.integer({ min: 1900, max: 2999 }), m: fc.integer({ min: 0, max: 99 }), d: fc.integer({ min: 0, max: 99 }) })
        .filter(({ y, m, d }) => Number.isNaN(dayFromParts(y, m, d)))
        .map(digits),
      date.filter(({ y, m, d }) => !Number.isNaN(dayFromParts(y, m, d))).map((p) => digits(p) + 0.5),
      fc.integer({ min: 2958466, max: 19000100 }),
      fc.integer({ min: 29991232, max: Number.MAX_SAFE_INTEGER }),
    );
    fc.assert(
      fc.property(notADate, (v) => {
        expect(parseDateCell(v)).toBeNaN();
        const r = one({ name: '张三', titleApplicant: '是', titleSubmissionDate: v });
        expect(r.errors.map((e) => `${e.code}:${e.field}`)).toEqual(['NOT_A_DATE:titleSubmissionDate']);
      }),
      { numRuns: 500 },
    );
  });

  it('a title applicant gets the same deadline from 20231009 typed as a number, as text and as a serial', () => {
    fc.assert(
      fc.property(date.filter(({ y, m, d }) => !Number.isNaN(dayFromParts(y, m, d))), (p) => {
        const at = (v: number | string) => one({ name: '张三', platformPublicHours: 30, titleApplicant: '是', titleSubmissionDate: v });
        const byNumber = at(digits(p));
        expect(byNumber.status).not.toBe('数据有误');
        expect(byNumber.deadline).toBe(at(`${p.y}-${pad(p.m)}-${pad(p.d)}`).deadline);
        expect(byNumber.warnings).toEqual(at(`${p.y}-${pad(p.m)}-${pad(p.d)}`).warnings);
      }),
      { numRuns: 300 },
    );
  });
});
