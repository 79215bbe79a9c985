// The compact answer (shared/compact.ts): compact-then-expanded is the full answer of evaluate() for every worked
// case, 5,000 generated rows and arbitrary rows, as objects and after a JSON round trip (what travels over HTTP);
// defaults are left out; a broken compact answer or a rule set that does not match is refused in Chinese.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRows } from '../../scripts/bench-rows';
import { arbitraryRosters } from './arbitrary-rows';
import {
  CompactAnswerError,
  compactAnswer,
  expandAnswer,
  isCompactAnswer,
  rulesTableFor,
  type CompactEvaluateResponse,
} from '../../shared/compact';
import { ENGINE_VERSION, evaluate, getRuleSet, listRuleSets, type EvaluateOptions, type RosterRowInput } from '../../shared/index';

type Example = { id: string; asOf?: string; ruleSet?: string; row: RosterRowInput };
type Batch = { id: string; asOf?: string; rows: RosterRowInput[] };
const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures', name), 'utf8')) as T;
const examples = fixture<Example[]>('examples.json');
const batches = fixture<Batch[]>('batches.json');

/** GET /v1/rules' answer as a client receives it. */
const rulesJson = JSON.parse(JSON.stringify({ engineVersion: ENGINE_VERSION, ruleSets: listRuleSets() })) as unknown;
const viaJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Compacts evaluate()'s answer as the Worker does, expands it as the add-in does (both in memory and over JSON). */
function roundTrip(rows: RosterRowInput[], options: EvaluateOptions = {}): void {
  const full = evaluate(rows, options);
  const compact = compactAnswer(full, rows, getRuleSet(full.ruleSet));
  expect(isCompactAnswer(compact)).toBe(true);
  expect(expandAnswer(compact, rows, getRuleSet(full.ruleSet))).toEqual(full);
  const sent = viaJson(compact);
  expect(expandAnswer(sent, rows, rulesTableFor(rulesJson, sent))).toEqual(viaJson(full));
}

describe('compact answer: compact then expanded = the full answer', () => {
  it.each(examples.map((ex) => [ex.id, ex] as const))('worked case %s', (_id, ex) => {
    roundTrip([ex.row], { asOf: ex.asOf, ruleSet: ex.ruleSet });
  });

  it('every worked case in one call', () => {
    roundTrip(examples.filter((ex) => ex.ruleSet === undefined).map((ex) => ex.row), { asOf: '2023-11-01' });
  });

  it.each(batches.map((b) => [b.id, b] as const))('worked batch %s', (_id, b) => {
    roundTrip(b.rows, { asOf: b.asOf });
  });

  it('5,000 generated rows (scripts/bench-rows.ts): under a quarter of the bytes, each distinct warning sent once', () => {
    const rows = generateRows(5000);
    roundTrip(rows, { asOf: '2023-11-01' });
    const full = evaluate(rows, { asOf: '2023-11-01' });
    const compact = compactAnswer(full, rows, getRuleSet());
    const bytes = (v: unknown): number => new TextEncoder().encode(JSON.stringify(v)).length;
    expect(bytes(compact) / bytes(full)).toBeLessThan(0.25);
    const sent = full.results.flatMap((r) => r.warnings);
    const distinct = new Set(sent.map((w) => JSON.stringify(w)));
    expect(compact.warnings).toHaveLength(distinct.size);
    expect(distinct.size).toBeLessThan(sent.length / 2);
    // expanded rows have their own warning objects, as a parsed full answer does
    const expanded = expandAnswer(viaJson(compact), rows, getRuleSet());
    const objects = expanded.results.flatMap((r) => r.warnings);
    expect(new Set(objects).size).toBe(objects.length);
  });

  it('arbitrary rows, arbitrary cells (fast-check)', () => {
    fc.assert(fc.property(arbitraryRosters(12, 10), (rows) => roundTrip(rows, { asOf: '2023-11-01' })), { numRuns: 300 });
  });
});

describe('compact answer: what is left out', () => {
  const rows: RosterRowInput[] = [
    { name: '张三', unit: '枣庄市立医院', department: '内科', platformPublicHours: 30, platformProfessionalHours: 60 },
    { name: ' 李四 ', unit: '枣庄市立医院', department: '', platformPublicHours: 10, platformProfessionalHours: 60 },
    { name: '王五', unit: '无', department: '内科', platformPublicHours: 10 },
    {},
    { name: '赵六', specialCase: '产假', absentMonths: 6, platformPublicHours: 30, platformProfessionalHours: 60 },
  ];
  const full = evaluate(rows, { asOf: '2023-11-01' });
  const compact = compactAnswer(full, rows, getRuleSet());
  const sources = getRuleSet().sourceOrder;

  it('a person who meets the usual requirement by the usual deadline is only a breakdown', () => {
    expect(full.results[0].status).toBe('达标');
    expect(compact.results[0]).toEqual({
      b: full.results[0].breakdown.map((item) => [sources.findIndex((k) => getRuleSet().sources[k].label === item.label), item.public, item.professional]),
    });
    expect(compact.required).toEqual([full.results[0].requiredPublic, full.results[0].requiredProfessional]);
    expect(compact.deadline).toBe(full.results[0].deadline);
  });

  it('a blank row is its status only; a requirement that differs from the usual one is written out', () => {
    expect(compact.results[3]).toEqual({ s: 4 });
    expect(full.results[4].requiredPublic).not.toBe(full.results[0].requiredPublic);
    expect(compact.results[4].r).toEqual([full.results[4].requiredPublic, full.results[4].requiredProfessional]);
  });

  it('专业课按行业规定 and days without hours: the new input key goes in, the new warnings come back, requirement 0 written out', () => {
    const mixed: RosterRowInput[] = [
      ...rows.slice(0, 2),
      { name: '孙七', platformPublicHours: 30, platformProfessionalHours: 12, professionalBySector: '是' },
      { name: '周八', platformPublicHours: 30, platformProfessionalHours: 36, expertDays: 3, trainingDays: 2 },
      { name: '吴九', platformPublicHours: 30, platformProfessionalHours: 60, titleApplicant: '是', titleSubmissionDate: 20231009 },
    ];
    const answer = evaluate(mixed, { asOf: '2023-11-01' });
    const c = compactAnswer(answer, mixed, getRuleSet());
    expect(c.required).toEqual([30, 60]);
    expect(c.results[2].r).toEqual([30, 0]);
    expect(c.results[2].f).toBeUndefined();
    const codesOf = (i: number) => (c.results[i].w ?? []).map((k) => c.warnings?.[k].code);
    expect(codesOf(2)).toEqual(['PROFESSIONAL_BY_SECTOR']);
    expect(codesOf(3)).toEqual(['HOURS_MISSING', 'HOURS_MISSING']);
    expect(c.results[4].d).toBe('2023-09-26');
    expect(c.summary?.total.professionalBySector).toBe(1);
    roundTrip(mixed, { asOf: '2023-11-01' });
  });

  it('attention: an index where the row’s plain texts are the engine’s, else the texts', () => {
    const byIndex = new Map(full.summary.attention.map((a) => [a.index, a]));
    expect(byIndex.get(1)?.department).toBe('（未填）');
    expect(compact.summary?.attention).toContain(1);
    const placeholderUnit = byIndex.get(2);
    expect(placeholderUnit?.unit).toBe('（未填）');
    expect(compact.summary?.attention).toContainEqual([2, placeholderUnit?.name, placeholderUnit?.unit, placeholderUnit?.department]);
  });

  it('empty lists and zero defaults are absent; the answer says it is compact', () => {
    expect(compact.format).toBe('compact');
    const blank = compactAnswer(evaluate([]), [], getRuleSet());
    expect(blank).toEqual({ format: 'compact', ruleSet: full.ruleSet, engineVersion: full.engineVersion, results: [], summary: { total: evaluate([]).summary.total } });
    expect(expandAnswer(blank, [], getRuleSet())).toEqual(evaluate([]));
  });
});

describe('compact answer: refused when it cannot be expanded', () => {
  const rows = generateRows(20);
  const full = evaluate(rows, { asOf: '2023-11-01' });
  const compact = viaJson(compactAnswer(full, rows, getRuleSet()));
  const table = rulesTableFor(rulesJson, compact);
  const refused = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(CompactAnswerError);
      expect((e as Error).message).toMatch(/^计算服务的精简答复无法还原：[\u4e00-\u9fff]/);
      return (e as Error).message;
    }
    throw new Error('expected a refusal');
  };

  it('a source the rule set does not have', () => {
    const bad = viaJson(compact);
    const row = bad.results.find((r) => r.b !== undefined) as NonNullable<CompactEvaluateResponse['results'][number]>;
    (row.b as [number, number, number][])[0][0] = 99;
    expect(refused(() => expandAnswer(bad, rows, table))).toContain('99');
  });

  it('another number of rows than sent', () => {
    expect(refused(() => expandAnswer(compact, rows.slice(1), table))).toContain('发送 19 行，收到 20 行');
  });

  it('an unknown status number, an attention row that does not exist', () => {
    const bad = viaJson(compact);
    bad.results[0].s = 7;
    refused(() => expandAnswer(bad, rows, table));
    const bad2 = viaJson(compact);
    bad2.summary = { ...bad2.summary, total: full.summary.total, attention: [20] };
    refused(() => expandAnswer(bad2, rows, table));
  });

  it('rules of another engine version or without the answer’s rule set', () => {
    expect(refused(() => rulesTableFor({ ...(rulesJson as object), engineVersion: '0.0.0-old' }, compact))).toContain('0.0.0-old');
    refused(() => rulesTableFor(rulesJson, { ...compact, ruleSet: 'nowhere-2023' }));
    refused(() => rulesTableFor({ engineVersion: ENGINE_VERSION, ruleSets: [{ id: compact.ruleSet, sources: {} }] }, compact));
  });
});
