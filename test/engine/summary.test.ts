import { describe, expect, it } from 'vitest';
import { evaluate, summarize, type RosterRowInput } from '../../shared/index';
import { MAX_GROUP_TEXT, textOfCell } from '../../shared/normalize';
import { OVERLONG_TEXT, addToSummary, finishSummary, groupLabel, listedText, newSummaryBuilder } from '../../shared/summary';
import { generateRows } from '../../scripts/bench-rows';

const ok = { platformPublicHours: 30, platformProfessionalHours: 60 };
const rows: RosterRowInput[] = [
  { name: '甲', unit: '医院B', department: '外科', ...ok },
  { name: '乙', unit: '医院A', department: '内科', platformPublicHours: 30, platformProfessionalHours: 50 },
  {},
  { name: '丙', unit: '医院A', department: '', platformPublicHours: -1 },
  { name: '丁', unit: '医院A', department: '内科', ...ok, trainingHours: 30, trainingDays: 4 },
  { name: '戊', unit: '', department: '', platformPublicHours: 30, platformProfessionalHours: 40, competitions: 2, evidenceComplete: '否' },
  { name: '己', unit: '医院A', department: '内科', platformPublicHours: 10, titleApplicant: '是', titleSubmissionDate: '2023-10-09' },
];

describe('summary (docs/rules.md §8)', () => {
  const res = evaluate(rows, { asOf: '2023-11-01' });
  const s = res.summary;

  it('totals: blank rows are not counted; counts add up', () => {
    expect(s.total).toMatchObject({ headcount: 6, compliant: 2, short: 2, pendingEvidence: 1, invalid: 1 });
    expect(s.total.complianceRate).toBeCloseTo(2 / 6, 12);
    expect(s.total.lostHours).toBe(6);
  });

  it('averages exclude 数据有误 rows', () => {
    expect(s.total.avgPublic).toBe((30 + 30 + 30 + 30 + 10) / 5);
    expect(s.total.avgProfessional).toBe((60 + 50 + 84 + 60 + 0) / 5);
    expect(s.total.avgTotal).toBe(s.total.avgPublic + s.total.avgProfessional);
  });

  it('groups sorted by unit then department, blank as （未填）', () => {
    expect(s.groups.map((g) => [g.unit, g.department, g.headcount])).toEqual([
      ['医院A', '内科', 3],
      ['医院A', '（未填）', 1],
      ['医院B', '外科', 1],
      ['（未填）', '（未填）', 1],
    ]);
    const a = s.groups[0];
    expect(a).toMatchObject({ compliant: 1, short: 2, pendingEvidence: 0, invalid: 0, lostHours: 6 });
    expect(s.groups.reduce((n, g) => n + g.headcount, 0)).toBe(s.total.headcount);
  });

  it('attention: every non-blank row not 达标, by deadline then index', () => {
    expect(s.attention.map((x) => [x.index, x.name, x.status, x.deadline])).toEqual([
      [6, '己', '未达标', '2023-09-26'],
      [1, '乙', '未达标', '2023-12-31'],
      [3, '丙', '数据有误', '2023-12-31'],
      [5, '戊', '待补材料', '2023-12-31'],
    ]);
    expect(s.attention[0]).toMatchObject({ unit: '医院A', department: '内科', publicShortfall: 20, professionalShortfall: 60 });
    expect(s.attention[3]).toMatchObject({ unit: '（未填）', department: '（未填）' });
  });

  it('counts the people whose professional subjects the sector checks, per group and in total (not 数据有误 rows)', () => {
    expect(s.total.professionalBySector).toBe(0);
    const sector: RosterRowInput[] = [
      { name: '甲', unit: '医院A', department: '内科', platformPublicHours: 30, professionalBySector: '是' },
      { name: '乙', unit: '医院A', department: '内科', platformPublicHours: 10, platformProfessionalHours: 60, professionalBySector: '是' },
      { name: '丙', unit: '医院A', department: '外科', ...ok, professionalBySector: '否' },
      { name: '丁', unit: '医院B', department: '内科', platformPublicHours: -1, professionalBySector: '是' },
      {},
    ];
    const t = evaluate(sector).summary;
    expect(t.total).toMatchObject({ headcount: 4, compliant: 2, short: 1, invalid: 1, professionalBySector: 2 });
    expect(t.groups.map((g) => [g.unit, g.department, g.professionalBySector])).toEqual([
      ['医院A', '内科', 2], ['医院A', '外科', 0], ['医院B', '内科', 0],
    ]);
    expect(summarize(sector, evaluate(sector).results)).toEqual(t);
  });

  it('summarize(rows, results) gives the same summary', () => {
    expect(summarize(rows, res.results)).toEqual(s);
  });

  it('no rows: zeros', () => {
    expect(evaluate([]).summary).toEqual({
      total: { headcount: 0, compliant: 0, short: 0, pendingEvidence: 0, invalid: 0, complianceRate: 0, avgPublic: 0, avgProfessional: 0, avgTotal: 0, lostHours: 0, professionalBySector: 0 },
      groups: [],
      attention: [],
    });
  });

  it('groups of texts that share a slot of the recent-groups cache (same lengths, first and last characters) are kept apart', () => {
    // 甲一医院/甲二医院 × 内一科/内二科: every pair has the same lengths, first and last characters, so rows alternate in one slot
    const units = ['甲一医院', '甲二医院'];
    const departments = ['内一科', '内二科'];
    const many: RosterRowInput[] = [];
    for (let i = 0; i < 40; i++) many.push({ name: `人${i}`, unit: units[i % 2], department: departments[(i >> 1) % 2], ...ok, platformPublicHours: i % 3 === 0 ? 10 : 30 });
    const got = evaluate(many).summary;
    const expected = new Map<string, { headcount: number; short: number }>();
    many.forEach((r, i) => {
      const key = `${r.unit as string}/${r.department as string}`;
      const e = expected.get(key) ?? { headcount: 0, short: 0 };
      e.headcount++;
      if (i % 3 === 0) e.short++;
      expected.set(key, e);
    });
    expect(got.groups.map((g) => [`${g.unit}/${g.department}`, g.headcount, g.short])).toEqual(
      [...expected].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, e]) => [k, e.headcount, e.short]),
    );
    expect(got.attention.map((a) => [a.index, a.unit, a.department])).toEqual(
      many.flatMap((r, i) => (i % 3 === 0 ? [[i, r.unit, r.department]] : [])),
    );
  });

  it('different texts with the same label (two over-long units) are one group', () => {
    const long = (c: string) => c.repeat(MAX_GROUP_TEXT + 1);
    const got = evaluate([
      { name: '甲', unit: long('甲'), department: '内科', ...ok },
      { name: '乙', unit: long('乙'), department: '内科', ...ok },
      { name: '丙', unit: long('甲'), department: '内科', ...ok },
    ]).summary;
    expect(got.groups.map((g) => [g.unit, g.department, g.headcount])).toEqual([[OVERLONG_TEXT, '内科', 3]]);
  });
});

describe('the attention list of a large roster', () => {
  // 20,000 rows give about 9,000 entries: more than one chunk of the lists that hold them (shared/chunked-list.ts),
  // and several deadlines (title applicants'); the list is worked out here the plain way, from the results
  it('is every counted row not 达标, by deadline then index, with its texts as the summary lists them', () => {
    const big = generateRows(20_000);
    for (let i = 0; i < big.length; i += 97) big[i] = { ...big[i], name: `  ${String(big[i].name)} ` };
    const res = evaluate(big, { asOf: '2023-11-01' });
    const text = (v: unknown): string => textOfCell(v) ?? '';
    const expected = res.results
      .filter((r) => r.status !== '' && r.status !== '达标')
      .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.index - b.index))
      .map((r) => [r.index, listedText(readName(big[r.index].name)), groupLabel(text(big[r.index].unit)), groupLabel(text(big[r.index].department)), r.status, r.deadline]);
    expect(expected.length).toBeGreaterThan(8192);
    expect(new Set(expected.map((e) => e[5])).size).toBeGreaterThan(2);
    expect(res.summary.attention.map((a) => [a.index, a.name, a.unit, a.department, a.status, a.deadline])).toEqual(expected);
  });
});

/** A name cell as the engine reads it: a text without the spaces around it, a number as its text. */
function readName(v: unknown): string {
  return typeof v === 'string' ? v.trim() : textOfCell(v) ?? '';
}

describe('the attention list of rows added out of order', () => {
  it('is still by deadline then index (a comparison sort instead of the counting sort)', () => {
    const res = evaluate(rows, { asOf: '2023-11-01' });
    const b = newSummaryBuilder();
    for (let i = rows.length - 1; i >= 0; i--) {
      const r = rows[i];
      addToSummary(b, res.results[i], String(r.name ?? ''), String(r.unit ?? ''), String(r.department ?? ''));
    }
    const s = finishSummary(b, res.results);
    expect(s.attention.map((a) => [a.index, a.deadline])).toEqual(res.summary.attention.map((a) => [a.index, a.deadline]));
    expect(s.attention.map((a) => a.index)).toEqual([6, 1, 3, 5]);
  });
});
