// The variant-year drill (issue 24): a new year's notice is ONE data file plus its worked cases. demo-2024
// (test/fixtures/rulesets/demo-2024.json, fictitious: 公需 36 + 专业 54, the 附件1第1条 category cap 32, a new clause
// 志愿服务 of an existing kind with its column 志愿服务次数, the 2024 holiday calendar) is registered from the file alone,
// and goes through the same code paths as zaozhuang-2023: the engine, the header mapping and roster plan, the template,
// the custom functions' columns, the compact answer both ways, the output cells, the summary and the duty sheets.
// (The Worker: test/worker/rule-sets.test.ts; the worked cases: test/engine/examples.test.ts.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeFunction, defaultColumns } from '../../addin/functions/compute';
import { buildDutyLayouts } from '../../addin/duties/duty-layouts';
import { buildTemplateLayout } from '../../addin/template/template-layout';
import { generateRows } from '../../scripts/bench-rows';
import { compactAnswer, expandAnswer } from '../../shared/compact';
import { compactAnswerJson } from '../../shared/compact-json';
import { evaluateRows } from '../../shared/evaluate';
import {
  creditKeysOf,
  evaluate,
  formatRowOutput,
  getRuleSet,
  headerTable,
  listRuleSets,
  mapHeaders,
  summarize,
  type RosterRowInput,
} from '../../shared/index';
import { planRoster } from '../../shared/roster';
import { describeRuleSet } from '../../shared/rulesets';
import { warmUpRows } from '../../shared/warm-up-rows';
import { DEMO_RULE_SET, registerDemo } from '../support/demo-rule-set';
import { grid } from '../engine/roster/grid';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEMO = DEMO_RULE_SET;
const AS_OF = '2024-11-01';

beforeAll(registerDemo);

/** Rows of the benchmark's generator with 志愿服务 on some, as a clerk of 2024 would fill them. */
function demoRows(n: number): RosterRowInput[] {
  return generateRows(n, 2024).map((r, i) => (i % 4 === 0 ? { ...r, volunteerCount: i % 7 } : i % 9 === 0 ? { ...r, volunteerCount: `${i % 5}次` } : r));
}

describe('the variant year is data only', () => {
  it('no production file names the new clause, its column or the variant year', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|mjs|html|css|json|jsonc)$/.test(f)) files.push(p);
      }
    };
    for (const dir of ['shared', 'addin', 'worker', 'scripts', 'bin']) walk(resolve(root, dir));
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toMatch(/志愿|volunteer|demo-2024/);
  });

  it('is registered from its JSON file, with its own numbers, clause and calendar', () => {
    const rs = getRuleSet(DEMO);
    expect(rs.year).toBe(2024);
    expect(rs.sources.volunteer).toMatchObject({ kind: 'itemsTimesHours', label: '志愿服务', clause: '附件1第8条' });
    expect(rs.sourceOrder.at(-1)).toBe('volunteer');
    expect(rs.orders.columns.at(-1)).toBe('volunteerCount');
    expect(listRuleSets().map((r) => r.id)).toEqual(['zaozhuang-2023', DEMO]);
  });
});

describe('header mapping and the roster plan', () => {
  it('maps 志愿服务次数 (and its aliases) under demo-2024, not under zaozhuang-2023', () => {
    const m = mapHeaders(['姓名', '市平台公需课学时', '志愿服务次数（次）', '专业课'], DEMO);
    expect(m.columns).toEqual(['name', 'platformPublicHours', 'volunteerCount', 'platformProfessionalHours']);
    expect(m.creditColumns).toContain('volunteerCount');
    expect(mapHeaders(['姓名', '志愿活动次数'], DEMO).columns).toEqual(['name', 'volunteerCount']);
    expect(mapHeaders(['姓名', '志愿服务次数']).unknown).toEqual([{ index: 1, header: '志愿服务次数' }]);
    expect(creditKeysOf(DEMO)).toEqual([...creditKeysOf(), 'volunteerCount']);
  });

  it('a roster sheet whose only hours column is 志愿服务次数 is read under demo-2024 and stopped under zaozhuang-2023', () => {
    const g = grid('花名册', [['姓名', '单位', '志愿服务次数'], ['张三', '示例市人民医院', 2], ['李四', '示例市人民医院', '4次']]);
    const plan = planRoster(g, { ruleSet: DEMO });
    expect(plan.stop).toBeNull();
    expect(plan.ruleSet).toBe(DEMO);
    expect(plan.rows.map((r) => r.input)).toEqual([
      { name: '张三', unit: '示例市人民医院', volunteerCount: 2 },
      { name: '李四', unit: '示例市人民医院', volunteerCount: '4次' },
    ]);
    expect(planRoster(g).stop?.code).toBe('NO_HOURS_COLUMN');
  });
});

describe('the template and the custom functions', () => {
  it('the template has the new column last, with its validation and an input message quoting the rule set', () => {
    const t = buildTemplateLayout(10, DEMO);
    const last = t.columns.at(-1);
    expect(t.columns.map((c) => c.key)).toEqual(getRuleSet(DEMO).orders.columns);
    expect(last).toMatchObject({
      key: 'volunteerCount',
      header: '志愿服务次数',
      validation: { type: 'wholeNumber', min: 0, max: 366 },
      prompt: { title: '志愿服务次数（附件1第8条）', message: '每次志愿服务计专业课4学时，每年累计不超过12学时（附件1第8条），填整数。' },
    });
    // numbers of the variant in other columns' messages, and its year in the date example
    const byKey = Object.fromEntries(t.columns.map((c) => [c.key, c]));
    expect(byKey.platformPublicHours.prompt.message).toContain('公需课每年不少于36学时');
    expect(byKey.seminarHours.prompt.message).toContain('与培训进修合计不超过32学时');
    expect(byKey.titleSubmissionDate.errorMessage).toContain('2024-10-09');
    expect(buildTemplateLayout(10).columns.map((c) => c.key)).not.toContain('volunteerCount');
  });

  it('CEHOURS and friends read the rule set\'s columns, by default order or by a header row', () => {
    const columns = defaultColumns(DEMO);
    expect(columns).toEqual(getRuleSet(DEMO).orders.columns);
    const row: RosterRowInput = { name: '张三', platformPublicHours: 36, platformProfessionalHours: 40, volunteerCount: 5 };
    const cells = columns.map((k) => row[k] ?? '');
    expect(computeFunction('hours', [cells], null, DEMO)).toEqual([[88]]);
    expect(computeFunction('shortfall', [cells], null, DEMO)).toEqual([[0, 2]]);
    expect(computeFunction('warnings', [cells], null, DEMO)).toEqual([['志愿服务5次计20学时，超过12学时上限，8学时未计入（附件1第8条）']]);
    expect(computeFunction('hours', [[5, '张三', 36, 40]], [['志愿服务次数', '姓名', '公需课', '专业课']], DEMO)).toEqual([[88]]);
    // the same cells under zaozhuang-2023: no such column
    expect(() => computeFunction('hours', [[5, '张三', 36, 40]], [['志愿服务次数', '姓名', '公需课', '专业课']])).not.toThrow();
    expect(computeFunction('hours', [[5, '张三', 36, 40]], [['志愿服务次数', '姓名', '公需课', '专业课']])).toEqual([[76]]);
  });
});

describe('the answer: compact both ways, output cells, summary', () => {
  const rows = (): RosterRowInput[] => [...demoRows(3000), ...warmUpRows(DEMO, 400)];

  it('the compact answer from the columns is the reference encoding, and expands to the full answer with GET /v1/rules', () => {
    const rs = rows();
    const full = evaluate(rs, { ruleSet: DEMO, asOf: AS_OF });
    const bytes = new TextDecoder().decode(compactAnswerJson(evaluateRows(rs, { ruleSet: DEMO, asOf: AS_OF }), rs));
    expect(bytes).toBe(JSON.stringify(compactAnswer(full, rs, getRuleSet(DEMO))));
    const table = JSON.parse(JSON.stringify(describeRuleSet(getRuleSet(DEMO))));
    expect(expandAnswer(JSON.parse(bytes), rs, table)).toEqual(JSON.parse(JSON.stringify(full)));
    // 志愿服务 is source 12 of demo-2024's order, and its cap travels as a warning like any other
    const compact = JSON.parse(bytes) as { results: { b?: number[][] }[]; warnings: { code: string }[] };
    expect(compact.results.some((r) => r.b?.some((item) => item[0] === 12))).toBe(true);
    expect(compact.warnings.map((w) => w.code)).toContain('CAP_VOLUNTEER');
  });

  it('the output cells cite the new clause; the summary counts its lost hours', () => {
    const row = { name: '张三', unit: '示例市人民医院', platformPublicHours: 36, platformProfessionalHours: 46, volunteerCount: 5 };
    const r = evaluate([row], { ruleSet: DEMO, asOf: AS_OF }).results[0];
    const cells = formatRowOutput(r, DEMO);
    expect(cells.slice(0, 7)).toEqual([36, 58, 94, 0, 0, '2024-12-31', '达标']);
    expect(cells[7]).toBe('志愿服务5次计20学时，超过12学时上限，8学时未计入（附件1第8条）');
    expect(cells[8]).toContain('志愿服务计专业课12学时（附件1第8条）');
    expect(cells[8]).toContain('本年度应完成公需课36学时、专业课54学时');
    const s = summarize([row], [r]);
    expect(s.total).toMatchObject({ headcount: 1, compliant: 1, lostHours: 8 });
  });
});

describe('the duty sheets', () => {
  it('审核材料清单 lists 志愿服务 with its evidence wording; 提醒名单 speaks of 2024 and the variant\'s platform', () => {
    const people: RosterRowInput[] = [
      { name: '张三', unit: '示例市人民医院', platformPublicHours: 36, platformProfessionalHours: 46, volunteerCount: 2, evidenceComplete: '否' },
      { name: '李四', unit: '示例市人民医院', platformPublicHours: 30, platformProfessionalHours: 60 },
    ];
    const results = evaluate(people, { ruleSet: DEMO, asOf: AS_OF }).results;
    expect(results.map((r) => r.status)).toEqual(['待补材料', '未达标']);
    const { reminders, checklist } = buildDutyLayouts({
      rows: people, results, ruleSet: DEMO, asOf: AS_OF, rosterSheet: '花名册', firstDataRowNumber: 2, madeAt: '2024-11-01 09:00',
    });
    const checklistText = JSON.stringify(checklist);
    expect(checklistText).toContain('志愿服务');
    expect(checklistText).toContain(getRuleSet(DEMO).sources.volunteer.evidence?.evidence);
    expect(checklistText).toContain('附件1第8条、第7条');
    const reminderText = JSON.stringify(reminders);
    expect(reminderText).toContain('您2024年度继续教育');
    expect(reminderText).toContain('示例市专业技术人员继续教育服务平台');
    expect(reminderText).toContain('要求公需课36学时、专业课54学时');
    expect(reminderText).not.toMatch(/2023|枣庄/);
  });
});

describe('the header table is the rule set\'s', () => {
  it('zaozhuang-2023\'s 26 columns come first, unchanged; demo-2024 appends one', () => {
    const base = headerTable();
    const demo = headerTable(DEMO);
    expect(demo.length).toBe(base.length + 1);
    expect(demo.slice(0, base.length).map((h) => [h.key, h.zh, h.kind])).toEqual(base.map((h) => [h.key, h.zh, h.kind]));
  });
});
