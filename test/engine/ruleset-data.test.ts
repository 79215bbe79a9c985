// A rule set is validated data (docs/developer-guide.md, “How to add a year”): registerRuleSet checks a definition
// before anything uses it, and every problem is a Chinese line naming the key. Each check below breaks one thing in a
// copy of zaozhuang-2023's definition and expects the line that says so; the orders clients depend on are held to a
// committed snapshot (append-only).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  RuleSetError,
  definitionOf,
  evaluate,
  getRuleSet,
  hasRuleSet,
  listRuleSets,
  registerRuleSet,
  ruleSetProblems,
  type RuleSetDefinition,
} from '../../shared/index';
import { zaozhuang2023 } from '../../shared/rulesets/zaozhuang-2023';
import { DEMO_DEFINITION } from '../support/demo-rule-set';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A deep copy of zaozhuang-2023's definition under another id, changed by `change`. */
function variant(change: (d: RuleSetDefinition) => void): RuleSetDefinition {
  const d = definitionOf(getRuleSet());
  d.id = 'check-2023';
  change(d);
  return d;
}

/** A source of a definition, to change any of its fields. */
const source = (d: RuleSetDefinition, key: string): Record<string, unknown> => d.sources[key] as unknown as Record<string, unknown>;

/** The problems of a changed copy. */
const problems = (change: (d: RuleSetDefinition) => void): string[] => ruleSetProblems(variant(change));

describe('the rule sets we keep are valid', () => {
  it('zaozhuang-2023 (built in) and demo-2024 (a JSON file) have no problem', () => {
    expect(ruleSetProblems(zaozhuang2023)).toEqual([]);
    expect(ruleSetProblems(DEMO_DEFINITION)).toEqual([]);
  });

  it('definitionOf gives back the definition registerRuleSet took', () => {
    expect(definitionOf(getRuleSet())).toEqual(JSON.parse(JSON.stringify(zaozhuang2023)));
    expect(ruleSetProblems(variant(() => {}))).toEqual([]);
  });
});

describe('every problem is named by its key, in Chinese', () => {
  it('a clause without its text, a parameter without its clause text', () => {
    expect(problems((d) => (d.clauses.main6.text = ''))).toEqual([expect.stringMatching(/^clauses\.main6\.text：应为非空文字（条款原文）/)]);
    expect(problems((d) => delete (d.parameters.trainingYearCap as { text?: string }).text)).toEqual([
      expect.stringMatching(/^parameters\.trainingYearCap\.text：应为非空文字/),
    ]);
    expect(problems((d) => (d.sources.training.text = ' '))).toEqual([expect.stringMatching(/^sources\.training\.text：/)]);
  });

  it('a cap that is not a number', () => {
    const list = problems((d) => (d.parameters.trainingYearCap.value = '24'));
    expect(list).toEqual([expect.stringMatching(/^parameters\.trainingYearCap\.value：sources\.training\.yearCap 用它作上限.*现为"24"/)]);
    // a null cap is “no cap”, allowed where a cap is
    expect(problems((d) => (source(d, 'achievements').yearCap = 'certificatesYearCap'))).toEqual([]);
    // unless a template text quotes it (it would read “null”)
    expect(problems((d) => (d.parameters.achievementsYearCap.value = null))).toEqual([
      'inputs.achievements.rule：用了 {achievementsYearCap}，但参数“achievementsYearCap”的值是 null，提示里会显示“null”',
    ]);
    // but not where a number is needed
    expect(problems((d) => (d.parameters.achievementHours.value = null))).toContain(
      'parameters.achievementHours.value：sources.achievements.hoursEach 用它作数字，应为不小于0的数字，现为null',
    );
  });

  it('a reference to a parameter, an input or a clause that does not exist', () => {
    expect(problems((d) => (source(d, 'competitions').yearCap = 'competitionCap'))).toContain(
      'sources.competitions.yearCap：参数“competitionCap”不存在（应在 parameters 中给出，带条款和原文）',
    );
    const noInput = problems((d) => (source(d, 'competitions').count = 'competitionCount'));
    expect(noInput).toContain('sources.competitions.count：列“competitionCount”不存在（应在 inputs 中给出表头、别名和类型）');
    // the input it no longer reads is then unused
    expect(noInput.some((p) => p.startsWith('inputs.competitions：没有规则用到这一列'))).toBe(true);
    expect(problems((d) => (d.deadline.clause = 'main9'))).toEqual(['deadline.clause：条款“main9”不存在（应在 clauses 中给出引用和原文）']);
    expect(problems((d) => (source(d, 'degree').hours = 'trainingDays'))).toContain(
      "sources.degree.hours：列“trainingDays”应为“学时”类（kind: 'hours'），现为\"days\"",
    );
  });

  it('the template text may only quote parameters that exist and have a value', () => {
    expect(problems((d) => (d.inputs.trainingHours.rule += '{trainingMonthlyCap}'))).toEqual([
      'inputs.trainingHours.rule：用了 {trainingMonthlyCap}，但参数“trainingMonthlyCap”不存在',
    ]);
    expect(problems((d) => (d.inputs.certificates.rule += '{certificatesYearCap}'))[0]).toMatch(/值是 null/);
  });

  it('aliases that collide across columns, or with an output column', () => {
    expect(problems((d) => d.inputs.competitions.aliases.push('培训 学时'))).toEqual([
      'inputs.competitions.aliases[6]：“培训 学时”与 inputs.trainingHours 的表头或别名相同（比较时忽略空格、括号宽窄和大小写，“科目”视同“课”）',
    ]);
    expect(problems((d) => d.inputs.department.aliases.push('状态'))[0]).toMatch(/^inputs\.department\.aliases\[\d+\]：“状态”与计算结果列的表头相同/);
    // the same spelling within one column is no collision
    expect(problems((d) => d.inputs.competitions.aliases.push('竞赛 项数'))).toEqual([]);
  });

  it('the calendar covers its year and the days a count back can reach', () => {
    expect(problems((d) => (d.calendar.years = [2022]))).toContain('calendar.years：应包含规则集的年度 2023');
    expect(problems((d) => (d.calendar.covers.from = '2023-01-01'))).toContain(
      'calendar.covers.from：应不晚于2022-12-26：2023-01-01提交的材料，往前数5个工作日要用到这一天的安排',
    );
    expect(problems((d) => (d.calendar.covers.to = '2024-01-03'))).toContain(
      'calendar.covers.to：应不早于2024-01-08：次年年初提交的材料，往前数5个工作日会落回本年度，要用到此前各天的安排',
    );
    expect(problems((d) => d.calendar.holidays.push('2024-02-10'))).toContain('calendar：2024-02-10不在 covers（2022-12-26至2024-01-08）之内');
    expect(problems((d) => d.calendar.workdays.push('2023-03-01'))).toContain('calendar.workdays：2023-03-01是工作日本来就上班，调休上班日应是周六或周日');
    expect(problems((d) => d.calendar.holidays.push('2023-02-30'))).toContain('calendar.holidays[28]：应为 YYYY-MM-DD 格式的有效日期，现为"2023-02-30"');
    // more working days to count back reach further
    expect(problems((d) => (d.parameters.deadlineWorkingDays.value = 10))[0]).toMatch(/^calendar\.covers\.from：应不晚于2022-12-19/);
  });

  it('the orders are every key once; a new source or column is appended', () => {
    expect(problems((d) => d.orders.sources.pop())).toEqual([
      'orders.sources：缺少 transferProfessional（每个来源（sources 的键）出现一次；已在用的规则集只能在末尾追加）',
    ]);
    expect(problems((d) => d.orders.columns.push('name'))).toEqual(['orders.columns[26]：“name”重复']);
    expect(problems((d) => d.orders.warningCodes.push('CAP_OVERTIME'))).toEqual(['orders.warningCodes[23]：“CAP_OVERTIME”不是本规则集可能给出的提示代码']);
    // a code no rule gives any more
    const noGate = problems((d) => delete d.filingGate);
    expect(noGate).toContain('orders.warningCodes[12]：“TRAINING_NOT_FILED”不是本规则集可能给出的提示代码');
    expect(noGate.some((p) => p.startsWith('inputs.trainingFiled：没有规则用到这一列'))).toBe(true);
  });

  it('cap codes are one per cap, and shaped like codes', () => {
    expect(problems((d) => (source(d, 'competitions').capCode = 'CAP_ACHIEVEMENTS'))).toContain(
      'sources.competitions.capCode：提示代码 CAP_ACHIEVEMENTS 已用于 sources.achievements.capCode：每个上限一个代码',
    );
    expect(problems((d) => (source(d, 'competitions').capCode = 'cap-competitions'))[0]).toMatch(/^sources\.competitions\.capCode：应为提示代码/);
  });

  it('typos are unknown keys, not silently ignored', () => {
    expect(problems((d) => Object.assign(d.sources.competitions, { yearcap: 'competitionsYearCap' }))).toEqual([
      'sources.competitions.yearcap：未知的键（可用：kind、label、clause、text、evidence、side、count、hoursEach、yearCap、capCode、itemWord）',
    ]);
    expect(problems((d) => Object.assign(d, { specialCaseRules: [] })).length).toBe(1);
  });

  it('the numbers agree: the year end is in the year, the total is the sum', () => {
    expect(problems((d) => (d.parameters.yearEnd.value = '2024-12-31'))).toEqual([
      'parameters.yearEnd.value：年度截止日期应在规则集的年度（2023）内，现为2024-12-31',
    ]);
    expect(problems((d) => (d.parameters.requiredTotal.value = 100))).toEqual(['requirement.total：年度累计要求应等于公需课与专业课要求之和（30 + 60），现为100']);
  });

  it('a rule set must have 姓名 and can be without everything else a notice may lack', () => {
    expect(problems((d) => (d.inputs.name.required = false))).toContain('inputs.name：必须有“姓名”列：kind 为 text，required 为 true');
    // no special cases, no sector rule, no filing gate, no title applicants: their columns, parameters and codes go too
    const bare = variant((d) => {
      for (const k of ['specialCase', 'absentMonths', 'professionalBySector', 'trainingFiled', 'titleApplicant', 'titleSubmissionDate']) delete d.inputs[k];
      d.orders.columns = d.orders.columns.filter((k) => k in d.inputs);
      delete d.specialCases;
      delete d.sectorRule;
      delete d.filingGate;
      delete d.deadline.titleApplicants;
      const gone = ['SPECIAL_CASE_NOT_ELIGIBLE', 'SPECIAL_CASE_NEEDS_PROVINCIAL_APPROVAL', 'ABSENCE_WITHOUT_CASE', 'PROFESSIONAL_BY_SECTOR', 'TRAINING_NOT_FILED', 'TITLE_DATE_MISSING', 'CALENDAR_UNKNOWN'];
      d.orders.warningCodes = d.orders.warningCodes.filter((c) => !gone.includes(c));
    });
    expect(ruleSetProblems(bare)).toEqual([]);
    registerRuleSet(bare);
    const r = evaluate([{ name: '张三', platformPublicHours: 30, platformProfessionalHours: 60, specialCase: '产假', absentMonths: 6, trainingHours: 24, trainingFiled: '否' }], { ruleSet: bare.id }).results[0];
    // the keys it lacks are other columns: ignored like any column the rule set does not have
    expect(r).toMatchObject({ status: '达标', requiredPublic: 30, professionalHours: 84 });
    expect(r.warnings.map((w) => w.code)).toEqual(['DAYS_MISSING']);
    expect(getRuleSet(bare.id).specialCaseNames).toEqual([]);
    expect(getRuleSet(bare.id).duties.evidence.specialCase).toBeUndefined();
  });
});

describe('registerRuleSet', () => {
  it('refuses a definition with problems, listing each one in Chinese', () => {
    const bad = variant((d) => {
      d.id = 'bad-2023';
      d.parameters.trainingYearCap.value = '24';
      d.clauses.main6.text = '';
    });
    let error: unknown;
    try {
      registerRuleSet(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleSetError);
    const message = (error as RuleSetError).message;
    expect(message).toMatch(/^规则集“bad-2023”有误，无法使用：\n- /);
    expect((error as RuleSetError).problems).toHaveLength(2);
    expect(message).toContain('parameters.trainingYearCap.value');
    expect(message).toContain('clauses.main6.text');
    expect(hasRuleSet('bad-2023')).toBe(false);
    expect(() => registerRuleSet(null)).toThrow(/规则集：应为对象/);
  });

  it('registers data (a parsed JSON file) under its id, once; later changes to the object change nothing', () => {
    const data = JSON.parse(JSON.stringify(variant((d) => (d.id = 'json-2023')))) as RuleSetDefinition;
    const rs = registerRuleSet(data);
    expect(rs.id).toBe('json-2023');
    expect(listRuleSets().map((r) => r.id)).toContain('json-2023');
    expect(() => registerRuleSet(data)).toThrow(/已有编号为“json-2023”的规则集/);
    expect(() => registerRuleSet(zaozhuang2023)).toThrow(/已有编号为“zaozhuang-2023”的规则集/);
    data.parameters.requiredPublic.value = 99;
    expect(getRuleSet('json-2023').parameters.requiredPublic.value).toBe(30);
    expect(Object.isFrozen(getRuleSet('json-2023').parameters.requiredPublic)).toBe(true);
    const row = { name: '张三', platformPublicHours: 30, platformProfessionalHours: 60, trainingHours: 40, trainingDays: 5 };
    expect(evaluate([row], { ruleSet: 'json-2023' }).results).toEqual(evaluate([row]).results);
  });
});

describe('the orders clients depend on are append-only (test/fixtures/rulesets/zaozhuang-2023-orders.json)', () => {
  const snapshot = JSON.parse(readFileSync(resolve(root, 'test/fixtures/rulesets/zaozhuang-2023-orders.json'), 'utf8')) as Record<string, string[]>;

  it.each(['sources', 'columns', 'warningCodes'] as const)('orders.%s starts with the committed snapshot (a reorder or a removal fails)', (key) => {
    const now = getRuleSet().orders[key];
    expect(now.slice(0, snapshot[key].length), `orders.${key}: only append; then add the new keys to the snapshot`).toEqual(snapshot[key]);
    expect(now.length).toBe(snapshot[key].length);
  });

  it('the compact answer indexes sourceOrder = orders.sources; the template and CEHOURS read orders.columns', () => {
    expect(getRuleSet().sourceOrder).toEqual(snapshot.sources);
    expect(listRuleSets().find((r) => r.id === 'zaozhuang-2023')?.sourceOrder).toEqual(snapshot.sources);
  });
});
