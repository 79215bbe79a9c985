// The build step that includes extra rule-set files (scripts/included-rule-sets.ts): which files (CE_RULE_SETS, else
// rule-sets.local.json), the generated module the registry imports, and a clear Chinese refusal naming the file and
// the key for every file a build must not take. Run in a folder of its own: the tree's generated module is untouched.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../shared/index';
import { RuleSetDataError, checkDefinition } from '../../shared/rulesets/check';
import { GENERATED_MODULE, IncludedRuleSetError, LOCAL_LIST, MAX_RULE_SET_BYTES, RULE_SETS_ENV, listedFiles, writeIncludedRuleSets } from '../../scripts/included-rule-sets';
import { VARIANT_ID, variantDefinition, writeVariant } from '../support/variant-rule-set';

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
    writeVariant(root);
    const second = writeJson(root, 'second.json', { ...variantDefinition(), id: 'second-2024' });
    const r = writeIncludedRuleSets(root, { [RULE_SETS_ENV]: [`${VARIANT_ID}.json`, second].join(delimiter) });
    expect(r).toMatchObject({ from: 'env', ids: [VARIANT_ID, 'second-2024'], changed: true });
    const module = join(root, GENERATED_MODULE);
    const loaded = (await import(pathToFileURL(module).href)) as { INCLUDED_RULE_SETS: { id: string }[] };
    expect(loaded.INCLUDED_RULE_SETS).toEqual([variantDefinition(), { ...variantDefinition(), id: 'second-2024' }]);
    // the same list again: the file is not rewritten (a running wrangler dev would rebuild)
    const before = statSync(module).mtimeMs;
    expect(writeIncludedRuleSets(root, { [RULE_SETS_ENV]: [`${VARIANT_ID}.json`, second].join(delimiter) }).changed).toBe(false);
    expect(statSync(module).mtimeMs).toBe(before);
  });

  it(`${LOCAL_LIST} when CE_RULE_SETS is not set; CE_RULE_SETS set empty means none`, () => {
    const root = project();
    writeVariant(root);
    writeJson(root, LOCAL_LIST, { files: [`${VARIANT_ID}.json`] });
    expect(listedFiles(root, {})).toEqual({ from: 'local', files: [join(root, `${VARIANT_ID}.json`)] });
    expect(writeIncludedRuleSets(root, {}).ids).toEqual([VARIANT_ID]);
    expect(writeIncludedRuleSets(root, { [RULE_SETS_ENV]: '' })).toMatchObject({ from: 'none', ids: [] });
    writeJson(root, LOCAL_LIST, ['not', 'an', 'object']);
    expect(refused(root, {})).toContain(`${LOCAL_LIST} 应为 { "files"`);
  });
});

describe('what a build refuses, naming the file and the key', () => {
  const cases: [string, unknown, RegExp][] = [
    ['not JSON', '{ "id": ', /不是有效的 JSON/],
    ['not an object', [variantDefinition()], /应是一个 JSON 对象/],
    ['an id with capitals', { ...variantDefinition(), id: 'Variant 2024' }, /id 应为小写字母/],
    ['no year', { ...variantDefinition(), year: '二〇二四' }, /year 应为四位年份/],
    ['the built-in id', { ...variantDefinition(), id: DEFAULT_RULE_SET }, /与内置规则集相同/],
    ['a parameter left out', { ...variantDefinition(), parameters: { ...variantDefinition().parameters, trainingYearCap: undefined } }, /parameters\.trainingYearCap 缺失/],
    ['a parameter without its clause text', { ...variantDefinition(), parameters: { ...variantDefinition().parameters, seminarYearCap: { value: 30, label: 'x', clause: '附件1第1条' } } }, /parameters\.seminarYearCap 缺少条款/],
    ['a year-end that is no date', { ...variantDefinition(), parameters: { ...variantDefinition().parameters, yearEnd: { ...variantDefinition().parameters.yearEnd, value: '2024-13-01' } } }, /年度截止日期无效/],
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
    const a = writeVariant(root);
    const b = writeJson(root, 'copy.json', variantDefinition());
    expect(refused(root, { [RULE_SETS_ENV]: [a, b].join(delimiter) })).toContain(`规则集 ${VARIANT_ID} 出现了两次`);
  });

  it('a refused list leaves the module as it was', () => {
    const root = project();
    const good = writeVariant(root);
    writeIncludedRuleSets(root, { [RULE_SETS_ENV]: good });
    const module = readFileSync(join(root, GENERATED_MODULE), 'utf8');
    refused(root, { [RULE_SETS_ENV]: join(root, 'nowhere.json') });
    expect(readFileSync(join(root, GENERATED_MODULE), 'utf8')).toBe(module);
  });

  it('the registry’s own check (as the module loads) says which rule set and key', () => {
    expect(() => checkDefinition({ ...variantDefinition(), clauses: { main2: { clause: '正文二', text: 'x' } } }, '构建时加入的第 1 个规则集')).toThrow(
      new RuleSetDataError(`构建时加入的第 1 个规则集 ${VARIANT_ID}的 clauses.main2Item2 缺失`),
    );
    expect(checkDefinition(variantDefinition())).toEqual(variantDefinition());
  });
});
