// A rule set given as data (a file a build includes: scripts/included-rule-sets.ts) checked before it is registered:
// the shape the engine reads, every key named in a Chinese message. Kept free of the registry's imports, so the build
// step can check files without loading the rule sets it is replacing.
import { compileRuleSet } from './compile';
import { CLAUSE_KEYS, SOURCE_KEYS, type RuleSet, type RuleSetDefinition } from './types';
import { zaozhuang2023 } from './zaozhuang-2023';

/** A rule set's data is not usable: the message names the rule set and the key. */
export class RuleSetDataError extends Error {
  override readonly name = 'RuleSetDataError';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The derived lists every registered rule set carries. */
export function withDerived(def: RuleSetDefinition): RuleSet {
  return { ...def, specialCaseNames: def.specialCaseRules.map((c) => c.name), sourceOrder: SOURCE_KEYS };
}

/** `data` as a rule-set definition, or RuleSetDataError naming what is missing or wrong. */
export function checkDefinition(data: unknown, source = '规则集'): RuleSetDefinition {
  if (!isObject(data)) throw new RuleSetDataError(`${source}不是一个对象`);
  const id = typeof data.id === 'string' ? data.id : '';
  const where = `${source}${id ? ` ${id}` : ''}`;
  const fail = (key: string, why: string): never => {
    throw new RuleSetDataError(`${where}的 ${key} ${why}`);
  };
  for (const key of ['id', 'title', 'notice'] as const) if (typeof data[key] !== 'string' || data[key] === '') fail(key, '应为非空文字');
  if (typeof data.year !== 'number' || !Number.isInteger(data.year)) fail('year', '应为年份（整数）');
  const sections: [string, readonly string[]][] = [
    ['parameters', Object.keys(zaozhuang2023.parameters)],
    ['sources', SOURCE_KEYS],
    ['clauses', CLAUSE_KEYS],
    ['words', Object.keys(zaozhuang2023.words)],
    ['duties', Object.keys(zaozhuang2023.duties)],
    ['calendar', Object.keys(zaozhuang2023.calendar)],
  ];
  for (const [section, keys] of sections) {
    const value = data[section];
    if (!isObject(value)) fail(section, '缺失或不是对象');
    for (const k of keys) if (!(k in (value as object))) fail(`${section}.${k}`, '缺失');
  }
  const params = data.parameters as Record<string, unknown>;
  for (const [k, p] of Object.entries(params)) {
    if (!isObject(p) || !('value' in p)) fail(`parameters.${k}`, '应为 { value, label, clause, text }');
    const q = p as Record<string, unknown>;
    if (typeof q.clause !== 'string' || typeof q.text !== 'string' || q.text === '') fail(`parameters.${k}`, '缺少条款（clause）或条款原文（text）');
  }
  if (!Array.isArray(data.specialCaseRules)) fail('specialCaseRules', '应为数组');
  const def = data as unknown as RuleSetDefinition;
  try {
    compileRuleSet(withDerived(def));
  } catch (e) {
    throw new RuleSetDataError(`${where}无法使用：${e instanceof Error ? e.message : String(e)}`);
  }
  return def;
}
