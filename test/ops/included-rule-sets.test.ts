// The build step that includes extra rule-set files (scripts/included-rule-sets.ts): which files (CE_RULE_SETS, else
// rule-sets.local.json), the generated module the registry imports, and a clear Chinese refusal naming the file and
// the key for every file a build must not take (the checks of registerRuleSet: shared/rulesets/validate.ts). The file
// is the fictitious demo-2024 (test/fixtures/rulesets/). Run in a folder of its own: the tree's generated module is
// untouched.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../shared/index';
import type { RuleSetDefinition } from '../../shared/rulesets/types';
import { GENERATED_MODULE, IncludedRuleSetError, LOCAL_LIST, MAX_RULE_SET_BYTES, RULE_SETS_ENV, listedFiles, writeIncludedRuleSets } from '../../scripts/included-rule-sets';
import { DEMO_DEFINITION, DEMO_RULE_SET } from '../support/demo-rule-set';

const DEMO_FILE = fileURLToPath(new URL('../fixtures/rulesets/demo-2024.json', import.meta.url));
const demoDefinition = (): RuleSetDefinition => structuredClone(DEMO_DEFINITION) as RuleSetDefinition;
/** Copies demo-2024.json into `dir`; returns its path. */
function writeDemo(dir: string): string {
  const file = join(dir, `${DEMO_RULE_SET}.json`);
  copyFileSync(DEMO_FILE, file);
  return file;
}

const work = mkdtempSync(join(tmpdir(), 'ce-included-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
/** A project folder of its own, with the generated module's folder. */
function project(): string {
  const root = join(work, `p${n++}`);
  mkdirSync(join(root, 'shared', 'rulesets'), { recursive: true });
  return root;
}

function writeJson(root: string, name: string, data: unknown): string {
  const file = join(root, name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data), 'utf8');
  return file;
}

const refused = (root: string, env: Record<string, string>): string => {
  try {
    writeIncludedRuleSets(root, env);
  } catch (e) {
    expect(e).toBeInstanceOf(IncludedRuleSetError);
    return (e as Error).message;
  }
  throw new Error('not refused');
};

describe('which files a build includes', () => {
  it('none by default: the module lists none', () => {
    const root = project();
    const r = writeIncludedRuleSets(root, {});
    expect(r).toMatchObject({ from: 'none', files: [], ids: [], changed: true });
    expect(readFileSync(join(root, GENERATED_MODULE), 'utf8')).toContain('export const INCLUDED_RULE_SETS: readonly unknown[] = [];');
  });

  it('CE_RULE_SETS lists files (separated like PATH, relative to the project folder); the module holds their definitions', async () => {
    const root = project();
    writeDemo(root);
    const second = writeJson(root, 'second.json', { ...demoDefinition(), id: 'second-2024' });
    const r = writeIncludedRuleSets(root, { [RULE_SETS_ENV]: [`${DEMO_RULE_SET}.json`, second].join(delimiter) });
    expect(r).toMatchObject({ from: 'env', ids: [DEMO_RULE_SET, 'second-2024'], changed: true });
    const module = join(root, GENERATED_MODULE);
    const loaded = (await import(pathToFileURL(module).href)) as { INCLUDED_RULE_SETS: { id: string }[] };
    expect(loaded.INCLUDED_RULE_SETS).toEqual([demoDefinition(), { ...demoDefinition(), id: 'second-2024' }]);
    // the same list again: the file is not rewritten (a running wrangler dev would rebuild)
    const before = statSync(module).mtimeMs;
    expect(writeIncludedRuleSets(root, { [RULE_SETS_ENV]: [`${DEMO_RULE_SET}.json`, second].join(delimiter) }).changed).toBe(false);
    expect(statSync(module).mtimeMs).toBe(before);
  });

  it(`${LOCAL_LIST} when CE_RULE_SETS is not set; CE_RULE_SETS set empty means none`, () => {
    const root = project();
    writeDemo(root);
    writeJson(root, LOCAL_LIST, { files: [`${DEMO_RULE_SET}.json`] });
    expect(listedFiles(root, {})).toEqual({ from: 'local', files: [join(root, `${DEMO_RULE_SET}.json`)] });
    expect(writeIncludedRuleSets(root, {}).ids).toEqual([DEMO_RULE_SET]);
    expect(writeIncludedRuleSets(root, { [RULE_SETS_ENV]: '' })).toMatchObject({ from: 'none', ids: [] });
    writeJson(root, LOCAL_LIST, ['not', 'an', 'object']);
    expect(refused(root, {})).toContain(`${LOCAL_LIST} 应为 { "files"`);
  });
});

describe('what a build refuses, naming the file and the key', () => {
  const v = demoDefinition();
  const cases: [string, unknown, RegExp][] = [
    ['not JSON', '{ "id": ', /不是有效的 JSON/],
    ['not an object', [v], /规则集：应为对象/],
    ['an id with capitals', { ...v, id: 'Variant 2024' }, /id：应为小写字母/],
    ['no year', { ...v, year: '二〇二四' }, /year：应为年份/],
    ['the built-in id', { ...v, id: DEFAULT_RULE_SET }, /与内置规则集相同/],
    ['a parameter left out', { ...v, parameters: { ...v.parameters, trainingYearCap: undefined } }, /sources\.training\.yearCap：参数“trainingYearCap”不存在/],
    ['a parameter without its clause text', { ...v, parameters: { ...v.parameters, seminarYearCap: { value: 30, label: 'x', clause: '附件1第1条' } } }, /parameters\.seminarYearCap\.text：应为非空文字/],
    ['a cap that is no number', { ...v, parameters: { ...v.parameters, volunteerYearCap: { ...v.parameters.volunteerYearCap, value: '十二' } } }, /parameters\.volunteerYearCap\.value：.*应为不小于0的数字/],
    ['a year-end that is no date', { ...v, parameters: { ...v.parameters, yearEnd: { ...v.parameters.yearEnd, value: '2024-13-01' } } }, /parameters\.yearEnd\.value：.*有效日期/],
    ['an alias of another column', { ...v, inputs: { ...v.inputs, volunteerCount: { ...v.inputs.volunteerCount, aliases: ['培训进修学时'] } } }, /inputs\.volunteerCount\.aliases\[0\]：“培训进修学时”与 inputs\.trainingHours/],
  ];
  for (const [what, data, message] of cases) {
    it(what, () => {
      const root = project();
      const file = writeJson(root, 'bad.json', data);
      const text = refused(root, { [RULE_SETS_ENV]: file });
      expect(text).toMatch(message);
      expect(text).toContain(file);
    });
  }

  it('a missing file, a file far too large, the same id twice', () => {
    const root = project();
    expect(refused(root, { [RULE_SETS_ENV]: join(root, 'nowhere.json') })).toContain('找不到规则集文件');
    const big = writeJson(root, 'big.json', ' '.repeat(MAX_RULE_SET_BYTES + 1));
    expect(refused(root, { [RULE_SETS_ENV]: big })).toContain('超过上限');
    const a = writeDemo(root);
    const b = writeJson(root, 'copy.json', demoDefinition());
    expect(refused(root, { [RULE_SETS_ENV]: [a, b].join(delimiter) })).toContain(`规则集 ${DEMO_RULE_SET} 出现了两次`);
  });

  it('a refused list leaves the module as it was', () => {
    const root = project();
    const good = writeDemo(root);
    writeIncludedRuleSets(root, { [RULE_SETS_ENV]: good });
    const module = readFileSync(join(root, GENERATED_MODULE), 'utf8');
    refused(root, { [RULE_SETS_ENV]: join(root, 'nowhere.json') });
    expect(readFileSync(join(root, GENERATED_MODULE), 'utf8')).toBe(module);
  });

  it('every problem of a file at once, one line each', () => {
    const root = project();
    const file = writeJson(root, 'bad.json', { ...demoDefinition(), id: 'Bad Id', calendar: { ...demoDefinition().calendar, covers: undefined } });
    const lines = refused(root, { [RULE_SETS_ENV]: file }).split('\n');
    expect(lines[0]).toBe(`规则集文件 ${file} 有误，无法使用：`);
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^- id：/), expect.stringMatching(/^- calendar\.covers：/)]);
  });
});
